import { BPS_BIG } from "./constants.js";
import { LengthMismatchError, StableIndexError, TargetWeightsError } from "./errors.js";

/** One leg of a rebalance, sized in D18 USD at oracle prices. */
export type Trade = {
  /** Basket index of the asset sold (for a sell) or bought (for a buy). */
  readonly index: number;
  /** {D18 USD} Value sold into the stablecoin, or stablecoin spent on the asset. */
  readonly valueUsd: bigint;
};

export type TradePlan = {
  /** Over-weight assets sold down to target into the stablecoin. */
  readonly sells: readonly Trade[];
  /** Under-weight assets bought up to target with the stablecoin. */
  readonly buys: readonly Trade[];
  /** {D18 USD} Stablecoin value before and after the plan, at oracle prices and before trading costs. */
  readonly stableBeforeUsd: bigint;
  readonly stableAfterUsd: bigint;
  /** {D18 USD} Target value of each asset: floor(total * target_i / 10000). */
  readonly targetValuesUsd: readonly bigint[];
};

export type PlanRebalanceParameters = {
  /** {D18 USD} Value of each holding, the stablecoin included. */
  readonly valuesUsd: readonly bigint[];
  /** {bps} Target weights, integers summing to 10000; the stablecoin is a member with its own weight. */
  readonly targetWeightsBps: readonly number[];
  /** Index of the stablecoin (USDT) every trade goes through. */
  readonly stableIndex: number;
  /** {D18 USD} Legs smaller than this are skipped (dust). Default 0: every non-zero leg trades. */
  readonly minTradeUsd?: bigint;
};

/** Checks that weights are integer bps in [0, 10000] summing to 10000. */
export function assertTargetWeights(targetWeightsBps: readonly number[]): void {
  let sum = 0;
  for (const weight of targetWeightsBps) {
    if (!Number.isInteger(weight) || weight < 0 || weight > 10_000) {
      throw new TargetWeightsError(`${weight} is not an integer in [0, 10000]`);
    }
    sum += weight;
  }
  if (sum !== 10_000) throw new TargetWeightsError(`they sum to ${sum}`);
}

/**
 * Sizes a rebalance through the stablecoin. Over-weight assets are sold down to target into the
 * stablecoin; under-weight assets are bought up to target with it. The stablecoin is a normal member:
 * when under-weight it keeps the surplus of the sells, when over-weight its excess funds the buys.
 *
 * Targets round Down, so the sum of non-stable targets never exceeds `total - stableTarget` and the
 * buys are always funded by the stablecoin held plus the sells. Skipping dust legs can break that, so
 * buys are then scaled Down pro rata to what is available: the plan never spends stablecoin it lacks.
 */
export function planRebalance(parameters: PlanRebalanceParameters): TradePlan {
  const { valuesUsd, targetWeightsBps, stableIndex } = parameters;
  const minTradeUsd = parameters.minTradeUsd ?? 0n;
  const n = valuesUsd.length;
  if (targetWeightsBps.length !== n)
    throw new LengthMismatchError("target weights", n, targetWeightsBps.length);
  if (!Number.isInteger(stableIndex) || stableIndex < 0 || stableIndex >= n) {
    throw new StableIndexError(stableIndex, n);
  }
  assertTargetWeights(targetWeightsBps);

  let total = 0n;
  for (const value of valuesUsd) total += value;
  // {D18 USD} = {D18 USD} * {bps} / {bps}; Down: the stablecoin keeps the dust.
  const targetValuesUsd = targetWeightsBps.map((weight) => (total * BigInt(weight)) / BPS_BIG);

  const sells: Trade[] = [];
  const buys: Trade[] = [];
  let sold = 0n;
  let wanted = 0n;
  for (let i = 0; i < n; i++) {
    if (i === stableIndex) continue;
    const value = valuesUsd[i] ?? 0n;
    const target = targetValuesUsd[i] ?? 0n;
    if (value > target && value - target >= minTradeUsd) {
      sells.push({ index: i, valueUsd: value - target });
      sold += value - target;
    } else if (target > value && target - value >= minTradeUsd) {
      buys.push({ index: i, valueUsd: target - value });
      wanted += target - value;
    }
  }

  const stableBeforeUsd = valuesUsd[stableIndex] ?? 0n;
  const available = stableBeforeUsd + sold;
  const fundedBuys =
    wanted <= available
      ? buys
      : // {D18 USD} = {D18 USD} * {D18 USD} / {D18 USD}; Down: never spend more than is held.
        buys.map((buy) => ({ index: buy.index, valueUsd: (buy.valueUsd * available) / wanted }));
  let spent = 0n;
  for (const buy of fundedBuys) spent += buy.valueUsd;

  return {
    sells,
    buys: fundedBuys.filter((buy) => buy.valueUsd > 0n),
    stableBeforeUsd,
    stableAfterUsd: available - spent,
    targetValuesUsd,
  };
}
