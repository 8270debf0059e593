// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {ConstantsLib} from "./ConstantsLib.sol";
import {MathLib} from "./MathLib.sol";

/// @title RebalancePlanLib
/// @notice One rebalance step in value terms: over-weight assets are sold into the stablecoin, under-weight
/// ones bought with it, and the stablecoin sleeve is a member like any other.
///   d_i     = value_i - total * target_i / 10000                      D18{USD}, per asset
///   sell_i  = min(d_i, maxTrade_i, liquid_i)           for d_i > 0, i != stable
///   need_j  = min(-d_j, maxTrade_j)                    for d_j < 0, j != stable
///   room    = -d_s if the sleeve is under-weight, else 0   (stablecoin it may absorb)
///   trades under MIN_TRADE_BPS of the total are dropped (dust a pool would round to nothing)
///   if sum sell > sum need + room: scale every sell to sum need + room      (Down)
///   else: the sleeve spends min(d_s, liquid_s, sum need - sum sell), and if the budget is still short
///         every buy is scaled to it                                       (Down)
/// With no caps this is V1's full rebalance to target. An under-weight sleeve receives what the sells bring
/// beyond the buys (V1's rebalancer skipped it, and reverted when it and another asset were both
/// under-weight); an over-weight sleeve funds the buys; the sleeve never ends further from its target.
/// Caps make large deviations take several bounded steps.
library RebalancePlanLib {
    using MathLib for uint256;

    /// @dev D18{USD} Running sums of a plan.
    struct Sums {
        uint256 total;
        uint256 sells;
        uint256 needs;
        uint256 stableExcess;
        uint256 room;
        uint256 minTrade;
    }

    /// @param values D18{USD} Value of each asset's holdings.
    /// @param weightsBps {bps} Targets, summing to 10,000.
    /// @param stable Index of the stablecoin sleeve, through which every trade goes.
    /// @param maxTrade D18{USD} Largest trade per asset in one step (unused for the sleeve).
    /// @param liquid D18{USD} What the fund can send of each asset now (idle + what Venus can pay).
    /// @return sell D18{USD} Value to send out per asset (the sleeve's entry is the stablecoin it spends).
    /// @return buy D18{USD} Value of stablecoin to spend on each under-weight asset.
    function plan(
        uint256[] memory values,
        uint256[] memory weightsBps,
        uint256 stable,
        uint256[] memory maxTrade,
        uint256[] memory liquid
    ) internal pure returns (uint256[] memory sell, uint256[] memory buy) {
        uint256 n = values.length;
        sell = new uint256[](n);
        buy = new uint256[](n);
        Sums memory t;
        for (uint256 i; i < n; ++i) {
            t.total += values[i];
        }
        // D18{USD}
        t.minTrade = t.total.mulDivUp(ConstantsLib.MIN_TRADE_BPS, ConstantsLib.BPS);
        for (uint256 i; i < n; ++i) {
            // D18{USD} = D18{USD} * {bps} / {bps}
            uint256 target = t.total.mulDivDown(weightsBps[i], ConstantsLib.BPS);
            (sell[i], buy[i]) = _classify(t, i == stable, values[i], target, maxTrade[i], liquid[i]);
        }
        if (t.sells > t.needs + t.room) {
            // Proceeds beyond the buys and the sleeve's room would push the sleeve over its target.
            _scale(sell, t.needs + t.room, t.sells);
        } else if (t.needs > t.sells) {
            uint256 spend = t.stableExcess.min(t.needs - t.sells);
            if (spend >= t.minTrade) sell[stable] = spend;
            uint256 budget = t.sells + sell[stable];
            if (budget < t.needs) _scale(buy, budget, t.needs);
        }
    }

    /// @dev One asset's sell or buy (dust dropped); the sleeve's excess and room go to the sums.
    function _classify(
        Sums memory t,
        bool isStable,
        uint256 value,
        uint256 target,
        uint256 cap,
        uint256 liquid
    ) private pure returns (uint256 sell, uint256 buy) {
        if (isStable) {
            if (value > target) t.stableExcess = (value - target).min(liquid);
            else t.room = target - value;
        } else if (value > target) {
            sell = (value - target).min(cap).min(liquid);
            if (sell < t.minTrade) sell = 0;
            t.sells += sell;
        } else {
            buy = (target - value).min(cap);
            if (buy < t.minTrade) buy = 0;
            t.needs += buy;
        }
    }

    /// @dev Scales `amounts` (summing to `from`) to sum at most `to`; Down. The sleeve's entry is 0 here.
    function _scale(uint256[] memory amounts, uint256 to, uint256 from) private pure {
        for (uint256 i; i < amounts.length; ++i) {
            if (amounts[i] > 0) amounts[i] = amounts[i].mulDivDown(to, from);
        }
    }
}
