import {
  blockEtfAbi,
  blockEtfRebalancerAbi,
  iPeripheryImmutableStateAbi,
  iUniswapV3FactoryAbi,
  iUniswapV3PoolAbi,
} from "@blocketf/abi";
import { type Address, type Client, encodeFunctionData, encodePacked, type Hex, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import type { TransactionRequest } from "./builders.js";
import { type BlockEtfError, decodeBlockEtfError, InvalidInputError } from "./errors.js";

/** Awaits a read and turns a revert into the typed BlockETF error. */
async function decoded<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error: unknown) {
    throw decodeBlockEtfError(error);
  }
}

/** How one asset trades against the stablecoin (IBlockETFRebalancer's `Route`). */
export type Route = {
  /** V3 path asset → stablecoin: token | uint24 fee | token …. */
  readonly sellPath: Hex;
  /** V3 path stablecoin → asset. */
  readonly buyPath: Hex;
  /** {bps} Each swap's minimum out is the oracle value less this (pool fee included). */
  readonly maxSlippageBps: number;
  /** D18{USD} Largest trade of this asset in one step. */
  readonly maxTradeValue: bigint;
};

export type GetRebalancerStateParameters = {
  rebalancer: Address;
  /** Whose permission `canRebalance` reports (the keeper's account). */
  caller: Address;
};

/** The step `rebalance()` would run now, or the typed reason it cannot be planned (a refused price …). */
export type RebalancerPreview =
  | {
      readonly status: "ok";
      /** {tok} What the fund would send per asset. */
      readonly sent: readonly bigint[];
      /** {tok of stablecoin} Stablecoin planned for each under-weight asset. */
      readonly spend: readonly bigint[];
    }
  | { readonly status: "error"; readonly error: BlockEtfError };

export type GetRebalancerStateReturnType = {
  readonly rebalancer: Address;
  readonly fund: Address;
  readonly router: Address;
  readonly stableIndex: number;
  /** Whether `caller` may trigger a step now; the step interval applies to everyone. */
  readonly canRebalance: { readonly allowed: boolean; readonly nextStepAt: bigint };
  readonly preview: RebalancerPreview;
  /** {s} 0 = never. */
  readonly lastStepAt: bigint;
  /** {s} Minimum time between two steps. */
  readonly stepInterval: number;
  /** {s} Since when a step has been due, observed continuously by `poke` and steps; 0 = not due. */
  readonly dueSince: bigint;
  /** {s} The last observation of "due"; older than `maxPokeGap`, `dueSince` no longer counts. */
  readonly lastDueAt: bigint;
  /** {s} Longest gap between two observations of "due". */
  readonly maxPokeGap: number;
  /** {s} How long the rule must be due before anyone may trigger. */
  readonly publicDelay: number;
  /** Route of each asset, basket order; `undefined` for the stablecoin and for unset routes. */
  readonly routes: readonly (Route | undefined)[];
};

export type GetRebalancerStateErrorType = BlockEtfError;

/** The rebalancer's whole state for one caller, read at the latest block. */
export async function getRebalancerState(
  client: Client,
  p: GetRebalancerStateParameters,
): Promise<GetRebalancerStateReturnType> {
  const at = { address: p.rebalancer, abi: blockEtfRebalancerAbi } as const;
  const [
    fund,
    router,
    stableIndex,
    lastStepAt,
    stepInterval,
    dueSince,
    publicDelay,
    can,
    lastDueAt,
    maxPokeGap,
  ] = await decoded(
    Promise.all([
      readContract(client, { ...at, functionName: "FUND" }),
      readContract(client, { ...at, functionName: "ROUTER" }),
      readContract(client, { ...at, functionName: "STABLE_INDEX" }),
      readContract(client, { ...at, functionName: "lastStepAt" }),
      readContract(client, { ...at, functionName: "stepInterval" }),
      readContract(client, { ...at, functionName: "dueSince" }),
      readContract(client, { ...at, functionName: "publicDelay" }),
      readContract(client, { ...at, functionName: "canRebalance", args: [p.caller] }),
      readContract(client, { ...at, functionName: "lastDueAt" }),
      readContract(client, { ...at, functionName: "maxPokeGap" }),
    ]),
  );
  const count = await decoded(
    readContract(client, { address: fund, abi: blockEtfAbi, functionName: "assetCount" }),
  );
  const routes = await Promise.all(
    Array.from({ length: Number(count) }, async (_, i) => {
      if (BigInt(i) === stableIndex) return undefined;
      const r = await decoded(
        readContract(client, {
          address: p.rebalancer,
          abi: blockEtfRebalancerAbi,
          functionName: "route",
          args: [BigInt(i)],
        }),
      );
      if (r.sellPath === "0x") return undefined;
      return {
        sellPath: r.sellPath,
        buyPath: r.buyPath,
        maxSlippageBps: r.maxSlippageBps,
        maxTradeValue: r.maxTradeValue,
      } satisfies Route;
    }),
  );
  let preview: RebalancerPreview;
  try {
    const [sent, spend] = await readContract(client, {
      address: p.rebalancer,
      abi: blockEtfRebalancerAbi,
      functionName: "previewStep",
    });
    preview = { status: "ok", sent, spend };
  } catch (error: unknown) {
    preview = { status: "error", error: decodeBlockEtfError(error) };
  }
  return {
    rebalancer: p.rebalancer,
    fund,
    router,
    stableIndex: Number(stableIndex),
    canRebalance: { allowed: can[0], nextStepAt: can[1] },
    preview,
    lastStepAt,
    stepInterval,
    dueSince,
    lastDueAt,
    maxPokeGap,
    publicDelay,
    routes,
  };
}

/* BUILDERS */

const request = (to: Address, data: Hex): TransactionRequest => Object.freeze({ to, data, value: 0n });

/** `rebalancer.rebalance()`: one bounded step (the fund's keeper, or anyone once due for `publicDelay`). */
export function buildRebalance(p: { rebalancer: Address }): TransactionRequest {
  return request(p.rebalancer, encodeFunctionData({ abi: blockEtfRebalancerAbi, functionName: "rebalance" }));
}

/**
 * `rebalancer.poke()`: observes whether a step is due and records it (permissionless). The public trigger
 * opens `publicDelay` after `dueSince` only while observations stay at most `maxPokeGap` apart.
 */
export function buildPoke(p: { rebalancer: Address }): TransactionRequest {
  return request(p.rebalancer, encodeFunctionData({ abi: blockEtfRebalancerAbi, functionName: "poke" }));
}

/** `rebalancer.setRoute(index, route)`: owner only. */
export function buildSetRoute(p: { rebalancer: Address; index: number; route: Route }): TransactionRequest {
  return request(
    p.rebalancer,
    encodeFunctionData({
      abi: blockEtfRebalancerAbi,
      functionName: "setRoute",
      args: [BigInt(p.index), p.route],
    }),
  );
}

/* V3 PATHS AND POOLS */

/** A one-hop V3 path `tokenIn | fee | tokenOut` (abi.encodePacked, as the rebalancer's routes take). */
export function v3Path(tokenIn: Address, fee: number, tokenOut: Address): Hex {
  return encodePacked(["address", "uint24", "address"], [tokenIn, fee, tokenOut]);
}

/** The hops of a V3 path: `[tokenIn, fee, tokenOut]` for each pool it crosses. */
export function decodeV3Path(path: Hex): { tokenIn: Address; fee: number; tokenOut: Address }[] {
  const body = path.slice(2);
  if (body.length < 86 || (body.length - 40) % 46 !== 0)
    throw new InvalidInputError(`${path.slice(0, 12)}… is not a V3 path (token | uint24 fee | token …).`);
  const hops: { tokenIn: Address; fee: number; tokenOut: Address }[] = [];
  for (let at = 0; at + 86 <= body.length; at += 46) {
    hops.push({
      tokenIn: `0x${body.slice(at, at + 40)}`,
      fee: Number.parseInt(body.slice(at + 40, at + 46), 16),
      tokenOut: `0x${body.slice(at + 46, at + 86)}`,
    });
  }
  return hops;
}

export type GetV3PoolStateReturnType = {
  readonly pool: Address;
  readonly token0: Address;
  readonly token1: Address;
  readonly fee: number;
  /** Q64.96 sqrt of token1 per token0, raw units. */
  readonly sqrtPriceX96: bigint;
};

/**
 * The pool a one-hop route trades in and its price: the router's `factory()`, the factory's
 * `getPool(tokenIn, tokenOut, fee)`, the pool's `slot0`. Same functions on PancakeSwap V3 and Uniswap V3.
 */
export async function getV3PoolState(
  client: Client,
  p: {
    router: Address;
    tokenIn: Address;
    tokenOut: Address;
    fee: number;
    /** The pool when already known (its address never changes): skips the factory lookup. */
    pool?: Address | undefined;
  },
): Promise<GetV3PoolStateReturnType> {
  const pool = p.pool ?? (await findV3Pool(client, p));
  if (pool === zeroAddress)
    throw new InvalidInputError(`No V3 pool for ${p.tokenIn}/${p.tokenOut} at fee ${p.fee}. Fix the route.`);
  const [slot0, token0, token1] = await Promise.all([
    readContract(client, { address: pool, abi: iUniswapV3PoolAbi, functionName: "slot0" }),
    readContract(client, { address: pool, abi: iUniswapV3PoolAbi, functionName: "token0" }),
    readContract(client, { address: pool, abi: iUniswapV3PoolAbi, functionName: "token1" }),
  ]);
  return { pool, token0, token1, fee: p.fee, sqrtPriceX96: slot0[0] };
}

/** The V3 pool of a hop: the router's `factory()`, then the factory's `getPool(tokenIn, tokenOut, fee)`. */
export async function findV3Pool(
  client: Client,
  p: { router: Address; tokenIn: Address; tokenOut: Address; fee: number },
): Promise<Address> {
  const factory = await readContract(client, {
    address: p.router,
    abi: iPeripheryImmutableStateAbi,
    functionName: "factory",
  });
  return readContract(client, {
    address: factory,
    abi: iUniswapV3FactoryAbi,
    functionName: "getPool",
    args: [p.tokenIn, p.tokenOut, p.fee],
  });
}

const Q192 = 1n << 192n;
const WAD = 10n ** 18n;

/**
 * D18{tokOut/tokIn} The pool's spot price of one whole `base` in whole `quote`, rounded down:
 * token1/token0 = sqrtPriceX96² / 2^192 in raw units, scaled by the decimals.
 */
export function v3SpotPriceD18(p: {
  sqrtPriceX96: bigint;
  baseIsToken0: boolean;
  baseDecimals: number;
  quoteDecimals: number;
}): bigint {
  const square = p.sqrtPriceX96 * p.sqrtPriceX96;
  const scaleBase = 10n ** BigInt(p.baseDecimals);
  const scaleQuote = 10n ** BigInt(p.quoteDecimals);
  // D18{quote/base} = raw{quote}/raw{base} * 10^baseDec / 10^quoteDec * 1e18.
  if (p.baseIsToken0) return (square * scaleBase * WAD) / (Q192 * scaleQuote);
  if (square === 0n) return 0n;
  return (Q192 * scaleBase * WAD) / (square * scaleQuote);
}
