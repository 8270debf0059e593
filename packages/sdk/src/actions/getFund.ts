import { blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type GetFundParameters = { readonly lens: Address; readonly fund: Address };

/** The fund's whole state in one call (see IBlockETFLens.getFund). */
export type GetFundReturnType = ContractFunctionReturnType<typeof blockEtfLensAbi, "view", "getFund">;

export type GetFundErrorType = BlockEtfError;

/** The fund's whole state, NAV and every asset's holdings, prices and Venus market, in one call. */
export async function getFund(client: Client, p: GetFundParameters): Promise<GetFundReturnType> {
  return typed(
    client,
    readContract(client, { address: p.lens, abi: blockEtfLensAbi, functionName: "getFund", args: [p.fund] }),
    { fund: p.fund },
  );
}
