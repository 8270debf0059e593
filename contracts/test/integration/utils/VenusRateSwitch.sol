// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IVenusTestRateModel} from "./IVenusTest.sol";

/// @notice Test-only wrapper around Venus's own JumpRateModel that can be made to revert: it puts a real
/// vToken in the state "its interest rate cannot be computed" (what MockInterestRateModel.setReverts
/// does on the double). The market installs it through its own `_setInterestRateModel`; while `reverts`
/// is false it answers exactly what the wrapped model answers.
contract VenusRateSwitch {
    IVenusTestRateModel public immutable MODEL;
    address public immutable OWNER;
    bool public reverts;

    constructor(IVenusTestRateModel model) {
        (MODEL, OWNER) = (model, msg.sender);
    }

    function setReverts(bool reverts_) external {
        require(msg.sender == OWNER, "VenusRateSwitch: owner only");
        reverts = reverts_;
    }

    /// @dev Checked by `_setInterestRateModel`.
    function isInterestRateModel() external pure returns (bool) {
        return true;
    }

    function getBorrowRate(uint256 cash, uint256 borrows, uint256 reserves) external view returns (uint256) {
        require(!reverts, "model reverted");
        return MODEL.getBorrowRate(cash, borrows, reserves);
    }

    function getSupplyRate(uint256 cash, uint256 borrows, uint256 reserves, uint256 reserveFactor)
        external
        view
        returns (uint256)
    {
        require(!reverts, "model reverted");
        return MODEL.getSupplyRate(cash, borrows, reserves, reserveFactor);
    }
}
