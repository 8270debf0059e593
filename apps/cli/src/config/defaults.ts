/**
 * Default parameters of the backtest. The fund itself — weights, rule, buffer, fee tiers, step bounds and
 * the Venus APY assumptions — is the one fund spec (`@blocketf/core` `CT5U`, with its sources), which the
 * devnet deploys and the deploy command ships; only the market model's own assumptions live here. Percent
 * values are what a person types (5 = 5%); the engine converts them.
 */
import { CT5U, specTable } from "@blocketf/core";

/** {%} The spec's target weights: CT5 in V1's order plus a 20 % USDT sleeve. */
export const DEFAULT_V2_WEIGHTS_PCT: Readonly<Record<string, number>> = specTable(
  CT5U,
  (a) => a.weightBps / 100,
);

/** {bps} V1's rule, kept in V2: 5% absolute deviation. */
export const DEFAULT_THRESHOLD_BPS: number = CT5U.rule.thresholdBps;

/** {s} 30 minutes. Daily bars cannot see it; it binds only on the 4h and 1h files. */
export const DEFAULT_COOLDOWN_SECONDS: number = CT5U.rule.cooldownSeconds;

/** {bps} Part of each holding kept liquid in the fund, not supplied to Venus (the devnet's too). */
export const DEFAULT_BUFFER_BPS: number = CT5U.bufferBps;

/** {USD} Largest trade of one asset in one rebalance step: the spec's BNB Chain route bound. */
export const DEFAULT_MAX_TRADE_USD: number = CT5U.routes.maxTradeUsd.bsc;

/** {s} Least time between two steps of a rebalance (the rebalancer's `stepInterval`). */
export const DEFAULT_STEP_INTERVAL_SECONDS: number = CT5U.routes.stepIntervalSeconds;

/** {bps/year} No management fee by default, so V1 and V2 differ only by yield and sleeve. */
export const DEFAULT_MANAGEMENT_FEE_BPS = 0;

/** {USD} Fund size; matters only for price impact, gas and how many steps a rebalance takes. */
export const DEFAULT_NAV_USD = 1_000_000;

/** {USD} Gas charged per rebalance step (BNB Chain, ~2M gas for swaps plus Venus calls; an assumption). */
export const DEFAULT_GAS_USD = 1;

/** {1} Linear impact coefficient: impact = k × trade / depth. */
export const DEFAULT_IMPACT_K = 1;

/** {%/year} The spec's Venus supply APY assumptions (data/venus_supply_apy_reference.csv). */
export const DEFAULT_APY_PCT: Readonly<Record<string, number>> = specTable(CT5U, (a) => a.supplyApyPct);

/** {%} The spec's PancakeSwap V3 fee tier of each asset's pool against USDT (0.05 % = 500). */
export const DEFAULT_FEE_TIER_PCT: Readonly<Record<string, number>> = specTable(
  CT5U,
  (a) => a.feeTier / 10_000,
);

/**
 * {USD} Assumed effective pool depth: the virtual one-side reserve around the price, so a trade of
 * size x loses about x / depth (x·y = k). Concentrated v3 liquidity makes this a multiple of TVL.
 * No per-pair depth figures were found; these are assumptions to measure with the v3 Quoter (the deploy
 * command's preflight prints each BNB Chain pool's depth at its current price).
 */
export const DEFAULT_DEPTH_USD: Readonly<Record<string, number>> = {
  BTCB: 50_000_000,
  ETH: 50_000_000,
  WBNB: 100_000_000,
  XRP: 10_000_000,
  SOL: 10_000_000,
  USDT: Number.POSITIVE_INFINITY,
};

/** Fallbacks for assets of a custom price file that the tables above do not list. */
export const FALLBACK_APY_PCT = 0;
export const FALLBACK_FEE_TIER_PCT = 0.25;
export const FALLBACK_DEPTH_USD = 10_000_000;
