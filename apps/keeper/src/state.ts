import { blockEtfAbi, iPriceOracleAbi, iVTokenAbi } from "@blocketf/abi";
import {
  type BlockEtfError,
  decodeBlockEtfError,
  decodeV3Path,
  type GetFundReturnType,
  type GetRebalancerStateReturnType,
  getFund,
  getRebalanceEpisode,
  getRebalancerState,
  getRebalanceStatus,
  getV3PoolState,
  type RebalanceEpisodeView,
  type RebalanceStatus,
  v3SpotPriceD18,
} from "@blocketf/sdk";
import {
  type Address,
  type Client,
  createClient,
  custom,
  isAddressEqual,
  numberToHex,
  type PublicClient,
  zeroAddress,
} from "viem";
import { getBalance, getBlock, getGasPrice, getTransactionCount, readContract } from "viem/actions";

/** Everything a tick decides on, read from the chain; plain data for the pure planner and health check. */
export type Snapshot = {
  readonly chainId: number;
  readonly blockNumber: bigint;
  /** {s} The latest block's timestamp: the chain's "now". */
  readonly timestamp: bigint;
  readonly fund: GetFundReturnType;
  /** The Lens's rule, or why it could not be applied (a refused price). */
  readonly status:
    | { readonly ok: true; readonly value: RebalanceStatus }
    | { readonly ok: false; readonly error: BlockEtfError };
  readonly rule: {
    readonly thresholdBps: number;
    readonly cooldownSeconds: number;
    /** {s} The fund's `lastRebalanceAt()`: when the last episode ended; 0 = never. */
    readonly lastRebalanceAt: bigint;
  };
  /**
   * The fund's rebalance episode from the Lens (needs no price): its bounds and books, and what it allows
   * now. While `status.active`, steps need neither the threshold nor the cooldown, but the fund bounds
   * them: its interval (`status.nextStepAt`), `status.stepsLeft`, `status.lossLeft`, the deadline.
   */
  readonly episode: RebalanceEpisodeView;
  /** The fund's `rebalancer()` and `keeper()`, to check against the configuration. */
  readonly roles: { readonly rebalancer: Address; readonly keeper: Address };
  readonly rebalancer: GetRebalancerStateReturnType;
  /** Per asset with a Venus market: {bps} borrows / (cash + borrows − reserves), when readable. */
  readonly utilizationBps: readonly (number | undefined)[];
  /** Per asset whose price the oracle refuses: the typed reason. */
  readonly oracleErrors: readonly { readonly index: number; readonly error: BlockEtfError }[];
  /** Per route (first hop): the pool's spot price and the oracle's, both D18{stable/asset}. */
  readonly pools: readonly PoolCheck[];
  readonly keeper: {
    readonly address: Address;
    /** {wei} Native balance for gas. */
    readonly balance: bigint;
    readonly nonceLatest: number;
    readonly noncePending: number;
  };
  /** {wei/gas} */
  readonly gasPrice: bigint;
  /** D18{USD/BNB} Native token price from the fund's oracle (WBNB), when it has one. */
  readonly nativePriceUsd: bigint | undefined;
};

export type PoolCheck = {
  readonly index: number;
  readonly pool: Address;
  readonly fee: number;
  /** D18{stable/asset} */
  readonly poolPrice: bigint;
  /** D18{stable/asset}, from the oracle's USD prices. */
  readonly oraclePrice: bigint;
  /** {bps} |pool − oracle| / oracle, rounded down. */
  readonly deviationBps: number;
  /** {bps} The route's own per-swap bound (`maxSlippageBps`): steps through the pool wait beyond it. */
  readonly boundBps: number;
};

const WAD = 10n ** 18n;

/** {bps} |a − b| / b, Down; 10000 when b is 0. */
export function relativeBps(a: bigint, b: bigint): number {
  if (b === 0n) return 10_000;
  const diff = a > b ? a - b : b - a;
  return Number((diff * 10_000n) / b);
}

async function attempt<T>(
  read: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: BlockEtfError }> {
  try {
    return { ok: true, value: await read };
  } catch (error: unknown) {
    return { ok: false, error: decodeBlockEtfError(error) };
  }
}

/** Immutable facts cached across ticks: a route's pool address never changes. */
export type SnapshotCache = { pools: Map<string, Address> };

/**
 * A client whose state reads (`eth_call`, `eth_getBalance`) all see block `blockNumber`, so one tick
 * decides on one state: without it, a tick spanning a block could pair a pool price from before a market
 * move with an oracle price from after it. Nonces and gas price are read live from the real client.
 */
export function pinnedTo(client: Client, blockNumber: bigint): Client {
  const tag = numberToHex(blockNumber);
  return createClient({
    chain: client.chain,
    transport: custom(
      {
        request: async ({ method, params }: { method: string; params?: unknown }) => {
          let pinned = params;
          if ((method === "eth_call" || method === "eth_getBalance") && Array.isArray(params)) {
            pinned = [params[0], params[1] === undefined || params[1] === "latest" ? tag : params[1]];
          }
          return (client.request as (args: { method: string; params?: unknown }) => Promise<unknown>)({
            method,
            params: pinned,
          });
        },
        // The real client already retried; the keeper's own backoff handles what still fails.
      },
      { retryCount: 0 },
    ),
  });
}

export async function fetchSnapshot(
  client: PublicClient,
  p: { fund: Address; lens: Address; rebalancer: Address; keeper: Address; cache: SnapshotCache },
): Promise<Snapshot> {
  const live = client as Client;
  const block = await getBlock(live, { blockTag: "latest" });
  const c = pinnedTo(live, block.number);
  const fundAt = { address: p.fund, abi: blockEtfAbi } as const;
  const [
    fund,
    status,
    rebalancer,
    thresholdBps,
    cooldown,
    lastRebalanceAt,
    episode,
    rolesRebalancer,
    rolesKeeper,
    wbnb,
  ] = await Promise.all([
    getFund(c, { lens: p.lens, fund: p.fund }),
    attempt(getRebalanceStatus(c, { lens: p.lens, fund: p.fund })),
    getRebalancerState(c, { rebalancer: p.rebalancer, caller: p.keeper }),
    readContract(c, { ...fundAt, functionName: "rebalanceThresholdBps" }),
    readContract(c, { ...fundAt, functionName: "rebalanceCooldown" }),
    readContract(c, { ...fundAt, functionName: "lastRebalanceAt" }),
    getRebalanceEpisode(c, { lens: p.lens, fund: p.fund }),
    readContract(c, { ...fundAt, functionName: "rebalancer" }),
    readContract(c, { ...fundAt, functionName: "keeper" }),
    readContract(c, { ...fundAt, functionName: "WBNB" }),
  ]);
  const [balance, nonceLatest, noncePending, gasPrice] = await Promise.all([
    getBalance(c, { address: p.keeper }),
    getTransactionCount(live, { address: p.keeper, blockTag: "latest" }),
    getTransactionCount(live, { address: p.keeper, blockTag: "pending" }),
    getGasPrice(live),
  ]);

  const utilizationBps = await Promise.all(
    fund.assets.map(async (a) => {
      if (a.vToken === zeroAddress) return undefined;
      const at = { address: a.vToken, abi: iVTokenAbi } as const;
      const read = await attempt(
        Promise.all([
          readContract(c, { ...at, functionName: "getCash" }),
          readContract(c, { ...at, functionName: "totalBorrows" }),
          readContract(c, { ...at, functionName: "totalReserves" }),
        ]),
      );
      if (!read.ok) return undefined;
      const [cash, borrows, reserves] = read.value;
      const base = cash + borrows - reserves;
      return base <= 0n ? 0 : Number((borrows * 10_000n) / base);
    }),
  );

  const oracleErrors: { index: number; error: BlockEtfError }[] = [];
  for (const [index, a] of fund.assets.entries()) {
    if (a.priceOk) continue;
    const read = await attempt(
      readContract(c, { address: fund.oracle, abi: iPriceOracleAbi, functionName: "price", args: [a.token] }),
    );
    if (!read.ok) oracleErrors.push({ index, error: read.error });
  }

  const stable = fund.assets[rebalancer.stableIndex];
  const pools: PoolCheck[] = [];
  for (const [index, route] of rebalancer.routes.entries()) {
    const asset = fund.assets[index];
    if (route === undefined || asset === undefined || stable === undefined) continue;
    const hops = decodeV3Path(route.sellPath);
    const hop = hops[0];
    // Multi-hop routes have no single pool to compare with the oracle.
    if (hop === undefined || hops.length !== 1) continue;
    const key = `${hop.tokenIn}/${hop.tokenOut}/${hop.fee}`;
    const state = await getV3PoolState(c, {
      router: rebalancer.router,
      ...hop,
      pool: p.cache.pools.get(key),
    });
    p.cache.pools.set(key, state.pool);
    const poolPrice = v3SpotPriceD18({
      sqrtPriceX96: state.sqrtPriceX96,
      baseIsToken0: isAddressEqual(state.token0, asset.token),
      baseDecimals: asset.decimals,
      quoteDecimals: stable.decimals,
    });
    if (!asset.priceOk || !stable.priceOk || stable.price === 0n) continue;
    // D18{stable/asset} = D18{USD/asset} * 1e18 / D18{USD/stable}
    const oraclePrice = (asset.price * WAD) / stable.price;
    pools.push({
      index,
      pool: state.pool,
      fee: hop.fee,
      poolPrice,
      oraclePrice,
      deviationBps: relativeBps(poolPrice, oraclePrice),
      boundBps: route.maxSlippageBps,
    });
  }

  const wbnbAsset = fund.assets.find((a) => isAddressEqual(a.token, wbnb));
  let nativePriceUsd: bigint | undefined;
  if (wbnbAsset?.priceOk === true) nativePriceUsd = wbnbAsset.price;
  else {
    const read = await attempt(
      readContract(c, { address: fund.oracle, abi: iPriceOracleAbi, functionName: "price", args: [wbnb] }),
    );
    nativePriceUsd = read.ok ? read.value : undefined;
  }

  return {
    chainId: client.chain?.id ?? 0,
    blockNumber: block.number,
    timestamp: block.timestamp,
    fund,
    status,
    rule: { thresholdBps: thresholdBps, cooldownSeconds: cooldown, lastRebalanceAt },
    episode,
    roles: { rebalancer: rolesRebalancer, keeper: rolesKeeper },
    rebalancer,
    utilizationBps,
    oracleErrors,
    pools,
    keeper: { address: p.keeper, balance, nonceLatest, noncePending },
    gasPrice,
    nativePriceUsd,
  };
}
