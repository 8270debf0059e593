// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {IRebalanceCallback} from "./IRebalanceCallback.sol";

/// @notice How one asset trades against the stablecoin.
/// @param sellPath V3 path from the asset to the stablecoin (token | fee | token ...), one hop or more.
/// @param buyPath V3 path from the stablecoin to the asset.
/// @param maxSlippageBps {bps} Each swap's minimum out is the oracle value less this (pool fee included).
/// @param maxTradeValue D18{USD} Largest trade of this asset in one step; bigger deviations take steps.
struct Route {
    bytes sellPath;
    bytes buyPath;
    uint16 maxSlippageBps;
    uint256 maxTradeValue;
}

/// @title IBlockETFRebalancer
/// @notice Rebalances one BlockETF through V3 pools (PancakeSwap V3 on BNB Chain), one bounded step per
/// call: plans the step on-chain from the fund's holdings and oracle (RebalancePlanLib), asks the fund to
/// send what must be sold, sells it into the stablecoin and buys the under-weight assets, every swap with a
/// minimum out derived from the oracle, never from a pool quote; the fund then checks the whole step.
/// @dev Who may trigger: the fund's keeper at any time the rule allows; anyone else once the rule has been
/// due for `publicDelay` seconds, recorded by the permissionless `poke`. The keeper can send privately
/// (no public mempool, so no sandwich); the public fallback keeps the fund rebalancing without it, still
/// within the same on-chain bounds.
interface IBlockETFRebalancer is IRebalanceCallback {
    /// @notice Runs one rebalance step.
    /// @return complete True when every weight is back within the threshold (the cooldown starts).
    function rebalance() external returns (bool complete);
    /// @notice Records (or clears) the time the rule became due; permissionless.
    /// @return due Whether the rule holds now.
    function poke() external returns (bool due);

    /// @notice Sets the route of asset `index` (not the stablecoin). Only the owner. Reverts `InvalidRoute`
    /// unless both paths join the asset and the stablecoin, and `NoPool` if a hop has no pool at its fee
    /// tier in the SwapRouter's factory.
    function setRoute(uint256 index, Route calldata route) external;
    /// @notice {s} How long the rule must have been due before anyone may trigger. Only the owner.
    function setPublicDelay(uint32 delay) external;
    /// @notice {s} Minimum time between two steps, so pools can be arbitraged back. Only the owner.
    function setStepInterval(uint32 interval) external;

    /// @notice The fund rebalanced (immutable).
    function FUND() external view returns (address);
    /// @notice The V3 SwapRouter (immutable).
    function ROUTER() external view returns (address);
    /// @notice Index of the stablecoin sleeve in the fund (immutable).
    function STABLE_INDEX() external view returns (uint256);
    function route(uint256 index) external view returns (Route memory);
    /// @notice Asset `index`'s V3 path to the stablecoin (empty when no route is set).
    function sellPath(uint256 index) external view returns (bytes memory);
    /// @notice Asset `index`'s V3 path from the stablecoin (empty when no route is set).
    function buyPath(uint256 index) external view returns (bytes memory);
    function publicDelay() external view returns (uint32);
    function stepInterval() external view returns (uint32);
    /// @notice {s} Time of the last step; 0 = never.
    function lastStepAt() external view returns (uint64);
    /// @notice {s} Since when the rule has been due, as recorded by `poke` or a step; 0 = not due.
    function dueSince() external view returns (uint64);
    /// @notice The step `rebalance` would run now.
    /// @return sent {tok} What the fund would send per asset.
    /// @return spend {tok of stablecoin} Stablecoin planned for each under-weight asset.
    function previewStep() external view returns (uint256[] memory sent, uint256[] memory spend);
    /// @notice Whether `caller` may trigger a step now, and when the next one may run.
    function canRebalance(address caller) external view returns (bool allowed, uint256 nextStepAt);
}
