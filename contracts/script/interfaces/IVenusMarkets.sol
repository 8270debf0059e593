// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title IVenusMarkets
/// @notice The Venus core-pool comptroller's market registry, as the deploy command's preflight reads it
/// (off-chain only; the fund never calls it). `markets(vToken)` returns more fields in Venus 10.x (the
/// liquidation threshold and incentive, the pool id, isBorrowAllowed); the first three are the ones every
/// Venus comptroller has returned, and the only ones declared, so the call decodes on any of them.
interface IVenusMarkets {
    /// @return isListed Whether the comptroller lists `vToken` (`_supportMarket` was called for it).
    /// @return collateralFactorMantissa D18{1}
    /// @return isVenus Whether the market earns XVS (legacy flag).
    function markets(address vToken)
        external
        view
        returns (bool isListed, uint256 collateralFactorMantissa, bool isVenus);

    /// @return Every market the comptroller lists.
    function getAllMarkets() external view returns (address[] memory);
}
