// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";

interface IRebalanceGasSnapshot {
    function snapshotGasLastCall(string calldata name) external returns (uint256 gasUsed);
}

/// @notice Gas of one rebalance step on the 6-asset fund (Venus doubles, real Uniswap V3 pools), as whole
/// transactions under `--isolate` (see GasBench.t.sol). Each case moves target weights so that exactly the
/// named assets are sold and bought; every sold asset is withdrawn from Venus and every bought one is
/// supplied again. Every market accrued in an earlier block.
contract RebalanceGasBenchTest is RebalanceBaseTest {
    IRebalanceGasSnapshot internal constant GAS = IRebalanceGasSnapshot(address(vm));

    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
        fund.sweep();
        _advance(10, 30);
    }

    function _retarget(uint16[N] memory w) internal {
        uint16[] memory weights = new uint16[](N);
        for (uint256 i; i < N; ++i) {
            weights[i] = w[i];
        }
        vm.prank(owner);
        fund.setTargetWeights(weights);
        WEIGHTS = w;
    }

    /// @dev 1 sell, 1 buy: BTC 25 -> 19 %, ETH 20 -> 26 %.
    function test_gas_rebalance1x1() public {
        _retarget([uint16(1900), 2600, 1500, 1000, 1000, 2000]);
        _step();
        GAS.snapshotGasLastCall("rebalance1x1");
    }

    /// @dev 2 sells, 2 buys: BTC and ETH -6 %, BNB and SOL +6 %.
    function test_gas_rebalance2x2() public {
        _retarget([uint16(1900), 1400, 2100, 1000, 1600, 2000]);
        _step();
        GAS.snapshotGasLastCall("rebalance2x2");
    }

    /// @dev V1's case: BTC +40 %, sold into the four other risk assets and the USDT sleeve.
    function test_gas_rebalancePriceShock() public {
        _shock(BTC, 14_000);
        _step();
        GAS.snapshotGasLastCall("rebalance1x4PriceShock");
    }
}
