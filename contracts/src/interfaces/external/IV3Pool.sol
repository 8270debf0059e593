// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title IV3Pool
/// @notice The part of a V3 pool the router reads and quotes with. Uniswap V3 and PancakeSwap V3 pools
/// agree on these; their `slot0` differ after the first word (PancakeSwap's `feeProtocol` is a uint32), so
/// only `sqrtPriceX96` is declared and the rest of the return data is ignored.
interface IV3Pool {
    /// @return sqrtPriceX96 Q64.96{sqrt(tok1/tok0)} Current price.
    function slot0() external view returns (uint160 sqrtPriceX96);

    /// @notice Liquidity in range at the current price.
    function liquidity() external view returns (uint128);

    /// @notice Swaps; the pool pays out first, then calls back the sender (`uniswapV3SwapCallback` or
    /// `pancakeV3SwapCallback`) for what it is owed.
    /// @param amountSpecified > 0: exact input; < 0: exact output.
    function swap(
        address recipient,
        bool zeroForOne,
        int256 amountSpecified,
        uint160 sqrtPriceLimitX96,
        bytes calldata data
    ) external returns (int256 amount0, int256 amount1);
}
