import { iPancakeV3FactoryAbi, iPancakeV3PoolAbi, iPeripheryImmutableStateAbi } from "@blocketf/abi";
import { type Address, type Client, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import { InvalidInputError } from "../errors/base.js";

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
    readContract(client, { address: pool, abi: iPancakeV3PoolAbi, functionName: "slot0" }),
    readContract(client, { address: pool, abi: iPancakeV3PoolAbi, functionName: "token0" }),
    readContract(client, { address: pool, abi: iPancakeV3PoolAbi, functionName: "token1" }),
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
    abi: iPancakeV3FactoryAbi,
    functionName: "getPool",
    args: [p.tokenIn, p.tokenOut, p.fee],
  });
}
