// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {Asset} from "../interfaces/IBlockETF.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {ConstantsLib} from "./ConstantsLib.sol";
import {ErrorsLib} from "./ErrorsLib.sol";
import {MathLib} from "./MathLib.sol";
import {VenusLib} from "./VenusLib.sol";

/// @title RebalanceLib
/// @notice The fund's own check of a rebalance step, against its oracle, whatever the rebalancer did.
/// @dev `external` (a linked library run by DELEGATECALL in the fund's context, reading its storage) to keep
/// the fund under the EIP-170 size limit. All values are at one set of oracle prices read once, so a step
/// is judged on what it traded, not on price moves.
/// The rule is the one of RebalanceRuleLib and the Lens (weights in bps, rounded down); the
/// closer-to-target check compares each asset's value with its target value at the step's prices.
library RebalanceLib {
    using MathLib for uint256;

    /// @notice The fund's rebalance parameters at the time of the step.
    struct Rule {
        uint256 thresholdBps;
        uint256 cooldown;
        uint256 lastRebalanceAt;
        uint256 maxLossBps;
        bool inProgress;
    }

    /// @notice What the step did, in D18{USD} at the step's oracle prices.
    struct Report {
        uint256 valueBefore;
        uint256 valueAfter;
        uint256 tradedValue;
        bool complete;
    }

    /// @notice Checks a step: the rule held before it (or a rebalance is in progress), it traded no more than
    /// the over-weight value, lost at most `maxLossBps` of what it traded, and left every weight closer to
    /// target or within the threshold. Reverts with the failed condition. The rebalance is complete when
    /// every weight is within a tenth of the threshold (COMPLETE_DIVISOR) of its target: bounded steps go
    /// on to target, as V1's single trade did, instead of stopping at the edge of the band.
    /// @param before {tok} Holdings before the step (idle + Venus at the accrued rate).
    /// @param sent {tok} What the fund sent out.
    function verify(
        Asset[] storage assets,
        address oracle,
        uint256[] memory before,
        uint256[] memory sent,
        Rule memory rule
    ) external view returns (Report memory r) {
        uint256 n = assets.length;
        uint256[] memory vb = new uint256[](n);
        uint256[] memory va = new uint256[](n);
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

        _checkRule(assets, vb, r.valueBefore, rule);

        // The over-weight value is what a full rebalance needs to trade: sells of over-weight assets plus
        // the stablecoin spent from an over-weight sleeve. Sending more is churn.
        uint256 overweight;
        for (uint256 i; i < n; ++i) {
            // D18{USD} = D18{USD} * {bps} / {bps}
            uint256 target = r.valueBefore.mulDivDown(assets[i].weightBps, ConstantsLib.BPS);
            if (vb[i] > target) overweight += vb[i] - target;
        }
        require(r.tradedValue <= overweight, ErrorsLib.RebalanceTradeTooLarge(r.tradedValue, overweight));

        // Down: the bound is never rounded in the rebalancer's favour.
        uint256 maxLoss = r.tradedValue.mulDivDown(rule.maxLossBps, ConstantsLib.BPS);
        require(
            r.valueAfter + maxLoss >= r.valueBefore,
            ErrorsLib.RebalanceLossTooHigh(r.valueBefore, r.valueAfter, maxLoss)
        );

        r.complete = _checkWeights(assets, vb, va, r.valueBefore, r.valueAfter, rule.thresholdBps);
    }

    function _checkRule(Asset[] storage assets, uint256[] memory vb, uint256 total, Rule memory rule)
        private
        view
    {
        uint256 maxDeviation;
        if (total > 0) {
            for (uint256 i; i < vb.length; ++i) {
                // {bps} = D18{USD} * {bps} / D18{USD}; Down, as RebalanceRuleLib.
                uint256 d = vb[i].mulDivDown(ConstantsLib.BPS, total).absDiff(assets[i].weightBps);
                if (d > maxDeviation) maxDeviation = d;
            }
        }
        uint256 cooldownEndsAt = rule.lastRebalanceAt == 0 ? 0 : rule.lastRebalanceAt + rule.cooldown;
        require(
            rule.inProgress || (maxDeviation >= rule.thresholdBps && block.timestamp >= cooldownEndsAt),
            ErrorsLib.RebalanceNotNeeded(maxDeviation, rule.thresholdBps, cooldownEndsAt)
        );
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
