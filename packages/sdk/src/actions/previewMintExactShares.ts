import { blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type PreviewMintExactSharesParameters = {
  readonly lens: Address;
  readonly fund: Address;
  /** {share} */
  readonly shares: bigint;
};

/** {tok} What `mintExactShares(shares)` pulls of each asset in this block, basket order. */
export type PreviewMintExactSharesReturnType = readonly bigint[];

export type PreviewMintExactSharesErrorType = BlockEtfError;

/** Amounts an in-kind `mintExactShares(shares)` pulls in this block. */
export async function previewMintExactShares(
  client: Client,
  p: PreviewMintExactSharesParameters,
): Promise<PreviewMintExactSharesReturnType> {
  return typed(
    client,
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "previewMintExactShares",
      args: [p.fund, p.shares],
    }),
    { fund: p.fund },
  );
}
