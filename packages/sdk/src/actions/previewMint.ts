import { blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type PreviewMintParameters = {
  readonly lens: Address;
  readonly fund: Address;
  /** {tok} Most of each asset to pay, basket order. */
  readonly maxAmounts: readonly bigint[];
};

export type PreviewMintReturnType = {
  /** {share} Shares `mint(maxAmounts)` gives in this block. */
  readonly shares: bigint;
  /** {tok} What it pulls of each asset, basket order. */
  readonly amounts: readonly bigint[];
};

export type PreviewMintErrorType = BlockEtfError;

/** Shares and amounts an in-kind `mint(maxAmounts)` gives in this block. */
export async function previewMint(client: Client, p: PreviewMintParameters): Promise<PreviewMintReturnType> {
  const [shares, amounts] = await typed(
    client,
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "previewMint",
      args: [p.fund, p.maxAmounts],
    }),
    { fund: p.fund },
  );
  return { shares, amounts };
}
