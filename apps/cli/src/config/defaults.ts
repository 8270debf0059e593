/**
 * Default parameters of the backtest, each with its source. Percent values are what a person types
 * (5 = 5%); the engine converts them.
 */

/**
 * V2 default: CT5 risk weights that keep V1's ordering (BTC largest, XRP and SOL smallest) plus a 20%
 * USDT sleeve, large enough to fund a rebalance after a 20–30% drawdown without selling a risk asset.
 */
export const DEFAULT_V2_WEIGHTS_PCT = {
  BTC: 25,
  ETH: 20,
  BNB: 15,
  XRP: 10,
  SOL: 10,
  USDT: 20,
} as const satisfies Record<string, number>;

/** {bps} V1's rule, kept in V2: 5% absolute deviation. */
export const DEFAULT_THRESHOLD_BPS = 500;

/** {s} 30 minutes. Daily bars cannot see it; it binds only on the 4h and 1h files. */
export const DEFAULT_COOLDOWN_SECONDS = 1800;

/** {bps} Part of each holding kept liquid in the fund, not supplied to Venus. */
export const DEFAULT_BUFFER_BPS = 500;

/** {bps/year} No management fee by default, so V1 and V2 differ only by yield and sleeve. */
export const DEFAULT_MANAGEMENT_FEE_BPS = 0;

/** {USD} Fund size; matters only for price impact and gas. */
export const DEFAULT_NAV_USD = 1_000_000;

/** {USD} Gas charged per rebalance (BNB Chain, ~2M gas for swaps plus Venus calls; an assumption). */
export const DEFAULT_GAS_USD = 1;

/** {1} Linear impact coefficient: impact = k × trade / depth. */
export const DEFAULT_IMPACT_K = 1;

/**
 * {%/year} Venus BNB Core supply APYs from data/venus_supply_apy_reference.csv: USDT base case 5%
 * (derived 4.0–6.0%), BTCB 0.1% (derived 0.12%), ETH 0.5% (0.3–1% within a cited 2.45% bound),
 * BNB 0.7% (0.5–1% baseline, assumed), XRP and SOL 0% (no figure found; conservative).
 */
export const DEFAULT_APY_PCT = {
  BTC: 0.1,
  ETH: 0.5,
  BNB: 0.7,
  XRP: 0,
  SOL: 0,
  USDT: 5,
} as const satisfies Record<string, number>;

/**
 * {%} PancakeSwap v3 fee tier of each asset's pool against USDT, from data/pancakeswap_fee_reference.csv:
 * 0.05% for major volatile pairs, 0.01% for the core WBNB/USDT pool, 0.25% for XRP and SOL (thinner).
 */
export const DEFAULT_FEE_TIER_PCT = {
  BTC: 0.05,
  ETH: 0.05,
  BNB: 0.01,
  XRP: 0.25,
  SOL: 0.25,
  USDT: 0,
} as const satisfies Record<string, number>;

/**
 * {USD} Assumed effective pool depth: the virtual one-side reserve around the price, so a trade of
 * size x loses about x / depth (x·y = k). Concentrated v3 liquidity makes this a multiple of TVL.
 * No per-pair depth figures were found; these are assumptions to measure with the v3 Quoter.
 */
export const DEFAULT_DEPTH_USD = {
  BTC: 50_000_000,
  ETH: 50_000_000,
  BNB: 100_000_000,
  XRP: 10_000_000,
  SOL: 10_000_000,
  USDT: Number.POSITIVE_INFINITY,
} as const satisfies Record<string, number>;

/** Fallbacks for assets of a custom price file that the tables above do not list. */
export const FALLBACK_APY_PCT = 0;
export const FALLBACK_FEE_TIER_PCT = 0.25;
export const FALLBACK_DEPTH_USD = 10_000_000;
