import { blockEtfRouterAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { simulateContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type QuoteMintExactSharesWithStableParameters = {
  readonly router: Address;
  readonly fund: Address;
  /** {share} */
  readonly shares: bigint;
};

/** {tok of the stablecoin} What `mintExactSharesWithStable(fund, shares, …)` spends if executed now. */
export type QuoteMintExactSharesWithStableReturnType = bigint;

export type QuoteMintExactSharesWithStableErrorType = BlockEtfError;

/** The stablecoin an exact-shares mint costs now: the router's `quoteMintExactShares`, with eth_call. */
export async function quoteMintExactSharesWithStable(
  client: Client,
  p: QuoteMintExactSharesWithStableParameters,
): Promise<QuoteMintExactSharesWithStableReturnType> {
  const { result } = await typed(
    client,
    simulateContract(client, {
      address: p.router,
      abi: blockEtfRouterAbi,
      functionName: "quoteMintExactShares",
      args: [p.fund, p.shares],
    }),
    { fund: p.fund },
  );
  return result;
}
