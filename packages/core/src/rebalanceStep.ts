import { BPS_BIG } from "./constants.js";
import { LengthMismatchError, StableIndexError } from "./errors.js";

/**
 * {bps} Smallest trade a step plans, as a share of the fund's value (the contracts'
 * `ConstantsLib.MIN_TRADE_BPS`): smaller deviations are rounding, and a pool would round them to nothing.
 */
export const MIN_TRADE_BPS = 1n;

/**
 * A rebalance is complete when every weight is within `thresholdBps / COMPLETE_DIVISOR` of its target
 * (50 bps for V1's 500): the contracts' `ConstantsLib.COMPLETE_DIVISOR`. Until then it stays in progress and
 * the next step may follow after the rebalancer's `stepInterval`, without the rule or the cooldown.
 */
export const COMPLETE_DIVISOR = 10;

/**
 * Whether a rebalance is complete after a step, as `RebalanceLib._checkWeights` decides it: every weight
 * (bps, floored) satisfies `|weight − target| × COMPLETE_DIVISOR ≤ thresholdBps`.
 */
export function isRebalanceComplete(
  weightsBps: ArrayLike<number>,
  targetsBps: ArrayLike<number>,
  thresholdBps: number,
): boolean {
  for (let i = 0; i < weightsBps.length; i++) {
    if (Math.abs((weightsBps[i] ?? 0) - (targetsBps[i] ?? 0)) * COMPLETE_DIVISOR > thresholdBps) return false;
  }
  return true;
}

export type PlanRebalanceStepParameters = {
  /** {D18 USD} Value of each asset's holdings. */
  readonly valuesUsd: readonly bigint[];
  /** {bps} Targets, summing to 10,000. */
  readonly weightsBps: readonly number[];
  /** Index of the stablecoin sleeve, through which every trade goes. */
  readonly stableIndex: number;
  /** {D18 USD} Largest trade per asset in one step (the route's `maxTradeValue`; unused for the sleeve). */
  readonly maxTradeUsd: readonly bigint[];
  /** {D18 USD} What the fund can send of each asset now (idle + what Venus can pay). */
  readonly liquidUsd: readonly bigint[];
};

export type RebalanceStepPlan = {
  /** {D18 USD} Value to send per asset; the sleeve's entry is the stablecoin it spends. */
  readonly sell: readonly bigint[];
  /** {D18 USD} Stablecoin to spend on each under-weight asset. */
  readonly buy: readonly bigint[];
};

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const mulDivDown = (x: bigint, y: bigint, d: bigint): bigint => (x * y) / d;
const mulDivUp = (x: bigint, y: bigint, d: bigint): bigint => (x * y + d - 1n) / d;

/**
 * One bounded rebalance step in value terms, exactly as the contracts plan it on-chain
 * (`contracts/src/libraries/RebalancePlanLib.sol`, same names, same rounding; both run the shared vectors
 * in `test-vectors/rebalance-step.json`):
 *   d_i    = value_i - total * target_i / 10000                       (Down)
 *   sell_i = min(d_i, maxTrade_i, liquid_i)        for d_i > 0, i != stable
 *   need_j = min(-d_j, maxTrade_j)                 for d_j < 0, j != stable
 *   trades under MIN_TRADE_BPS of the total are dropped
 *   room   = -d_s if the sleeve is under-weight, else 0
 *   if sum sell > sum need + room: every sell scaled to sum need + room             (Down)
 *   else the sleeve spends min(d_s, liquid_s, sum need - sum sell) (dropped if dust), and if the
 *   budget is still short every buy is scaled to it                                  (Down)
 */
export function planRebalanceStep(p: PlanRebalanceStepParameters): RebalanceStepPlan {
  const n = p.valuesUsd.length;
  for (const [name, list] of [
    ["weights", p.weightsBps],
    ["maxTrade", p.maxTradeUsd],
    ["liquid", p.liquidUsd],
  ] as const) {
    if (list.length !== n) throw new LengthMismatchError(name, n, list.length);
  }
  if (!Number.isInteger(p.stableIndex) || p.stableIndex < 0 || p.stableIndex >= n) {
    throw new StableIndexError(p.stableIndex, n);
  }
  const at = (list: readonly bigint[], i: number): bigint => list[i] ?? 0n;
  const sell = new Array<bigint>(n).fill(0n);
  const buy = new Array<bigint>(n).fill(0n);
  let total = 0n;
  for (const v of p.valuesUsd) total += v;
  const minTrade = mulDivUp(total, MIN_TRADE_BPS, BPS_BIG);
  let sells = 0n;
  let needs = 0n;
  let stableExcess = 0n;
  let room = 0n;
  for (let i = 0; i < n; i++) {
    const target = mulDivDown(total, BigInt(p.weightsBps[i] ?? 0), BPS_BIG);
    const value = at(p.valuesUsd, i);
    if (i === p.stableIndex) {
      if (value > target) stableExcess = min(value - target, at(p.liquidUsd, i));
      else room = target - value;
    } else if (value > target) {
      const amount = min(min(value - target, at(p.maxTradeUsd, i)), at(p.liquidUsd, i));
      sell[i] = amount < minTrade ? 0n : amount;
      sells += sell[i] ?? 0n;
    } else {
      const amount = min(target - value, at(p.maxTradeUsd, i));
      buy[i] = amount < minTrade ? 0n : amount;
      needs += buy[i] ?? 0n;
    }
  }
  if (sells > needs + room) {
    scale(sell, needs + room, sells);
  } else if (needs > sells) {
    const spend = min(stableExcess, needs - sells);
    if (spend >= minTrade) sell[p.stableIndex] = spend;
    const budget = sells + (sell[p.stableIndex] ?? 0n);
    if (budget < needs) scale(buy, budget, needs);
  }
  return { sell, buy };
}

/** Scales `amounts` (summing to `from`) to sum at most `to`; Down. */
function scale(amounts: bigint[], to: bigint, from: bigint): void {
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i] ?? 0n;
    if (a > 0n) amounts[i] = mulDivDown(a, to, from);
  }
}
