// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title IV3SwapRouter
/// @notice The part of a V3 `SwapRouter` the periphery uses. PancakeSwap V3's SwapRouter (v3-periphery 1.0.2,
/// on BNB Chain and the devnet) and Uniswap V3's (v3-periphery 1.4.4, in some tests) declare these functions
/// and struct fields identically, deadline included.
interface IV3SwapRouter {
    /// @param path token (20 bytes) | fee (3 bytes) | token | ... from input to output.
    struct ExactInputParams {
        bytes path;
        address recipient;
        uint256 deadline;
        uint256 amountIn;
        uint256 amountOutMinimum;
    }

    /// @notice Swaps exactly `amountIn` along `path`; reverts unless at least `amountOutMinimum` comes out.
    function exactInput(ExactInputParams calldata params) external payable returns (uint256 amountOut);

    /* ROUTER */

    /// @param path token | fee | token | ... from OUTPUT to input (reversed: the first token is bought).
    struct ExactOutputParams {
        bytes path;
        address recipient;
        uint256 deadline;
        uint256 amountOut;
        uint256 amountInMaximum;
    }

    /// @notice Swaps for exactly `amountOut` of the path's first token; reverts if that costs more than
    /// `amountInMaximum` of its last token. Intermediate hops leave nothing behind.
    function exactOutput(ExactOutputParams calldata params) external payable returns (uint256 amountIn);

    /// @notice The V3 factory whose pools the router swaps in (PancakeSwap: `PancakeV3Factory`).
    function factory() external view returns (address);
}
