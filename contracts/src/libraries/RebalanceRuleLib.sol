// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {ConstantsLib} from "./ConstantsLib.sol";
import {MathLib} from "./MathLib.sol";

/// @title RebalanceRuleLib
/// @notice V1's rebalance rule, kept in V2, as the contracts enforce it. The TypeScript core
/// (packages/core, `checkRebalance`) implements the same rule and both are run on the shared vectors in
/// packages/core/test-vectors/rebalance-rule.json:
///   weight_i    = floor(value_i * 10000 / total)               {bps}, Down
///   deviation_i = |weight_i - target_i|                         {bps}
///   rebalance   iff total > 0, the cooldown elapsed and max_i deviation_i >= threshold
///   cooldown    elapsed iff lastRebalanceAt == 0 (never) or max(now - lastRebalanceAt, 0) >= cooldown
/// The triggering asset is the first index holding the largest deviation.
library RebalanceRuleLib {
    using MathLib for uint256;

    /// @notice The decision and what it was made on.
    /// @param triggerIndex First index of the largest deviation when a rebalance is needed, else -1.
    struct Check {
        uint256[] currentWeightsBps;
        uint256[] deviationsBps;
        uint256 maxDeviationBps;
        bool cooldownElapsed;
        bool needsRebalance;
        int256 triggerIndex;
    }

    /// @param valuesUsd D18{USD} Value of each asset's holdings.
    /// @param targetWeightsBps {bps} Targets, same order.
    /// @param thresholdBps {bps} Smallest absolute deviation that triggers.
    /// @param cooldownSeconds {s} Minimum time between two rebalances.
    /// @param lastRebalanceAt {s} Timestamp of the last rebalance, 0 for never.
    /// @param nowSeconds {s} The time of the check.
    function check(
        uint256[] memory valuesUsd,
        uint256[] memory targetWeightsBps,
        uint256 thresholdBps,
        uint256 cooldownSeconds,
        uint256 lastRebalanceAt,
        uint256 nowSeconds
    ) internal pure returns (Check memory c) {
        uint256 n = valuesUsd.length;
        uint256 total;
        for (uint256 i; i < n; ++i) {
            total += valuesUsd[i];
        }
        c.currentWeightsBps = new uint256[](n);
        c.deviationsBps = new uint256[](n);
        uint256 trigger;
        for (uint256 i; i < n; ++i) {
            // {bps} = D18{USD} * {bps} / D18{USD}; Down.
            c.currentWeightsBps[i] = total == 0 ? 0 : valuesUsd[i].mulDivDown(ConstantsLib.BPS, total);
            c.deviationsBps[i] = c.currentWeightsBps[i].absDiff(targetWeightsBps[i]);
            // Strict: ties go to the first index.
            if (c.deviationsBps[i] > c.maxDeviationBps) {
                (c.maxDeviationBps, trigger) = (c.deviationsBps[i], i);
            }
        }
        // A rebalance at a later time than `nowSeconds` (a node serving an older block) is zero elapsed.
        c.cooldownElapsed = lastRebalanceAt == 0
            || (nowSeconds > lastRebalanceAt ? nowSeconds - lastRebalanceAt : 0) >= cooldownSeconds;
        c.needsRebalance = total > 0 && c.cooldownElapsed && c.maxDeviationBps >= thresholdBps;
        // forge-lint: disable-next-line(unsafe-typecast) -- trigger < n <= 16
        c.triggerIndex = c.needsRebalance ? int256(trigger) : -1;
    }
}
