import { blockEtfAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { readContract, simulateContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type SimulateRedeemParameters = {
  readonly fund: Address;
  /** Whose shares: the simulation runs as this account (no signature needed). */
  readonly holder: Address;
  /** {share} */
  readonly shares: bigint;
  /** {tok} Per-asset bounds, basket order; no bound (zeros) when omitted. */
  readonly minAmounts?: readonly bigint[] | undefined;
};

/** How `redeem(shares)` would pay each asset if sent now, basket order. */
export type SimulateRedeemReturnType = readonly {
  /** {tok} Paid in the asset itself. */
  readonly amount: bigint;
  /** {vTok} Paid as the Venus market's vTokens (Venus could not pay: paused, no cash, a failure). */
  readonly vTokens: bigint;
  /** {vTok} Held by the fund for the holder to `claim` later (the vTokens could not move either). */
  readonly escrowed: bigint;
}[];

export type SimulateRedeemErrorType = BlockEtfError;

/**
 * The in-kind `redeem` simulated from the holder's account in this block (eth_call): what each asset
 * pays in tokens, in vTokens and in escrow, so a holder learns before signing that a Venus market cannot
 * pay. Reverts as the redeem would (balance, bounds), as typed errors in the fund's units.
 */
export async function simulateRedeem(
  client: Client,
  p: SimulateRedeemParameters,
): Promise<SimulateRedeemReturnType> {
  const minAmounts =
    p.minAmounts ??
    Array.from(
      {
        length: Number(
          await typed(
            client,
            readContract(client, { address: p.fund, abi: blockEtfAbi, functionName: "assetCount" }),
          ),
        ),
      },
      () => 0n,
    );
  const { result } = await typed(
    client,
    simulateContract(client, {
      account: p.holder,
      address: p.fund,
      abi: blockEtfAbi,
      functionName: "redeem",
      args: [p.shares, p.holder, minAmounts],
    }),
    { fund: p.fund },
  );
  return result;
}
