import { blockEtfAbi, blockEtfRebalancerAbi } from "@blocketf/abi";
import { type Address, type Client, erc20Abi, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { decodeBlockEtfError } from "../errors/decode.js";
import type { TokenInfo } from "../errors/format.js";

export type GetFundTokensParameters = { readonly fund: Address };

export type GetFundTokensReturnType = {
  /** The fund's share token. */
  readonly share: TokenInfo;
  /** The basket, in basket order (the order of every per-asset array the fund takes and returns). */
  readonly assets: readonly TokenInfo[];
  /** The stablecoin sleeve the router and the rebalancer trade through; undefined without a rebalancer. */
  readonly stable: TokenInfo | undefined;
  readonly stableIndex: number | undefined;
};

export type GetFundTokensErrorType = BlockEtfError;

/**
 * The fund's share token, its basket (address, symbol, decimals, Venus market) and its stablecoin sleeve:
 * what messages need to speak in symbols and units, and what the router needs approved. It is also an
 * `ErrorContext`.
 */
export async function getFundTokens(
  client: Client,
  { fund }: GetFundTokensParameters,
): Promise<GetFundTokensReturnType> {
  try {
    const [assets, symbol, decimals, rebalancer] = await Promise.all([
      readContract(client, { address: fund, abi: blockEtfAbi, functionName: "assets" }),
      readContract(client, { address: fund, abi: blockEtfAbi, functionName: "symbol" }),
      readContract(client, { address: fund, abi: blockEtfAbi, functionName: "decimals" }),
      readContract(client, { address: fund, abi: blockEtfAbi, functionName: "rebalancer" }),
    ]);
    const symbols = await Promise.all(
      assets.map((a) =>
        readContract(client, { address: a.token, abi: erc20Abi, functionName: "symbol" }).catch(
          () => `${a.token.slice(0, 8)}…`,
        ),
      ),
    );
    const basket = assets.map(
      (a, i): TokenInfo => ({
        address: a.token,
        symbol: symbols[i] ?? a.token,
        decimals: a.decimals,
        vToken: a.vToken === zeroAddress ? undefined : a.vToken,
      }),
    );
    const stableIndex =
      rebalancer === zeroAddress
        ? undefined
        : Number(
            await readContract(client, {
              address: rebalancer,
              abi: blockEtfRebalancerAbi,
              functionName: "STABLE_INDEX",
            }),
          );
    return {
      share: { address: fund, symbol, decimals },
      assets: basket,
      stable: stableIndex === undefined ? undefined : basket[stableIndex],
      stableIndex,
    };
  } catch (error: unknown) {
    throw decodeBlockEtfError(error);
  }
}
