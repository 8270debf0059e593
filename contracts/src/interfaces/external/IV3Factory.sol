// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title IV3Factory
/// @notice Pool lookup of a V3 factory (Uniswap V3 and PancakeSwap V3 alike).
interface IV3Factory {
    /// @return pool The pool of the pair at `fee` (token order does not matter), or address(0).
    function getPool(address tokenA, address tokenB, uint24 fee) external view returns (address pool);
}
