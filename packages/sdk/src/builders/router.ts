import { blockEtfRouterAbi } from "@blocketf/abi";
import { type Address, encodeFunctionData } from "viem";
import type { TransactionRequest } from "./fund.js";

const request = (to: Address, data: `0x${string}`): TransactionRequest =>
  Object.freeze({ to, data, value: 0n });

/** {s} A deadline `seconds` from `now` (unix seconds; the wall clock when omitted). */
export function deadlineIn(seconds: number, now: number = Math.floor(Date.now() / 1000)): bigint {
  return BigInt(now + seconds);
}

export type BuildMintWithStableParameters = {
  readonly router: Address;
  readonly fund: Address;
  /** {tok of the stablecoin} Pulled from the sender (approve the router first); the unspent part is refunded. */
  readonly stableIn: bigint;
  /** {share} Slippage bound: reverts MinSharesNotMet below it (e.g. a quote's shares less a tolerance). */
  readonly minShares: bigint;
  readonly receiver: Address;
  /** {s} Reverts DeadlinePassed when mined after it. */
  readonly deadline: bigint;
};

/** `router.mintWithStable`: as many shares as `stableIn` buys, the rest refunded. */
export function buildMintWithStable(p: BuildMintWithStableParameters): TransactionRequest {
  return request(
    p.router,
    encodeFunctionData({
      abi: blockEtfRouterAbi,
      functionName: "mintWithStable",
      args: [p.fund, p.stableIn, p.minShares, p.receiver, p.deadline],
    }),
  );
}

export type BuildMintExactSharesWithStableParameters = {
  readonly router: Address;
  readonly fund: Address;
  /** {share} Exactly this many shares are minted. */
  readonly shares: bigint;
  /** {tok of the stablecoin} Slippage bound, pulled then partly refunded (e.g. a quote plus a tolerance). */
  readonly maxStableIn: bigint;
  readonly receiver: Address;
  readonly deadline: bigint;
};

/** `router.mintExactSharesWithStable`: exactly `shares`, paying at most `maxStableIn`. */
export function buildMintExactSharesWithStable(
  p: BuildMintExactSharesWithStableParameters,
): TransactionRequest {
  return request(
    p.router,
    encodeFunctionData({
      abi: blockEtfRouterAbi,
      functionName: "mintExactSharesWithStable",
      args: [p.fund, p.shares, p.maxStableIn, p.receiver, p.deadline],
    }),
  );
}

export type BuildRedeemToStableParameters = {
  readonly router: Address;
  readonly fund: Address;
  /** {share} Redeemed from the sender (approve the router for the shares first). */
  readonly shares: bigint;
  /** {tok of the stablecoin} Slippage bound: reverts MinStableOutNotMet below it. */
  readonly minStableOut: bigint;
  readonly receiver: Address;
  readonly deadline: bigint;
};

/** `router.redeemToStable`: redeems in kind and sells every asset for the stablecoin. */
export function buildRedeemToStable(p: BuildRedeemToStableParameters): TransactionRequest {
  return request(
    p.router,
    encodeFunctionData({
      abi: blockEtfRouterAbi,
      functionName: "redeemToStable",
      args: [p.fund, p.shares, p.minStableOut, p.receiver, p.deadline],
    }),
  );
}
