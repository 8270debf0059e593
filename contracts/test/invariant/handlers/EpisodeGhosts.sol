// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlockETF} from "../../../src/BlockETF.sol";
import {RebalanceEpisode} from "../../../src/interfaces/IBlockETF.sol";
import {LensEpisode} from "../../../src/interfaces/IBlockETFLens.sol";
import {BlockETFLens} from "../../../src/periphery/BlockETFLens.sol";

/// @notice Ghost bookkeeping of rebalance episodes, measured from the outside (the Lens before and after
/// each step), shared by the rebalance handlers: E1 an episode never loses more than its budget, E2 the rule
/// is never bypassed outside an episode, E3 no step belongs to an episode past its deadline, E4 steps keep
/// the fund's interval and step cap.
abstract contract EpisodeGhosts {
    /// @dev D18{USD} Rounding allowed per step between the fund's valuation and the Lens's after the
    /// re-supply to Venus (Venus rounds every mint down by under one vToken).
    uint256 internal constant ROUNDING_PER_STEP = 1e13;

    struct Before {
        bool active;
        bool expired;
        bool ruleDue;
        uint256 deadline;
        uint256 nextStepAt;
        uint256 startedAt;
        uint256 value;
    }

    uint256 public acceptedSteps;
    uint256 public episodesStarted;
    /// @dev E1: the episode's loss, measured by the Lens, went above its budget.
    uint256 public lossOverBudget;
    /// @dev E2: a step started an episode while the rule did not hold.
    uint256 public ruleBypassed;
    /// @dev E3: a step continued an episode past its deadline.
    uint256 public stepsPastDeadline;
    /// @dev E4: a step came before the fund's interval, or an episode took more than its cap.
    uint256 public intervalOrCapBroken;
    /// @dev D18{USD} The current episode's loss as the Lens measures it, and its step count.
    uint256 public ghostLost;
    uint256 internal _ghostSteps;

    function _lens() internal view virtual returns (BlockETFLens);
    function _fund() internal view virtual returns (BlockETF);

    /// @dev What a step is judged against; reads the Lens, so only call it while prices are readable.
    function _beforeStep() internal view returns (Before memory b) {
        LensEpisode memory x = _lens().rebalanceEpisode(address(_fund()));
        (b.active, b.expired, b.deadline, b.nextStepAt, b.startedAt) =
        (x.status.active, x.status.expired, x.status.deadline, x.status.nextStepAt, x.episode.startedAt);
        b.ruleDue = _lens().rebalanceStatus(address(_fund())).needsRebalance;
        b.value = _totalValue();
    }

    /// @dev Books an accepted step that traded something.
    function _afterStep(Before memory b) internal {
        acceptedSteps++;
        RebalanceEpisode memory e = _fund().rebalanceEpisode();
        if (b.active) {
            if (block.timestamp > b.deadline) stepsPastDeadline++;
            if (e.startedAt != b.startedAt) stepsPastDeadline++;
        } else if (e.startedAt != block.timestamp) {
            // Not in an active episode, yet no new one started: the step continued an expired episode, or
            // traded with no episode at all.
            if (b.expired) stepsPastDeadline++;
            else ruleBypassed++;
        } else {
            // Outside an episode only the rule may start one (the Lens's rule, cooldown from the last end).
            if (!b.ruleDue) ruleBypassed++;
            episodesStarted++;
            (ghostLost, _ghostSteps) = (0, 0);
        }
        if (block.timestamp < b.nextStepAt || e.steps > e.maxSteps) intervalOrCapBroken++;
        _ghostSteps++;
        uint256 afterwards = _totalValue();
        if (b.value > afterwards) ghostLost += b.value - afterwards;
        if (ghostLost > uint256(e.lossBudget) + _ghostSteps * ROUNDING_PER_STEP) lossOverBudget++;
        if (e.lost > e.lossBudget) lossOverBudget++;
    }

    function _totalValue() internal view returns (uint256 total) {
        uint256[] memory v = _lens().assetValues(address(_fund()));
        for (uint256 i; i < v.length; ++i) {
            total += v[i];
        }
    }
}
