import { blockEtfRebalancerAbi } from "@blocketf/abi";
import { type Address, encodeFunctionData, type Hex } from "viem";
import type { TransactionRequest } from "./fund.js";

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
