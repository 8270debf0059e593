// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {RebalanceEpisode} from "../interfaces/IBlockETF.sol";

/// @title RebalanceEpisodeLib
/// @notice What a fund's rebalance episode allows at a given time, as the fund enforces it (RebalanceLib),
/// the rebalancer and the Lens read it. The TypeScript core (packages/core, `rebalanceEpisodeStatus`)
/// implements
/// the same function and both run the shared vectors in packages/core/test-vectors/rebalance-episode.json:
///   deadline     = startedAt + maxDuration                  (0 when no episode ever started)
///   active       = open and now <= deadline                 (steps need neither threshold nor cooldown)
///   expired      = open and now > deadline                  (over: it ended at its deadline)
///   cooldownFrom = expired ? deadline : lastRebalanceAt     (the rule's cooldown runs from it)
///   nextStepAt   = lastStepAt + minStepInterval             (0 when no step ever ran)
///   stepsLeft    = active ? maxSteps - steps : maxSteps
///   lossLeft     = active ? lossBudget - lost : 0           D18{USD}
library RebalanceEpisodeLib {
    /// @notice The episode's state at one time.
    struct Status {
        bool active;
        bool expired;
        uint256 deadline;
        uint256 cooldownFrom;
        uint256 nextStepAt;
        uint256 stepsLeft;
        uint256 lossLeft;
    }

    /// @param e The fund's `rebalanceEpisode()`.
    /// @param open The fund's `rebalancing()`.
    /// @param lastRebalanceAt {s} The fund's `lastRebalanceAt()`.
    /// @param nowSeconds {s} The time of the check.
    function status(RebalanceEpisode memory e, bool open, uint256 lastRebalanceAt, uint256 nowSeconds)
        internal
        pure
        returns (Status memory s)
    {
        s.deadline = e.startedAt == 0 ? 0 : uint256(e.startedAt) + e.maxDuration;
        s.active = open && nowSeconds <= s.deadline;
        s.expired = open && !s.active;
        s.cooldownFrom = s.expired ? s.deadline : lastRebalanceAt;
        s.nextStepAt = e.lastStepAt == 0 ? 0 : uint256(e.lastStepAt) + e.minStepInterval;
        // An open episode has steps < maxSteps and lost <= lossBudget: the step reaching either ends it or
        // is refused, and a change of the bounds closes it.
        s.stepsLeft = s.active ? e.maxSteps - e.steps : e.maxSteps;
        s.lossLeft = s.active ? e.lossBudget - e.lost : 0;
    }
}
