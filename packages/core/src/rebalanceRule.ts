import { BPS, BPS_BIG, NO_TRIGGER } from "./constants.js";
import { LengthMismatchError } from "./errors.js";

/**
 * The rebalance rule of BlockETF V1, kept unchanged in V2 and enforced by the contract view:
 *
 *   weight_i    = floor(value_i * 10000 / total)            {bps}, Down
 *   deviation_i = |weight_i - target_i|                      {bps}
 *   rebalance   iff cooldown elapsed and max_i deviation_i >= thresholdBps
 *   cooldown    elapsed iff lastRebalanceAt == 0 (never) or max(now - lastRebalanceAt, 0) >= cooldownSeconds
 *
 * The triggering asset is the first index holding the largest deviation. An empty fund (total 0) never
 * rebalances. Every quantity the decision reads is an integer, so the `number` functions below are
 * exact; `checkRebalance` takes D18 USD values as bigint, like the keeper and the contract.
 */
export type RebalanceRule = {
  /** {bps} Smallest absolute deviation that triggers a rebalance, 1..10000. */
  readonly thresholdBps: number;
  /** {s} Minimum time between two rebalances. */
  readonly cooldownSeconds: number;
};

/** {bps} weight_i = floor(value_i * 10000 / total) for D18 USD values; all zero when the total is zero. */
export function weightsBpsDown(valuesUsd: readonly bigint[]): number[] {
  let total = 0n;
  for (const value of valuesUsd) total += value;
  if (total === 0n) return valuesUsd.map(() => 0);
  // {bps} = {USD} * {bps} / {USD}; bigint division rounds Down for non-negative operands.
  return valuesUsd.map((value) => Number((value * BPS_BIG) / total));
}

/**
 * {bps} The same floor for floating-point USD values, written into `out` without allocating; returns the
 * total. Used by the backtest engine, whose values are floats; the weights it produces are integers.
 */
export function weightsBpsDownInto(values: ArrayLike<number>, out: Int32Array | number[]): number {
  const n = values.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i] ?? 0;
  for (let i = 0; i < n; i++) out[i] = total > 0 ? Math.floor(((values[i] ?? 0) * BPS) / total) : 0;
  return total;
}

/** {bps} |current_i - target_i| for every asset. */
export function deviationsBps(currentBps: ArrayLike<number>, targetBps: ArrayLike<number>): number[] {
  if (currentBps.length !== targetBps.length) {
    throw new LengthMismatchError("target weights", currentBps.length, targetBps.length);
  }
  const out: number[] = [];
  for (let i = 0; i < currentBps.length; i++) out.push(Math.abs((currentBps[i] ?? 0) - (targetBps[i] ?? 0)));
  return out;
}

/** The first index holding the largest absolute deviation (0 for an empty basket is never asked). */
export function maxDeviationIndex(currentBps: ArrayLike<number>, targetBps: ArrayLike<number>): number {
  let best = 0;
  let bestDeviation = -1;
  for (let i = 0; i < currentBps.length; i++) {
    const deviation = Math.abs((currentBps[i] ?? 0) - (targetBps[i] ?? 0));
    // Strict: ties go to the first index, as the contract's loop does.
    if (deviation > bestDeviation) {
      bestDeviation = deviation;
      best = i;
    }
  }
  return best;
}

/** Whether the cooldown has elapsed; `lastRebalanceAt == 0` means the fund never rebalanced. */
export function isCooldownElapsed(rule: RebalanceRule, lastRebalanceAt: number, now: number): boolean {
  // A rebalance later than `now` (a node serving an older block on newer state) is zero elapsed, as in
  // RebalanceRuleLib.
  return lastRebalanceAt === 0 || Math.max(now - lastRebalanceAt, 0) >= rule.cooldownSeconds;
}

/**
 * The decision on integer weights: the index of the triggering asset, or `NO_TRIGGER` (-1).
 * Allocation-free, so the backtest engine calls it on every step. `totalIsZero` marks an empty fund.
 */
export function rebalanceTrigger(
  currentBps: ArrayLike<number>,
  targetBps: ArrayLike<number>,
  rule: RebalanceRule,
  lastRebalanceAt: number,
  now: number,
): number {
  let sum = 0;
  for (let i = 0; i < currentBps.length; i++) sum += currentBps[i] ?? 0;
  // Floors lose at most one bp per asset, so only an empty fund sums to zero.
  if (sum === 0) return NO_TRIGGER;
  if (!isCooldownElapsed(rule, lastRebalanceAt, now)) return NO_TRIGGER;
  const index = maxDeviationIndex(currentBps, targetBps);
  const deviation = Math.abs((currentBps[index] ?? 0) - (targetBps[index] ?? 0));
  return deviation >= rule.thresholdBps ? index : NO_TRIGGER;
}

export type CheckRebalanceParameters = RebalanceRule & {
  /** {D18 USD} Value of each holding, priced by the oracle (Venus positions included). */
  readonly valuesUsd: readonly bigint[];
  /** {bps} Target weight of each asset, the stablecoin included. */
  readonly targetWeightsBps: readonly number[];
  /** {s} Time of the last rebalance; 0 when there was none. */
  readonly lastRebalanceAt: number;
  /** {s} Time of the decision. */
  readonly now: number;
};

export type CheckRebalanceReturnType = {
  readonly needsRebalance: boolean;
  readonly cooldownElapsed: boolean;
  readonly currentWeightsBps: readonly number[];
  readonly deviationsBps: readonly number[];
  readonly maxDeviationBps: number;
  /** Index of the asset with the largest deviation when a rebalance is needed, else -1. */
  readonly triggerIndex: number;
};

/** The full decision with its evidence, as the keeper logs it and the contract view returns it. */
export function checkRebalance(parameters: CheckRebalanceParameters): CheckRebalanceReturnType {
  const { valuesUsd, targetWeightsBps } = parameters;
  if (valuesUsd.length !== targetWeightsBps.length) {
    throw new LengthMismatchError("target weights", valuesUsd.length, targetWeightsBps.length);
  }
  const currentWeightsBps = weightsBpsDown(valuesUsd);
  const deviations = deviationsBps(currentWeightsBps, targetWeightsBps);
  const maxDeviationBps = deviations.length === 0 ? 0 : Math.max(...deviations);
  const triggerIndex = rebalanceTrigger(
    currentWeightsBps,
    targetWeightsBps,
    parameters,
    parameters.lastRebalanceAt,
    parameters.now,
  );
  return {
    needsRebalance: triggerIndex !== NO_TRIGGER,
    cooldownElapsed: isCooldownElapsed(parameters, parameters.lastRebalanceAt, parameters.now),
    currentWeightsBps,
    deviationsBps: deviations,
    maxDeviationBps,
    triggerIndex,
  };
}
