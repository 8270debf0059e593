// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Asset, EpisodeEnd, RebalanceEpisode} from "../interfaces/IBlockETF.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {ConstantsLib} from "./ConstantsLib.sol";
import {ErrorsLib} from "./ErrorsLib.sol";
import {EventsLib} from "./EventsLib.sol";
import {MathLib} from "./MathLib.sol";
import {RebalanceEpisodeLib} from "./RebalanceEpisodeLib.sol";
import {VenusLib} from "./VenusLib.sol";

/// @title RebalanceLib
/// @notice The fund's own check of a rebalance step, against its oracle, whatever the rebalancer did.
/// @dev `external` (a linked library run by DELEGATECALL in the fund's context, reading its storage) to keep
/// the fund under the EIP-170 size limit. All values are at one set of oracle prices read once, so a step
/// is judged on what it traded, not on price moves.
/// The rule is the one of RebalanceRuleLib and the Lens (weights in bps, rounded down); the
/// closer-to-target check compares each asset's value with its target value at the step's prices.
/// Every step belongs to an episode (RebalanceEpisodeLib): the step the rule allows starts one, and the
/// library keeps its bookkeeping in the fund's storage (`RebalanceEpisode`) and emits its start and end.
library RebalanceLib {
    using MathLib for uint256;
    using SafeCast for uint256;

    /// @notice The fund's rebalance parameters at the time of the step.
    /// @param inProgress The fund's `rebalancing()`: an episode is open.
    struct Rule {
        uint256 thresholdBps;
        uint256 cooldown;
        uint256 lastRebalanceAt;
        uint256 maxLossBps;
        bool inProgress;
    }

    /// @notice What the step did, in D18{USD} at the step's oracle prices.
    /// @param open The episode is still open after the step.
    /// @param endedAt {s} When it ended, if it did: the fund's new `lastRebalanceAt`.
    struct Report {
        uint256 valueBefore;
        uint256 valueAfter;
        uint256 tradedValue;
        bool complete;
        bool open;
        uint256 endedAt;
    }

    /// @dev D18{USD} Over-weight value and the total gaps, before and after the step.
    struct Gaps {
        uint256 overweight;
        uint256 before;
        uint256 afterwards;
    }

    /// @notice Checks a step and keeps its episode's books: the rule held before it (or an episode is open
    /// and before its deadline), the fund's own interval since the last step elapsed, it traded no more than
    /// the over-weight value, lost at most `maxLossBps` of what it traded and the episode at most its loss
    /// budget, left every weight closer to target or within the threshold, and shrank the total gap.
    /// Reverts with the failed condition. The rebalance is complete when every weight is within a tenth of
    /// the threshold (COMPLETE_DIVISOR) of its target: bounded steps go on to target, as V1's single trade
    /// did, instead of stopping at the edge of the band. A step that trades nothing closes the open episode.
    /// @param before {tok} Holdings before the step (idle + Venus at the accrued rate).
    /// @param sent {tok} What the fund sent out.
    /// @param e The fund's episode: bounds read, state written.
    function verify(
        Asset[] storage assets,
        address oracle,
        uint256[] memory before,
        uint256[] memory sent,
        Rule memory rule,
        RebalanceEpisode storage e
    ) external returns (Report memory r) {
        (uint256[] memory vb, uint256[] memory va) = _value(assets, oracle, before, sent, r);

        RebalanceEpisodeLib.Status memory s =
            RebalanceEpisodeLib.status(e, rule.inProgress, rule.lastRebalanceAt, block.timestamp);
        // An open episode past its deadline ended there; the cooldown runs from it.
        if (s.expired) _end(e, EpisodeEnd.Expired, s.deadline);
        if (r.tradedValue == 0) {
            // A close: the rebalancer has nothing it can trade. Only an open episode can be closed.
            require(rule.inProgress, ErrorsLib.NothingToRebalance());
            if (s.active) _end(e, EpisodeEnd.Stalled, block.timestamp);
            r.endedAt = s.active ? block.timestamp : s.deadline;
            return r;
        }
        require(block.timestamp >= s.nextStepAt, ErrorsLib.EpisodeStepTooSoon(s.nextStepAt));

        Gaps memory g = _gaps(assets, vb, va, r.valueBefore);
        if (!s.active) {
            _checkRule(assets, vb, r.valueBefore, rule.thresholdBps, rule.cooldown, s.cooldownFrom);
            _start(e, g.overweight);
        }

        // The over-weight value is what a full rebalance needs to trade: sells of over-weight assets plus
        // the stablecoin spent from an over-weight sleeve. Sending more is churn.
        require(r.tradedValue <= g.overweight, ErrorsLib.RebalanceTradeTooLarge(r.tradedValue, g.overweight));

        // Down: the bound is never rounded in the rebalancer's favour.
        uint256 maxLoss = r.tradedValue.mulDivDown(rule.maxLossBps, ConstantsLib.BPS);
        require(
            r.valueAfter + maxLoss >= r.valueBefore,
            ErrorsLib.RebalanceLossTooHigh(r.valueBefore, r.valueAfter, maxLoss)
        );
        // Each step's loss at its own prices; a gain does not refill the budget.
        uint256 lost = e.lost + (r.valueBefore > r.valueAfter ? r.valueBefore - r.valueAfter : 0);
        require(lost <= e.lossBudget, ErrorsLib.EpisodeLossTooHigh(lost, e.lossBudget));

        r.complete = _checkWeights(assets, vb, va, r.valueBefore, r.valueAfter, rule.thresholdBps);
        require(g.afterwards < g.before, ErrorsLib.RebalanceNoProgress(g.before, g.afterwards));

        // forge-lint: disable-next-line(unsafe-typecast) -- lost <= lossBudget, a uint128
        (e.lost, e.lastStepAt, e.steps) = (uint128(lost), uint64(block.timestamp), e.steps + 1);
        if (r.complete) _end(e, EpisodeEnd.Completed, block.timestamp);
        else if (e.steps >= e.maxSteps) _end(e, EpisodeEnd.MaxSteps, block.timestamp);
        else r.open = true;
        if (!r.open) r.endedAt = block.timestamp;
    }

    /// @dev D18{USD} Each asset's value before and after the step at one read of the oracle; fills the
    /// report's totals and traded value.
    function _value(
        Asset[] storage assets,
        address oracle,
        uint256[] memory before,
        uint256[] memory sent,
        Report memory r
    ) private view returns (uint256[] memory vb, uint256[] memory va) {
        uint256 n = assets.length;
        vb = new uint256[](n);
        va = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            Asset storage a = assets[i];
            // D18{USD/tok}
            uint256 p = IPriceOracle(oracle).price(a.token);
            uint256 unit = 10 ** a.decimals;
            uint256 held = a.idle;
            uint256 vShares = a.vShares;
            if (vShares > 0) {
                (bool ok, uint256 rate) = VenusLib.currentRate(a.vToken, a.flashLoanAware);
                require(ok, ErrorsLib.VenusRateUnavailable(a.vToken));
                held += VenusLib.toUnderlyingDown(vShares, rate);
            }
            // D18{USD} = {tok} * D18{USD/tok} / {tok}
            vb[i] = before[i].mulDivDown(p, unit);
            va[i] = held.mulDivDown(p, unit);
            r.tradedValue += sent[i].mulDivDown(p, unit);
            r.valueBefore += vb[i];
            r.valueAfter += va[i];
        }
    }

    /// @notice Sets the fund's episode bounds (IBlockETF.setEpisodeBounds) after checking them against the
    /// caps of ConstantsLib.
    function setBounds(
        RebalanceEpisode storage e,
        uint32 minStepInterval,
        uint32 maxDuration,
        uint16 maxSteps,
        uint16 maxLossBps
    ) external {
        require(
            minStepInterval > 0 && minStepInterval <= ConstantsLib.MAX_EPISODE_MIN_STEP_INTERVAL
                && maxDuration >= minStepInterval && maxDuration <= ConstantsLib.MAX_EPISODE_DURATION
                && maxSteps > 0 && maxSteps <= ConstantsLib.MAX_EPISODE_STEPS && maxLossBps > 0
                && maxLossBps <= ConstantsLib.MAX_EPISODE_LOSS_BPS,
            ErrorsLib.InvalidEpisodeBounds(minStepInterval, maxDuration, maxSteps, maxLossBps)
        );
        (e.minStepInterval, e.maxDuration, e.maxSteps, e.maxLossBps) =
        (minStepInterval, maxDuration, maxSteps, maxLossBps);
        emit EventsLib.SetEpisodeBounds(minStepInterval, maxDuration, maxSteps, maxLossBps);
    }

    function _checkRule(
        Asset[] storage assets,
        uint256[] memory vb,
        uint256 total,
        uint256 thresholdBps,
        uint256 cooldown,
        uint256 cooldownFrom
    ) private view {
        uint256 maxDeviation;
        if (total > 0) {
            for (uint256 i; i < vb.length; ++i) {
                // {bps} = D18{USD} * {bps} / D18{USD}; Down, as RebalanceRuleLib.
                uint256 d = vb[i].mulDivDown(ConstantsLib.BPS, total).absDiff(assets[i].weightBps);
                if (d > maxDeviation) maxDeviation = d;
            }
        }
        uint256 cooldownEndsAt = cooldownFrom == 0 ? 0 : cooldownFrom + cooldown;
        require(
            maxDeviation >= thresholdBps && block.timestamp >= cooldownEndsAt,
            ErrorsLib.RebalanceNotNeeded(maxDeviation, thresholdBps, cooldownEndsAt)
        );
    }

    /// @dev D18{USD} The over-weight value before the step and sum_i |value_i - target_i| before and after,
    /// every target at the step's prices and the value before (as `_checkWeights`).
    function _gaps(Asset[] storage assets, uint256[] memory vb, uint256[] memory va, uint256 totalBefore)
        private
        view
        returns (Gaps memory g)
    {
        for (uint256 i; i < vb.length; ++i) {
            // D18{USD} = D18{USD} * {bps} / {bps}
            uint256 target = totalBefore.mulDivDown(assets[i].weightBps, ConstantsLib.BPS);
            if (vb[i] > target) g.overweight += vb[i] - target;
            g.before += vb[i].absDiff(target);
            g.afterwards += va[i].absDiff(target);
        }
    }

    /// @dev Starts an episode with the step the rule allowed: its loss budget is `maxLossBps` of the
    /// over-weight value now.
    function _start(RebalanceEpisode storage e, uint256 overweight) private {
        // Down: the budget is never rounded in the rebalancer's favour.
        uint256 budget = overweight.mulDivDown(e.maxLossBps, ConstantsLib.BPS);
        (e.startedAt, e.steps, e.lost, e.lossBudget) = (uint64(block.timestamp), 0, 0, budget.toUint128());
        emit EventsLib.RebalanceEpisodeStarted(
            block.timestamp, overweight, budget, block.timestamp + e.maxDuration, e.maxSteps
        );
    }

    function _end(RebalanceEpisode storage e, EpisodeEnd reason, uint256 at) private {
        emit EventsLib.RebalanceEpisodeEnded(e.startedAt, reason, e.steps, e.lost, e.lossBudget, at);
    }

    /// @dev Each asset's value must have moved toward its target value (the step's total x its weight, at
    /// the step's prices), or its weight must end within the threshold: a trade may not overshoot or move an
    /// asset the wrong way. Value, not weight, is compared so that an asset the step could not trade (its
    /// Venus market paused, say) does not fail the step because pool fees shrank the total.
    /// @return complete True when every weight is within threshold / COMPLETE_DIVISOR after the step.
    function _checkWeights(
        Asset[] storage assets,
        uint256[] memory vb,
        uint256[] memory va,
        uint256 totalBefore,
        uint256 totalAfter,
        uint256 thresholdBps
    ) private view returns (bool complete) {
        complete = true;
        for (uint256 i; i < vb.length; ++i) {
            uint256 weight = assets[i].weightBps;
            // D18{USD} = D18{USD} * {bps} / {bps}
            uint256 target = totalBefore.mulDivDown(weight, ConstantsLib.BPS);
            uint256 gapBefore = vb[i].absDiff(target);
            uint256 gapAfter = va[i].absDiff(target);
            // {bps}, Down as the rule computes it.
            uint256 devAfterBps =
                totalAfter == 0 ? weight : va[i].mulDivDown(ConstantsLib.BPS, totalAfter).absDiff(weight);
            require(
                devAfterBps < thresholdBps || gapAfter <= gapBefore,
                ErrorsLib.RebalanceWeightWorse(i, gapBefore, gapAfter)
            );
            if (devAfterBps * ConstantsLib.COMPLETE_DIVISOR > thresholdBps) complete = false;
        }
    }
}
