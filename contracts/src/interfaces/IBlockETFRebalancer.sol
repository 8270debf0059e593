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
/// @dev Who may trigger: the fund's keeper at any time the rule allows; anyone else once a step has been
/// due for `publicDelay` seconds, observed continuously by the permissionless `poke` (observations at most
/// `maxPokeGap` apart; a step counts as one). A step is due when the fund's rule holds or an episode of the
/// fund is open and before its deadline. The keeper can send privately (no public mempool, so no sandwich);
/// the public fallback keeps the fund rebalancing without it, still within the same on-chain bounds.
interface IBlockETFRebalancer is IRebalanceCallback {
    /// @notice Runs one rebalance step. When the plan sells nothing while the fund's episode is open, the
    /// call closes that episode instead (the fund ends it as stalled: the rule and the cooldown apply
    /// again); with no episode open it reverts `NothingToRebalance`.
    /// @return complete True when every weight is back within the threshold (the cooldown starts).
    function rebalance() external returns (bool complete);
    /// @notice Observes whether a step is due (the rule holds, or the fund's episode is open and before its
    /// deadline) and records it; permissionless. `dueSince` starts at the first observation, and again when
    /// the previous one is more than `maxPokeGap` old; an observation of "not due" clears it.
    /// @return due Whether a step is due now.
    function poke() external returns (bool due);

    /// @notice Sets the route of asset `index` (not the stablecoin). Only the owner. Reverts `InvalidRoute`
    /// unless both paths join the asset and the stablecoin and `maxSlippageBps` is above each path's fees
    /// (1 .. 1000 bps), and `NoPool` if a hop has no pool at its fee tier in the SwapRouter's factory.
    /// @dev Set each route's bound from its fee tiers plus a stated impact allowance (the SDK's
    /// `routeSlippageBps`), not one figure for every route: a 1 % bound lets a 0.05 %-fee swap lose 96 bps.
    function setRoute(uint256 index, Route calldata route) external;
    /// @notice {s} How long the rule must have been due before anyone may trigger. Only the owner.
    function setPublicDelay(uint32 delay) external;
    /// @notice {s} Minimum time between two steps, so pools can be arbitraged back. Only the owner.
    function setStepInterval(uint32 interval) external;
    /// @notice {s} Longest gap between two observations of "due" for it to count as continuous (1 minute ..
    /// 1 day; default 1 hour). Only the owner.
    function setMaxPokeGap(uint32 gap) external;

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
    /// @notice {s} Since when a step has been due, observed continuously by `poke` and steps; 0 = not due.
    function dueSince() external view returns (uint64);
    /// @notice {s} The last observation of "due"; 0 = none since it was last cleared.
    function lastDueAt() external view returns (uint64);
    function maxPokeGap() external view returns (uint32);
    /// @notice The step `rebalance` would run now.
    /// @return sent {tok} What the fund would send per asset.
    /// @return spend {tok of stablecoin} Stablecoin planned for each under-weight asset.
    function previewStep() external view returns (uint256[] memory sent, uint256[] memory spend);
    /// @notice Whether `caller` may trigger a step now, and when the next one may run (the later of this
    /// contract's `stepInterval` and the fund's own `minStepInterval` since their last steps).
    function canRebalance(address caller) external view returns (bool allowed, uint256 nextStepAt);
}
