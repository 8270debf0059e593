import { blockEtfRouterAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { simulateContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type QuoteMintWithStableParameters = {
  readonly router: Address;
  readonly fund: Address;
  /** {tok of the stablecoin} */
  readonly stableIn: bigint;
};

export type QuoteMintWithStableReturnType = {
  /** {share} What `mintWithStable(fund, stableIn, …)` mints if executed now. */
  readonly shares: bigint;
  /** {tok of the stablecoin} What it spends; the rest of `stableIn` is refunded. */
  readonly stableSpent: bigint;
};

export type QuoteMintWithStableErrorType = BlockEtfError;

/**
 * What minting from the stablecoin gives now: the router's `quoteMintWithStable`, run with eth_call (it
 * simulates every swap in its pool). Reverts the way the mint itself would, as typed errors.
 */
export async function quoteMintWithStable(
  client: Client,
  p: QuoteMintWithStableParameters,
): Promise<QuoteMintWithStableReturnType> {
  const { result } = await typed(
    client,
    simulateContract(client, {
      address: p.router,
      abi: blockEtfRouterAbi,
      functionName: "quoteMintWithStable",
      args: [p.fund, p.stableIn],
    }),
    { fund: p.fund },
  );
  return { shares: result[0], stableSpent: result[1] };
}
