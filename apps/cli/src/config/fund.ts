import type { EngineConfig } from "../engine/types.js";
import { InvalidFlagError } from "../errors.js";
import {
  DEFAULT_APY_PCT,
  DEFAULT_BUFFER_BPS,
  DEFAULT_COOLDOWN_SECONDS,
  DEFAULT_DEPTH_USD,
  DEFAULT_FEE_TIER_PCT,
  DEFAULT_GAS_USD,
  DEFAULT_IMPACT_K,
  DEFAULT_MANAGEMENT_FEE_BPS,
  DEFAULT_MAX_TRADE_USD,
  DEFAULT_NAV_USD,
  DEFAULT_STEP_INTERVAL_SECONDS,
  DEFAULT_THRESHOLD_BPS,
  FALLBACK_APY_PCT,
  FALLBACK_DEPTH_USD,
  FALLBACK_FEE_TIER_PCT,
} from "./defaults.js";
import { withStableWeight } from "./weights.js";

/** Everything of a fund but its weights, label and yield switch; shared by V1, V2 and a sweep. */
export type FundParameters = {
  readonly thresholdBps: number;
  readonly cooldownSeconds: number;
  readonly bufferBps: number;
  readonly managementFeeBps: number;
  readonly apyPct: ReadonlyMap<string, number>;
  readonly feeTierPct: ReadonlyMap<string, number>;
  readonly depthUsd: ReadonlyMap<string, number>;
  readonly impactK: number;
  readonly gasUsd: number;
  /** {USD} Largest trade of one asset in one step (every route's); V1 ignores it (one trade). */
  readonly maxTradeUsd: number;
  readonly stepIntervalSeconds: number;
  readonly navUsd: number;
  readonly riskFreePct: number;
};

export const DEFAULT_FUND_PARAMETERS: FundParameters = {
  thresholdBps: DEFAULT_THRESHOLD_BPS,
  cooldownSeconds: DEFAULT_COOLDOWN_SECONDS,
  bufferBps: DEFAULT_BUFFER_BPS,
  managementFeeBps: DEFAULT_MANAGEMENT_FEE_BPS,
  apyPct: new Map(),
  feeTierPct: new Map(),
  depthUsd: new Map(),
  impactK: DEFAULT_IMPACT_K,
  gasUsd: DEFAULT_GAS_USD,
  maxTradeUsd: DEFAULT_MAX_TRADE_USD,
  stepIntervalSeconds: DEFAULT_STEP_INTERVAL_SECONDS,
  navUsd: DEFAULT_NAV_USD,
  riskFreePct: 0,
};

/** Builds the engine's aligned arrays from names, overrides and the defaults tables. */
export function compileFund(
  assets: readonly string[],
  label: string,
  weightsBps: readonly number[],
  yieldOn: boolean,
  parameters: FundParameters,
): EngineConfig {
  checkRange("--threshold-bps", parameters.thresholdBps, 1, 10_000, true);
  checkRange("--cooldown-seconds", parameters.cooldownSeconds, 0, 10 * 365 * 86_400, true);
  checkRange("--buffer-bps", parameters.bufferBps, 0, 10_000, true);
  checkRange("--mgmt-fee-bps", parameters.managementFeeBps, 0, 500, true);
  checkRange("--impact-k", parameters.impactK, 0, 1_000, false);
  checkRange("--gas-usd", parameters.gasUsd, 0, 1e9, false);
  checkRange("--max-trade-usd", parameters.maxTradeUsd, 1, 1e15, false);
  checkRange("--step-interval-seconds", parameters.stepIntervalSeconds, 1, 86_400, true);
  checkRange("--nav-usd", parameters.navUsd, 1, 1e15, false);
  checkRange("--risk-free-pct", parameters.riskFreePct, -100, 100, false);
  const pick = (
    table: Readonly<Record<string, number>>,
    overrides: ReadonlyMap<string, number>,
    fallback: number,
  ) => assets.map((asset) => overrides.get(asset) ?? table[asset] ?? fallback);
  const depth = pick(DEFAULT_DEPTH_USD, parameters.depthUsd, FALLBACK_DEPTH_USD);
  for (const [i, d] of depth.entries()) {
    if (!(d > 0)) throw new InvalidFlagError("--depth-usd", `${assets[i]} depth must be > 0`);
  }
  return {
    label,
    targetBps: [...weightsBps],
    thresholdBps: parameters.thresholdBps,
    cooldownSeconds: parameters.cooldownSeconds,
    maxTradeUsd: assets.map(() => parameters.maxTradeUsd),
    stepIntervalSeconds: parameters.stepIntervalSeconds,
    yieldOn,
    apyPct: pick(DEFAULT_APY_PCT, parameters.apyPct, FALLBACK_APY_PCT),
    bufferBps: assets.map(() => parameters.bufferBps),
    managementFeeBps: parameters.managementFeeBps,
    poolFee: pick(DEFAULT_FEE_TIER_PCT, parameters.feeTierPct, FALLBACK_FEE_TIER_PCT).map((pct) => pct / 100),
    depthUsd: depth,
    impactK: parameters.impactK,
    gasUsd: parameters.gasUsd,
    initialNavUsd: parameters.navUsd,
    riskFreePct: parameters.riskFreePct,
  };
}

/**
 * V1 from a V2 layout: the same risk weights rescaled to 100%, no stablecoin sleeve, no yield, and one
 * uncapped trade per rebalance (V1's rebalancer had no step bounds).
 */
export function v1Of(v2: EngineConfig, stableIndex: number, label = "V1"): EngineConfig {
  return {
    ...v2,
    label,
    targetBps: withStableWeight(v2.targetBps, stableIndex, 0),
    yieldOn: false,
    maxTradeUsd: v2.maxTradeUsd.map(() => Number.POSITIVE_INFINITY),
  };
}

function checkRange(flag: string, value: number, min: number, max: number, integer: boolean): void {
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new InvalidFlagError(flag, `${value} must be ${integer ? "an integer " : ""}in [${min}, ${max}]`);
  }
}
