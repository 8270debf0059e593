// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title IRebalanceCallback
/// @notice Implemented by a fund's rebalancer: called by `IBlockETF.rebalance` once the fund has sent
/// `sent` to it.
interface IRebalanceCallback {
    /// @notice Trades what the fund sent and transfers what it bought (and any stablecoin left) back to the
    /// fund before returning. The fund credits balance differences and checks the step against its oracle.
    /// @dev Must check that `msg.sender` is the fund and that it started this rebalance itself.
    /// @param sent {tok} What the fund sent, per asset index.
    /// @param data Whatever the rebalancer passed to `rebalance`.
    function onBlockETFRebalance(uint256[] calldata sent, bytes calldata data) external;
}
