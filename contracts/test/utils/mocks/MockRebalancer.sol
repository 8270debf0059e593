// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {IBlockETF} from "../../../src/interfaces/IBlockETF.sol";
import {IRebalanceCallback} from "../../../src/interfaces/IRebalanceCallback.sol";

/// @notice Test-only rebalancer with a scripted outcome: on the fund's callback it sends back `back[i]` of
/// each asset from its own balance (pre-funded by the test), whatever it was sent, so tests can make a step
/// lose value, overshoot, churn or re-enter and check that the fund itself refuses it.
contract MockRebalancer is IRebalanceCallback {
    using SafeERC20 for IERC20;

    IBlockETF public immutable FUND;
    uint256[] internal _back;
    bytes internal _reenter;

    constructor(IBlockETF fund) {
        FUND = fund;
    }

    function run(uint256[] memory sent, uint256[] memory back)
        external
        returns (uint256[] memory received, bool complete)
    {
        _back = back;
        return FUND.rebalance(sent, "");
    }

    /// @dev Calldata the callback sends to the fund (a re-entry attempt); empty for none.
    function setReenter(bytes memory data) external {
        _reenter = data;
    }

    function onBlockETFRebalance(uint256[] calldata, bytes calldata) external {
        require(msg.sender == address(FUND), "MockRebalancer: not the fund");
        if (_reenter.length > 0) {
            (bool ok, bytes memory reason) = address(FUND).call(_reenter);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(reason, 0x20), mload(reason))
                }
            }
        }
        for (uint256 i; i < _back.length; ++i) {
            if (_back[i] > 0) IERC20(FUND.asset(i).token).safeTransfer(address(FUND), _back[i]);
        }
    }
}
