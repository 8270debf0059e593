import { blockEtfLensAbi } from "@blocketf/abi";
import type { Address, Client, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { decodeBlockEtfError } from "./errors.js";

export type LensParameters = { lens: Address; fund: Address };

/** Awaits a read and turns a revert into the typed BlockETF error. */
async function decoded<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error: unknown) {
    throw decodeBlockEtfError(error);
  }
}

/** The fund's whole state in one call (see IBlockETFLens.getFund). */
export type GetFundReturnType = ContractFunctionReturnType<typeof blockEtfLensAbi, "view", "getFund">;

export async function getFund(client: Client, p: LensParameters): Promise<GetFundReturnType> {
  return decoded(
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "getFund",
      args: [p.fund],
    }),
  );
}

/** Shares and amounts `mint(maxAmounts)` gives in this block. */
export async function previewMint(
  client: Client,
  p: LensParameters & { maxAmounts: readonly bigint[] },
): Promise<{ shares: bigint; amounts: readonly bigint[] }> {
  const [shares, amounts] = await decoded(
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "previewMint",
      args: [p.fund, p.maxAmounts],
    }),
  );
  return { shares, amounts };
}

/** Amounts `mintExactShares(shares)` pulls in this block. */
export async function previewMintExactShares(
  client: Client,
  p: LensParameters & { shares: bigint },
): Promise<readonly bigint[]> {
  return decoded(
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "previewMintExactShares",
      args: [p.fund, p.shares],
    }),
  );
}

/** Value owed per asset by `redeem(shares)` in this block, after the redeem fee. */
export async function previewRedeem(
  client: Client,
  p: LensParameters & { shares: bigint },
): Promise<readonly bigint[]> {
  return decoded(
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "previewRedeem",
      args: [p.fund, p.shares],
    }),
  );
}

/**
 * The fund's rebalance episode (IBlockETFLens.rebalanceEpisode): its bounds and books, and what it allows at
 * this block (`status`: the same function as @blocketf/core's `rebalanceEpisodeStatus`).
 */
export type RebalanceEpisodeView = ContractFunctionReturnType<
  typeof blockEtfLensAbi,
  "view",
  "rebalanceEpisode"
>;

/**
 * The fund's rebalance rule applied now (the same rule as @blocketf/core's checkRebalance, the cooldown
 * running from the last episode's end; an active episode is always due) and its episode.
 */
export type RebalanceStatus = ContractFunctionReturnType<
  typeof blockEtfLensAbi,
  "view",
  "rebalanceStatus"
> & {
  readonly episode: RebalanceEpisodeView;
};

export async function getRebalanceStatus(client: Client, p: LensParameters): Promise<RebalanceStatus> {
  const [rule, episode] = await decoded(
    Promise.all([
      readContract(client, {
        address: p.lens,
        abi: blockEtfLensAbi,
        functionName: "rebalanceStatus",
        args: [p.fund],
      }),
      getRebalanceEpisode(client, p),
    ]),
  );
  return { ...rule, episode };
}

/** The fund's rebalance episode alone; it needs no price, so it reads even when the oracle refuses one. */
export async function getRebalanceEpisode(client: Client, p: LensParameters): Promise<RebalanceEpisodeView> {
  return decoded(
    readContract(client, {
      address: p.lens,
      abi: blockEtfLensAbi,
      functionName: "rebalanceEpisode",
      args: [p.fund],
    }),
  );
}
