import { blockEtfRouterAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { simulateContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type QuoteRedeemToStableParameters = {
  readonly router: Address;
  readonly fund: Address;
  /** {share} */
  readonly shares: bigint;
};

/** What `redeemToStable(fund, shares, …)` pays if executed now (the router's preview of the fund's payout). */
export type QuoteRedeemToStableReturnType = {
  /** {tok of the stablecoin} Paid to the receiver; a valid `minStableOut`. */
  readonly stableOut: bigint;
  /**
   * {vTok} Per asset (basket order), the vTokens passed to the receiver where Venus cannot pay (redeem
   * paused, cash short, a market that cannot be read or is written off); 0 where Venus pays.
   */
  readonly vTokens: readonly bigint[];
};

export type QuoteRedeemToStableErrorType = BlockEtfError;

/**
 * What redeeming `shares` to the stablecoin pays now, in the stablecoin and in vTokens: the router's
 * `quoteRedeemToStable`, with eth_call. Reverts as the redeem would (`RedeemEscrowedError` where the fund
 * would escrow vTokens), as typed errors.
 */
export async function quoteRedeemToStable(
  client: Client,
  p: QuoteRedeemToStableParameters,
): Promise<QuoteRedeemToStableReturnType> {
  const { result } = await typed(
    client,
    simulateContract(client, {
      address: p.router,
      abi: blockEtfRouterAbi,
      functionName: "quoteRedeemToStable",
      args: [p.fund, p.shares],
    }),
    { fund: p.fund },
  );
  const [stableOut, vTokens] = result;
  return { stableOut, vTokens };
}
