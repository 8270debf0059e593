// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IV3SwapRouter} from "../../../src/interfaces/external/IV3SwapRouter.sol";
import {V3Dex} from "../../utils/dex/V3Dex.sol";
import {MintWithStableTest} from "./mintWithStable.t.sol";
import {RedeemToStableTest} from "./redeemToStable.t.sol";

/// @notice The router's mint and redeem tests on Uniswap V3's own Factory, pools and SwapRouter (npm
/// artifacts) instead of PancakeSwap V3's: its quotes simulate each swap in the pool and read the deltas
/// from `uniswapV3SwapCallback` as they do from `pancakeV3SwapCallback`, and must equal execution on both.
contract MintWithStableOnUniswapV3Test is MintWithStableTest {
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

/// @notice The router's redeem tests on Uniswap V3's own contracts (see MintWithStableOnUniswapV3Test).
contract RedeemToStableOnUniswapV3Test is RedeemToStableTest {
    function _dexKind() internal pure override returns (V3Dex.Kind) {
        return V3Dex.Kind.Uniswap;
    }
}

interface IUniswapFactoryTiers {
    function feeAmountTickSpacing(uint24 fee) external view returns (int24);
}
