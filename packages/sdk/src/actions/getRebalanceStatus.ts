import { blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { getRebalanceEpisode, type RebalanceEpisodeView } from "./getRebalanceEpisode.js";
import { typed } from "./internal.js";

export type GetRebalanceStatusParameters = { readonly lens: Address; readonly fund: Address };

/**
 * The fund's rebalance rule applied now (the same rule as @blocketf/core's checkRebalance, the cooldown
 * running from the last episode's end; an active episode is always due) and its episode.
 */
export type GetRebalanceStatusReturnType = ContractFunctionReturnType<
  typeof blockEtfLensAbi,
  "view",
  "rebalanceStatus"
> & {
  readonly episode: RebalanceEpisodeView;
};
/** The rule's result: the same type as GetRebalanceStatusReturnType. */
export type RebalanceStatus = GetRebalanceStatusReturnType;

export type GetRebalanceStatusErrorType = BlockEtfError;

/** Whether the rebalance rule holds now, with every asset's deviation from its target, and the episode. */
export async function getRebalanceStatus(
  client: Client,
  p: GetRebalanceStatusParameters,
): Promise<GetRebalanceStatusReturnType> {
  const [rule, episode] = await Promise.all([
    typed(
      client,
      readContract(client, {
        address: p.lens,
        abi: blockEtfLensAbi,
        functionName: "rebalanceStatus",
        args: [p.fund],
      }),
      { fund: p.fund },
    ),
    getRebalanceEpisode(client, p),
  ]);
  return { ...rule, episode };
}
