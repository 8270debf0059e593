// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IV3SwapRouter} from "../../../src/interfaces/external/IV3SwapRouter.sol";
import {V3Dex} from "../../utils/dex/V3Dex.sol";
import {RebalancerStepsTest} from "./steps.t.sol";

/// @notice Every RebalancerStepsTest test on Uniswap V3's own Factory, pools and SwapRouter (npm artifacts)
/// instead of PancakeSwap V3's: the rebalancer talks to any V3 SwapRouter with this interface, and its
/// swaps settle through `uniswapV3SwapCallback` as they do through `pancakeV3SwapCallback`.
contract RebalancerStepsOnUniswapV3Test is RebalancerStepsTest {
    function _dexKind() internal pure override returns (V3Dex.Kind) {
        return V3Dex.Kind.Uniswap;
    }

    /// @dev The swaps here go through Uniswap's router and factory: only Uniswap V3 has the 0.3 % tier.
    function test_Dex_IsUniswapV3s() public view {
        address factory = IV3SwapRouter(dex.router()).factory();
        assertEq(factory, dex.factory(), "router's factory");
        assertTrue(IUniswapFactoryTiers(factory).feeAmountTickSpacing(3000) == 60, "Uniswap's 0.3 % tier");
    }
}

interface IUniswapFactoryTiers {
    function feeAmountTickSpacing(uint24 fee) external view returns (int24);
}
