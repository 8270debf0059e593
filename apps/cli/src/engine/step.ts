import { d18ToUsd, planRebalanceStep, usdToD18 } from "@blocketf/core";
import { tradeCost } from "./costs.js";
import type { EngineConfig } from "./types.js";

/** {USD} What one step traded and cost. */
export type StepOutcome = {
  readonly traded: number;
  readonly fees: number;
  readonly impact: number;
  readonly gas: number;
  /** False when the planner found nothing to trade (every leg below the contracts' dust floor). */
  readonly planned: boolean;
};

/** D18{USD} A per-asset cap as the planner takes it; `Infinity` (V1's single trade) is no cap. */
const NO_CAP = 10n ** 40n;
export const capsD18 = (maxTradeUsd: readonly number[]): bigint[] =>
  maxTradeUsd.map((x) => (Number.isFinite(x) ? usdToD18(x) : NO_CAP));

/**
 * One bounded rebalance step at a bar's close, sized by `planRebalanceStep` (the mirror of the contracts'
 * RebalancePlanLib: each asset's trade capped by its route's `maxTradeValue`, the sleeve funding or absorbing
 * the difference, dust dropped), then executed through USDT: sells first, less pool fee and impact, gas from
 * the stablecoin, then buys, scaled down if costs left less USDT than planned. Mutates `holdings`.
 */
export function executeStep(
  config: EngineConfig,
  caps: readonly bigint[],
  holdings: Float64Array,
  prices: Float64Array,
  row: number,
  stableIndex: number,
): StepOutcome {
  const n = holdings.length;
  const valuesUsd: bigint[] = [];
  let nav = 0;
  for (let i = 0; i < n; i++) {
    const value = (holdings[i] ?? 0) * (prices[row + i] ?? 0);
    valuesUsd.push(usdToD18(value));
    nav += value;
  }
  // The fund can send all it holds: Venus's cash is not modelled as a limit.
  const plan = planRebalanceStep({
    valuesUsd,
    weightsBps: config.targetBps,
    stableIndex,
    maxTradeUsd: caps,
    liquidUsd: valuesUsd,
  });
  let traded = 0;
  let fees = 0;
  let impact = 0;
  let planned = false;
  for (let i = 0; i < n; i++) {
    const usd = d18ToUsd(plan.sell[i] ?? 0n);
    if (i === stableIndex || usd <= 0) continue;
    planned = true;
    const price = prices[row + i] ?? 1;
    holdings[i] = Math.max(0, (holdings[i] ?? 0) - usd / price);
    const fee = usd * (config.poolFee[i] ?? 0);
    const slip = tradeCost(usd, config.impactK, config.depthUsd[i] ?? 0, usd - fee);
    holdings[stableIndex] = (holdings[stableIndex] ?? 0) + usd - fee - slip;
    traded += usd;
    fees += fee;
    impact += slip;
  }
  let wanted = 0;
  for (let i = 0; i < n; i++) wanted += d18ToUsd(plan.buy[i] ?? 0n);
  if (wanted > 0) planned = true;
  if (!planned) return { traded: 0, fees: 0, impact: 0, gas: 0, planned };
  // Gas: from the stablecoin when it can pay, else pro rata from every holding.
  const gas = Math.min(config.gasUsd, nav);
  if ((holdings[stableIndex] ?? 0) >= gas) {
    holdings[stableIndex] = (holdings[stableIndex] ?? 0) - gas;
  } else if (nav > 0) {
    for (let i = 0; i < n; i++) holdings[i] = (holdings[i] ?? 0) * (1 - gas / nav);
  }
  const cash = holdings[stableIndex] ?? 0;
  const scale = wanted > cash ? Math.max(0, cash) / wanted : 1;
  for (let i = 0; i < n; i++) {
    const spend = d18ToUsd(plan.buy[i] ?? 0n) * scale;
    if (spend <= 0) continue;
    const price = prices[row + i] ?? 1;
    const fee = spend * (config.poolFee[i] ?? 0);
    const slip = tradeCost(spend, config.impactK, config.depthUsd[i] ?? 0, spend - fee);
    holdings[stableIndex] = (holdings[stableIndex] ?? 0) - spend;
    holdings[i] = (holdings[i] ?? 0) + (spend - fee - slip) / price;
    traded += spend;
    fees += fee;
    impact += slip;
  }
  return { traded, fees, impact, gas, planned };
}
