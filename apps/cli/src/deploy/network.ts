import { readFileSync } from "node:fs";
import { bsc } from "@blocketf/sdk";
import type { Address } from "viem";

/** A basket member on a network: its token, Venus market and Chainlink-interface feed. */
export type NetworkAsset = {
  readonly symbol: string;
  readonly token: Address;
  readonly decimals: number;
  readonly vToken: Address;
  readonly feed: Address;
  /** {s} Staleness limit given to the oracle. */
  readonly heartbeat: number;
  /** The feed's description starts with this ("BTC" for BTCB, "BNB" for WBNB). */
  readonly feedSymbol: string;
  readonly weightBps: number;
  /** V3 fee tier (hundredths of a bp) of the asset's pool against the stablecoin; none for the stablecoin. */
  readonly poolFee?: number;
};

/** The V3 DEX the rebalancer and the router trade on (PancakeSwap V3 on BNB Chain). */
export type NetworkDex = {
  readonly factory: Address;
  readonly swapRouter: Address;
  /**
   * {bps} What each route may lose beyond its pool's fee (price impact of a `routeMaxTradeUsd` swap, and the
   * oracle's lag behind the pool): a route's per-swap bound is its fee tier plus this (`routeSlippageBps`).
   */
  readonly routeImpactAllowanceBps: number;
  /** {USD} Largest trade of one asset in one rebalance step. */
  readonly routeMaxTradeUsd: number;
};

/** Everything a BlockETF deployment needs from a network, with no address hard-coded elsewhere. */
export type NetworkConfig = {
  readonly name: string;
  readonly chainId: number;
  readonly comptroller: Address;
  readonly wbnb: Address;
  readonly assets: readonly NetworkAsset[];
  /** Symbol of the stablecoin sleeve, through which every rebalance trade goes. */
  readonly stableSymbol: string;
  readonly dex: NetworkDex;
};

/** CT5 + a 20 % USDT sleeve. */
const WEIGHTS: Readonly<Record<string, number>> = {
  BTCB: 2500,
  ETH: 2000,
  WBNB: 1500,
  XRP: 1000,
  SOL: 1000,
  USDT: 2000,
};
const FEED_SYMBOL: Readonly<Record<string, string>> = { BTCB: "BTC", WBNB: "BNB" };
/**
 * PancakeSwap V3 fee tier of each asset's USDT pool on BNB Chain (tiers: data/pancakeswap_fee_reference.csv).
 * The preflight checks that each pool exists and holds liquidity before anything is deployed.
 */
const BSC_POOL_FEE: Readonly<Record<string, number>> = {
  BTCB: 500,
  ETH: 500,
  WBNB: 100,
  XRP: 2500,
  SOL: 2500,
};
const ORDER = ["BTCB", "ETH", "WBNB", "XRP", "SOL", "USDT"] as const;

/** BNB Chain mainnet, from the typed address book in @blocketf/sdk (each address with its source). */
export function bscNetwork(): NetworkConfig {
  return {
    name: "bsc",
    chainId: bsc.chainId,
    comptroller: bsc.venus.comptroller,
    wbnb: bsc.tokens.WBNB.address,
    assets: ORDER.map((s) => ({
      symbol: s,
      token: bsc.tokens[s].address,
      decimals: bsc.tokens[s].decimals,
      vToken: bsc.venus.vTokens[s],
      feed: bsc.chainlink[s].feed,
      heartbeat: bsc.chainlink[s].heartbeat,
      feedSymbol: FEED_SYMBOL[s] ?? s,
      weightBps: WEIGHTS[s] ?? 0,
      ...(BSC_POOL_FEE[s] === undefined ? {} : { poolFee: BSC_POOL_FEE[s] }),
    })),
    stableSymbol: "USDT",
    dex: {
      factory: bsc.pancakeswapV3.factory,
      swapRouter: bsc.pancakeswapV3.swapRouter,
      // Assumptions to revisit with the pools' depth at deployment (the preflight prints it) and each feed's
      // deviation threshold: BNB Chain's main USDT pools hold tens of millions, so a $50,000 swap moves them
      // a few bps; the rest of the 50 bps allowance is for a Chainlink answer lagging the pool by up to its
      // deviation band. Bounds: 55 bps for the 0.05 % pools, 51 for WBNB's 0.01 %, 75 for the 0.25 % ones.
      routeImpactAllowanceBps: 50,
      routeMaxTradeUsd: 50_000,
    },
  };
}

type LocalFile = {
  chainId: number;
  tokens: Record<string, Address>;
  feeds: Record<string, Address>;
  venus: { comptroller: Address; vTokens: Record<string, Address> };
  dex: { factory: Address; router: Address; pools: Record<string, { pool: Address; fee: number }> };
};

/** The local devnet (`npm start` writes deployments/local.json): its tokens, Venus and replay feeds. */
export function localNetwork(file: string): NetworkConfig {
  const local = JSON.parse(readFileSync(file, "utf8")) as LocalFile;
  return fromLocal(local);
}

export function fromLocal(local: LocalFile): NetworkConfig {
  const at = (table: Record<string, Address>, s: string): Address => {
    const address = table[s];
    if (address === undefined) throw new Error(`local deployment has no ${s}`);
    return address;
  };
  return {
    name: "local",
    chainId: local.chainId,
    comptroller: local.venus.comptroller,
    wbnb: at(local.tokens, "WBNB"),
    assets: ORDER.map((s) => ({
      symbol: s,
      token: at(local.tokens, s),
      decimals: 18,
      vToken: at(local.venus.vTokens, s),
      feed: at(local.feeds, s),
      heartbeat: 2 * 86_400,
      feedSymbol: s,
      weightBps: WEIGHTS[s] ?? 0,
      ...(local.dex.pools[s] === undefined ? {} : { poolFee: local.dex.pools[s].fee }),
    })),
    stableSymbol: "USDT",
    // The devnet's pools are $5M full range: 0.1 % of a pool per step and the devnet's impact allowance
    // (testkit ROUTE_MAX_TRADE_USD, ROUTE_IMPACT_ALLOWANCE_BPS).
    dex: {
      factory: local.dex.factory,
      swapRouter: local.dex.router,
      routeImpactAllowanceBps: 25,
      routeMaxTradeUsd: 5_000,
    },
  };
}
