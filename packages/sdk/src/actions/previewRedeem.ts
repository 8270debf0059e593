import { blockEtfAbi, blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import { type BlockEtfError, SharesExceedSupplyError } from "../errors/base.js";
import { Explainer } from "../errors/format.js";
import { getFundTokens } from "./getFundTokens.js";
import { typed } from "./internal.js";

export type PreviewRedeemParameters = {
  readonly lens: Address;
  readonly fund: Address;
  /** {share} */
  readonly shares: bigint;
};

/** {tok} Value owed per asset by `redeem(shares)` in this block, after the redeem fee, basket order. */
export type PreviewRedeemReturnType = readonly bigint[];

/** SharesExceedSupplyError when `shares` is more than the fund's supply; the fund's typed errors. */
export type PreviewRedeemErrorType = SharesExceedSupplyError | BlockEtfError;

/**
 * What an in-kind `redeem(shares)` owes per asset in this block. More shares than exist is a
 * SharesExceedSupplyError (the Lens alone would answer a pro-rata amount above the holdings).
 */
export async function previewRedeem(
  client: Client,
  p: PreviewRedeemParameters,
): Promise<PreviewRedeemReturnType> {
  const [supply, owed] = await typed(
    client,
    Promise.all([
      readContract(client, { address: p.fund, abi: blockEtfAbi, functionName: "totalSupply" }),
      readContract(client, {
        address: p.lens,
        abi: blockEtfLensAbi,
        functionName: "previewRedeem",
        args: [p.fund, p.shares],
      }),
    ]),
    { fund: p.fund },
  );
  if (p.shares > supply) {
    const tokens = await getFundTokens(client, { fund: p.fund }).catch(() => undefined);
    const [asked, exists] = new Explainer(tokens).shareAmounts(p.shares, supply);
    throw new SharesExceedSupplyError(
      `Redeeming ${asked} is more than the ${exists} in existence. Redeem at most your balance.`,
      { details: `shares ${p.shares} > totalSupply ${supply}` },
    );
  }
  return owed;
}
