import { blockEtfAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type GetRebalanceRuleParameters = { readonly fund: Address };

export type GetRebalanceRuleReturnType = {
  /** {bps} Smallest absolute weight deviation that calls for a rebalance. */
  readonly thresholdBps: number;
  /** {s} Minimum time between two rebalances. */
  readonly cooldown: number;
  /** {bps} Most value a rebalance step may lose, of the value it trades. */
  readonly maxLossBps: number;
  /** {s} When the last rebalance completed; 0 = never. */
  readonly lastRebalanceAt: bigint;
  /** A bounded rebalance is in progress (more steps to come). */
  readonly rebalancing: boolean;
  /** The fund's rebalancer contract (zero address: none). */
  readonly rebalancer: Address;
  readonly paused: boolean;
};

export type GetRebalanceRuleErrorType = BlockEtfError;

/** The fund's rebalance rule and where it stands: threshold, cooldown, loss bound, last and ongoing. */
export async function getRebalanceRule(
  client: Client,
  p: GetRebalanceRuleParameters,
): Promise<GetRebalanceRuleReturnType> {
  const at = { address: p.fund, abi: blockEtfAbi } as const;
  const [thresholdBps, cooldown, maxLossBps, lastRebalanceAt, rebalancing, rebalancer, paused] = await typed(
    client,
    Promise.all([
      readContract(client, { ...at, functionName: "rebalanceThresholdBps" }),
      readContract(client, { ...at, functionName: "rebalanceCooldown" }),
      readContract(client, { ...at, functionName: "rebalanceMaxLossBps" }),
      readContract(client, { ...at, functionName: "lastRebalanceAt" }),
      readContract(client, { ...at, functionName: "rebalancing" }),
      readContract(client, { ...at, functionName: "rebalancer" }),
      readContract(client, { ...at, functionName: "paused" }),
    ]),
    { fund: p.fund },
  );
  return { thresholdBps, cooldown, maxLossBps, lastRebalanceAt, rebalancing, rebalancer, paused };
}
