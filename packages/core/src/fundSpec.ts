import { BPS } from "./constants.js";
import { BlockEtfCoreError } from "./errors.js";

/** One basket member as the fund spec states it; addresses belong to a network, not to the spec. */
export type FundSpecAsset = {
  /** The token's symbol on BNB Chain: the one spelling every tool prints. */
  readonly symbol: string;
  /** Other names accepted on input only: the price data's columns (BTC, BNB), V1's spelling. */
  readonly aliases: readonly string[];
  /** {bps} Target weight; the basket's sum to 10,000. */
  readonly weightBps: number;
  /** {hundredths of a bp} V3 fee tier of the asset's pool against the stablecoin; 0 for the stablecoin. */
  readonly feeTier: number;
  /** The USD feed's description starts with this ("BTC / USD" prices BTCB). */
  readonly feedSymbol: string;
  /**
   * {%/year} Assumed Venus supply APY: the backtester earns it on the supplied part of each holding and
   * the devnet sets each market's rate model so that it pays it at the devnet's utilisation.
   */
  readonly supplyApyPct: number;
};

/** A fund's settings, read by the devnet, the deploy command, the backtester, the keeper and the tests. */
export type FundSpec = {
  /** The share token's name and symbol. */
  readonly name: string;
  readonly symbol: string;
  /** The stablecoin sleeve: every rebalance trade goes through it. */
  readonly stable: string;
  readonly assets: readonly FundSpecAsset[];
  /** {bps} Cash buffer of every asset: kept idle for redemptions, the rest supplied to Venus. */
  readonly bufferBps: number;
  /** The rebalance rule (`setRebalanceRule(threshold, cooldown, maxLoss)`). */
  readonly rule: {
    /** {bps} Absolute weight deviation that triggers a rebalance. */
    readonly thresholdBps: number;
    /** {s} Time after a completed rebalance before the next may start. */
    readonly cooldownSeconds: number;
    /** {bps} Most a step may lose, as a share of the value it sends. */
    readonly maxLossBps: number;
  };
  /**
   * Each non-stable asset's route: one hop through its pool against the stablecoin at its `feeTier`,
   * with these step bounds.
   */
  readonly routes: {
    /**
     * {bps} What a swap may lose beyond its pool's fee, per network: each route's per-swap bound against
     * the oracle is its fee tier plus this (the SDK's `routeSlippageBps`), not one bound for every route
     * (one 1 % let a pool pushed 0.6 % cost a 0.05 %-fee swap 96 bps).
     */
    readonly impactAllowanceBps: { readonly bsc: number; readonly local: number };
    /** {USD} Largest trade of one asset in one step, per network: it must stay small against the pool. */
    readonly maxTradeUsd: { readonly bsc: number; readonly local: number };
    /** {s} Least time between two steps of one rebalance (the rebalancer's `stepInterval`). */
    readonly stepIntervalSeconds: number;
  };
};

/**
 * CT5 + a 20 % USDT sleeve: V1's five crypto assets in V1's order (BTC largest, XRP and SOL smallest)
 * plus a stablecoin sleeve large enough to fund a rebalance after a 20–30 % fall without selling a risk
 * asset. Sources: fee tiers, data/pancakeswap_fee_reference.csv (which tier each pair uses is an
 * assumption the deploy preflight checks on-chain); APYs, data/venus_supply_apy_reference.csv (USDT derived
 * 4.0–6.0 %, BTCB 0.12 %, ETH within a cited 2.45 % bound, BNB an assumed baseline, XRP and SOL no figure
 * found: 0, conservative); buffer, `npm run bench:earning` (2 % keeps ≥ 98 % of the NAV earning on the
 * devnet); rule, V1's (500 bps, 30 minutes) and the contracts' default 1 % loss bound.
 */
export const CT5U = {
  name: "BlockETF CT5 + USDT",
  symbol: "CT5U",
  stable: "USDT",
  assets: [
    { symbol: "BTCB", aliases: ["BTC"], weightBps: 2500, feeTier: 500, feedSymbol: "BTC", supplyApyPct: 0.1 },
    { symbol: "ETH", aliases: [], weightBps: 2000, feeTier: 500, feedSymbol: "ETH", supplyApyPct: 0.5 },
    { symbol: "WBNB", aliases: ["BNB"], weightBps: 1500, feeTier: 100, feedSymbol: "BNB", supplyApyPct: 0.7 },
    { symbol: "XRP", aliases: [], weightBps: 1000, feeTier: 2500, feedSymbol: "XRP", supplyApyPct: 0 },
    { symbol: "SOL", aliases: [], weightBps: 1000, feeTier: 2500, feedSymbol: "SOL", supplyApyPct: 0 },
    { symbol: "USDT", aliases: [], weightBps: 2000, feeTier: 0, feedSymbol: "USDT", supplyApyPct: 5 },
  ],
  bufferBps: 200,
  rule: { thresholdBps: 500, cooldownSeconds: 1800, maxLossBps: 100 },
  routes: {
    // Assumptions, not measurements. BNB Chain: its main USDT pools hold tens of millions, so a $50,000
    // swap moves them a few bps; the rest of the 50 bps is for a Chainlink answer lagging the pool by up to
    // its deviation band (bounds: 55 bps for the 0.05 % pools, 51 for WBNB's 0.01 %, 75 for the 0.25 %
    // ones). The devnet: the ~20 bps impact of a $5,000 swap in its $5M pools plus the 2 bps the replay's
    // arbitrage leaves between pool and oracle, rounded up (30, 26 and 50 bps).
    impactAllowanceBps: { bsc: 50, local: 25 },
    // BNB Chain's main USDT pools hold tens of millions, so $50,000 moves them well under the swap bound
    // (the deploy preflight compares it with each pool's depth); the devnet's $5M full-range pools take
    // 0.1 % of their value per step, ~0.2 % impact.
    maxTradeUsd: { bsc: 50_000, local: 5_000 },
    stepIntervalSeconds: 60,
  },
} as const satisfies FundSpec;

/** A symbol of the CT5 + USDT basket, in the spec's order. */
export type BasketSymbol = (typeof CT5U.assets)[number]["symbol"];
/** A basket symbol other than the stablecoin: each has a pool and a route. */
export type PooledSymbol = Exclude<BasketSymbol, typeof CT5U.stable>;

/** The basket's symbols in the fund's order (BNB is held as WBNB). */
export const BASKET: readonly BasketSymbol[] = CT5U.assets.map((a) => a.symbol);

/** A name that is neither a basket symbol nor one of its aliases. */
export class UnknownSymbolError extends BlockEtfCoreError {
  override name = "UnknownSymbolError";
  constructor(
    readonly input: string,
    known: readonly string[],
  ) {
    super(`Unknown asset "${input}". Known: ${known.join(", ")}.`);
  }
}

/** The spec's symbol for `name` (case-insensitive; aliases such as BTC and BNB accepted), or undefined. */
export function resolveSymbol(spec: FundSpec, name: string): string | undefined {
  const upper = name.trim().toUpperCase();
  return spec.assets.find((a) => a.symbol === upper || a.aliases.includes(upper))?.symbol;
}

/** Like `resolveSymbol`, but an unknown name is an `UnknownSymbolError` listing the spec's symbols. */
export function requireSymbol(spec: FundSpec, name: string): string {
  const symbol = resolveSymbol(spec, name);
  if (symbol === undefined)
    throw new UnknownSymbolError(
      name,
      spec.assets.map((a) => a.symbol),
    );
  return symbol;
}

/** {bps} The spec's target weights by symbol. */
export function specWeightsBps<const S extends FundSpec>(
  spec: S,
): Readonly<Record<S["assets"][number]["symbol"], number>> {
  return Object.fromEntries(spec.assets.map((a) => [a.symbol, a.weightBps])) as Record<
    S["assets"][number]["symbol"],
    number
  >;
}

/** A per-symbol table of the spec, e.g. `specTable(CT5U, (a) => a.feeTier)`. */
export function specTable<const S extends FundSpec, T>(
  spec: S,
  pick: (asset: S["assets"][number]) => T,
): Readonly<Record<S["assets"][number]["symbol"], T>> {
  return Object.fromEntries(spec.assets.map((a) => [a.symbol, pick(a)])) as Record<
    S["assets"][number]["symbol"],
    T
  >;
}

/** One route's path as symbols and fee tiers, `[asset, fee, stable]` to sell and the reverse to buy. */
export type SpecRoute = {
  readonly symbol: string;
  /** Basket index of the asset. */
  readonly index: number;
  readonly feeTier: number;
  readonly sell: readonly [string, number, string];
  readonly buy: readonly [string, number, string];
};

/** Every non-stable asset's one-hop route through its pool against the stablecoin. */
export function specRoutes(spec: FundSpec): SpecRoute[] {
  return spec.assets.flatMap((a, index) =>
    a.symbol === spec.stable
      ? []
      : [
          {
            symbol: a.symbol,
            index,
            feeTier: a.feeTier,
            sell: [a.symbol, a.feeTier, spec.stable] as const,
            buy: [spec.stable, a.feeTier, a.symbol] as const,
          },
        ],
  );
}

/** The spec's own consistency: weights sum to 10,000 bps, one stablecoin, every other asset has a pool. */
export function checkFundSpec(spec: FundSpec): void {
  const fail = (reason: string): never => {
    throw new BlockEtfCoreError(`Fund spec ${spec.symbol}: ${reason}.`);
  };
  const sum = spec.assets.reduce((total, a) => total + a.weightBps, 0);
  if (sum !== BPS) fail(`weights sum to ${sum} bps, not ${BPS}`);
  if (spec.assets.filter((a) => a.symbol === spec.stable).length !== 1)
    fail(`${spec.stable} is not listed once`);
  const names = spec.assets.flatMap((a) => [a.symbol, ...a.aliases]);
  if (new Set(names).size !== names.length) fail("a symbol or alias is listed twice");
  for (const a of spec.assets) {
    if (!Number.isInteger(a.weightBps) || a.weightBps <= 0) fail(`${a.symbol} has weight ${a.weightBps}`);
    if (a.symbol !== spec.stable && !(a.feeTier > 0)) fail(`${a.symbol} has no pool fee tier`);
    if (!(a.supplyApyPct >= 0)) fail(`${a.symbol} has APY ${a.supplyApyPct}`);
  }
  if (!Number.isInteger(spec.bufferBps) || spec.bufferBps < 0 || spec.bufferBps > BPS) {
    fail(`buffer ${spec.bufferBps} bps`);
  }
}
