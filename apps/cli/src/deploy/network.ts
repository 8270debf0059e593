import { readFileSync } from "node:fs";
import { UsageError } from "@blocketf/cli-kit";
import { BASKET, CT5U, type FundSpec } from "@blocketf/core";
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
  /** The fund deployed there: name, symbol, weights, buffer (the one spec, `@blocketf/core` `CT5U`). */
  readonly spec: FundSpec;
};

const asset = (symbol: string) => {
  const a = CT5U.assets.find((x) => x.symbol === symbol);
  if (a === undefined) throw new Error(`the fund spec has no ${symbol}`);
  return a;
};
const ORDER = BASKET as readonly (typeof BASKET)[number][];

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
      feedSymbol: asset(s).feedSymbol,
      weightBps: asset(s).weightBps,
      ...(s === CT5U.stable ? {} : { poolFee: asset(s).feeTier }),
    })),
    stableSymbol: CT5U.stable,
    // The spec's step bounds for BNB Chain: the preflight checks them against each pool's depth.
    dex: {
      factory: bsc.pancakeswapV3.factory,
      swapRouter: bsc.pancakeswapV3.swapRouter,
      routeImpactAllowanceBps: CT5U.routes.impactAllowanceBps.bsc,
      routeMaxTradeUsd: CT5U.routes.maxTradeUsd.bsc,
    },
    spec: CT5U,
  };
}

type LocalFile = {
  chainId: number;
  tokens: Record<string, Address>;
  feeds: Record<string, Address>;
  venus: { comptroller: Address; vTokens: Record<string, Address> };
  dex: { factory: Address; router: Address; pools: Record<string, { pool: Address; fee: number }> };
};

/**
 * The local devnet from its deployment file (`npm start` writes deployments/local.json, or
 * <dir>/deployments/local.json with `--dir`): its RPC, tokens, Venus and replay feeds.
 */
export function localNetwork(file: string): NetworkConfig & { readonly rpcUrl: string | undefined } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(
      `no devnet deployment at ${file}: start the devnet with npm start, or pass --deployment <dir>/deployments/local.json for one started with --dir`,
    );
  }
  const local = JSON.parse(text) as LocalFile & { rpcUrl?: string };
  return { ...fromLocal(local), rpcUrl: local.rpcUrl };
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
      weightBps: asset(s).weightBps,
      ...(local.dex.pools[s] === undefined ? {} : { poolFee: local.dex.pools[s].fee }),
    })),
    stableSymbol: CT5U.stable,
    // The spec's step bounds for the devnet's $5M full-range pools (0.1 % of a pool per step).
    dex: {
      factory: local.dex.factory,
      swapRouter: local.dex.router,
      routeImpactAllowanceBps: CT5U.routes.impactAllowanceBps.local,
      routeMaxTradeUsd: CT5U.routes.maxTradeUsd.local,
    },
    spec: CT5U,
  };
}
