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
///   if sum sell > sum need + room: scale every sell to sum need + room      (Down)
///   else: the sleeve spends min(d_s, liquid_s, sum need - sum sell), and if the budget is still short
///         every buy is scaled to it                                       (Down)
/// With no caps this is V1's full rebalance to target. An under-weight sleeve receives what the sells bring
/// beyond the buys (V1's rebalancer skipped it, and reverted when it and another asset were both
/// under-weight); an over-weight sleeve funds the buys; the sleeve never ends further from its target.
/// Caps make large deviations take several bounded steps.
library RebalancePlanLib {
    using MathLib for uint256;

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
        uint256 total;
        for (uint256 i; i < n; ++i) {
            total += values[i];
        }
        uint256 sells;
        uint256 needs;
        uint256 stableExcess;
        uint256 room;
        for (uint256 i; i < n; ++i) {
            // D18{USD} = D18{USD} * {bps} / {bps}
            uint256 target = total.mulDivDown(weightsBps[i], ConstantsLib.BPS);
            uint256 v = values[i];
            if (i == stable) {
                if (v > target) stableExcess = (v - target).min(liquid[i]);
                else room = target - v;
            } else if (v > target) {
                sell[i] = (v - target).min(maxTrade[i]).min(liquid[i]);
                sells += sell[i];
            } else {
                buy[i] = (target - v).min(maxTrade[i]);
                needs += buy[i];
            }
        }
        if (sells > needs + room) {
            // Proceeds beyond the buys and the sleeve's room would push the sleeve over its target.
            _scale(sell, needs + room, sells);
        } else if (needs > sells) {
            sell[stable] = stableExcess.min(needs - sells);
            uint256 budget = sells + sell[stable];
            if (budget < needs) _scale(buy, budget, needs);
        }
    }

    /// @dev Scales `amounts` (summing to `from`) to sum at most `to`; Down. The sleeve's entry is 0 here.
    function _scale(uint256[] memory amounts, uint256 to, uint256 from) private pure {
        for (uint256 i; i < amounts.length; ++i) {
            if (amounts[i] > 0) amounts[i] = amounts[i].mulDivDown(to, from);
        }
    }
}
