// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title IPriceOracle
/// @notice Prices basket tokens in USD.
interface IPriceOracle {
    /// @notice D18{USD/tok} Price of one whole `token` (10**decimals units), scaled by 1e18.
    /// @dev Reverts with a typed error when the price is missing, stale, non-positive, from an incomplete
    /// round or outside its sanity bounds. Never returns 0.
    function price(address token) external view returns (uint256);
}
