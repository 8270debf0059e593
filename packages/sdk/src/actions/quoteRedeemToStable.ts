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

/**
 * {tok of the stablecoin} What `redeemToStable(fund, shares, …)` pays if executed now and Venus pays in
 * underlying (where Venus cannot pay, the execution passes vTokens on and pays less stablecoin).
 */
export type QuoteRedeemToStableReturnType = bigint;

export type QuoteRedeemToStableErrorType = BlockEtfError;

/** The stablecoin redeeming `shares` pays now: the router's `quoteRedeemToStable`, with eth_call. */
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
  return result;
}
