import { blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type GetRebalanceStatusParameters = { readonly lens: Address; readonly fund: Address };

/** The fund's rebalance rule applied now (the same rule as @blocketf/core's checkRebalance). */
export type GetRebalanceStatusReturnType = ContractFunctionReturnType<
  typeof blockEtfLensAbi,
  "view",
  "rebalanceStatus"
>;
/** The rule's result: the same type as GetRebalanceStatusReturnType. */
export type RebalanceStatus = GetRebalanceStatusReturnType;

export type GetRebalanceStatusErrorType = BlockEtfError;

/** Whether the rebalance rule holds now, with every asset's deviation from its target. */
export async function getRebalanceStatus(
  client: Client,
  p: GetRebalanceStatusParameters,
): Promise<GetRebalanceStatusReturnType> {
  return typed(
    client,
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "rebalanceStatus",
      args: [p.fund],
    }),
    { fund: p.fund },
  );
}
