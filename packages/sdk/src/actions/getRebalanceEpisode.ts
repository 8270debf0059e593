import { blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type GetRebalanceEpisodeParameters = { readonly lens: Address; readonly fund: Address };

/**
 * The fund's rebalance episode (IBlockETFLens.rebalanceEpisode): its bounds and books, and what it allows at
 * this block (`status`: the same function as @blocketf/core's `rebalanceEpisodeStatus`).
 */
export type RebalanceEpisodeView = ContractFunctionReturnType<
  typeof blockEtfLensAbi,
  "view",
  "rebalanceEpisode"
>;
export type GetRebalanceEpisodeReturnType = RebalanceEpisodeView;

export type GetRebalanceEpisodeErrorType = BlockEtfError;

/** The fund's rebalance episode alone; it needs no price, so it reads even when the oracle refuses one. */
export async function getRebalanceEpisode(
  client: Client,
  p: GetRebalanceEpisodeParameters,
): Promise<GetRebalanceEpisodeReturnType> {
  return typed(
    client,
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "rebalanceEpisode",
      args: [p.fund],
    }),
    { fund: p.fund },
  );
}
