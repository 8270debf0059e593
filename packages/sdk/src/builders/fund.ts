import { blockEtfAbi } from "@blocketf/abi";
import { type Address, encodeFunctionData, erc20Abi, type Hex } from "viem";

/** A transaction request ready for `sendTransaction`: pure data, frozen. */
export type TransactionRequest = Readonly<{ to: Address; data: Hex; value: bigint }>;

const request = (to: Address, data: Hex): TransactionRequest => Object.freeze({ to, data, value: 0n });

export type BuildMintParameters = {
  fund: Address;
  /** {tok} Most of each asset to pull, basket order. */
  maxAmounts: readonly bigint[];
  /** {share} Slippage bound. */
  minShares: bigint;
  receiver: Address;
};
/** `mint(maxAmounts, minShares, receiver)`: the most shares `maxAmounts` pay for. */
export function buildMint(p: BuildMintParameters): TransactionRequest {
  return request(
    p.fund,
    encodeFunctionData({
      abi: blockEtfAbi,
      functionName: "mint",
      args: [p.maxAmounts, p.minShares, p.receiver],
    }),
  );
}

export type BuildMintExactSharesParameters = {
  fund: Address;
  shares: bigint;
  maxAmounts: readonly bigint[];
  receiver: Address;
};
export function buildMintExactShares(p: BuildMintExactSharesParameters): TransactionRequest {
  return request(
    p.fund,
    encodeFunctionData({
      abi: blockEtfAbi,
      functionName: "mintExactShares",
      args: [p.shares, p.maxAmounts, p.receiver],
    }),
  );
}

export type BuildRedeemParameters = {
  fund: Address;
  shares: bigint;
  receiver: Address;
  /** {tok} Slippage bound on the value owed per asset. */
  minAmounts: readonly bigint[];
};
export function buildRedeem(p: BuildRedeemParameters): TransactionRequest {
  return request(
    p.fund,
    encodeFunctionData({
      abi: blockEtfAbi,
      functionName: "redeem",
      args: [p.shares, p.receiver, p.minAmounts],
    }),
  );
}

export function buildSweep(p: { fund: Address }): TransactionRequest {
  return request(p.fund, encodeFunctionData({ abi: blockEtfAbi, functionName: "sweep" }));
}

export function buildClaim(p: { fund: Address; vToken: Address; receiver: Address }): TransactionRequest {
  return request(
    p.fund,
    encodeFunctionData({ abi: blockEtfAbi, functionName: "claim", args: [p.vToken, p.receiver] }),
  );
}

export function buildApprove(p: { token: Address; spender: Address; amount: bigint }): TransactionRequest {
  return request(
    p.token,
    encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [p.spender, p.amount] }),
  );
}

/** {bps} 100 %. */
const BPS = 10_000n;

/** Lower bound after a slippage tolerance: `x * (1 - bps)`, rounded down. */
export function minusSlippage(x: bigint, toleranceBps: bigint): bigint {
  return (x * (BPS - toleranceBps)) / BPS;
}

/** Upper bound after a slippage tolerance: `x * (1 + bps)`, rounded up. */
export function plusSlippage(x: bigint, toleranceBps: bigint): bigint {
  return (x * (BPS + toleranceBps) + BPS - 1n) / BPS;
}
