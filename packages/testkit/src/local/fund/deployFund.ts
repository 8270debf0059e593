import { replayPriceFeedAbi, replayPriceFeedBytecode } from "@blocketf/abi";
import type { Address } from "viem";
import { type DevClients, deploy } from "../chain.js";

export {
  type CreateFundSpec,
  createFund,
  deployFundStack,
  type FundAssetSpec,
  type FundStack,
  setOracleFeeds,
} from "@blocketf/sdk";

/** 8-decimal answer of a USD price, as Chainlink's USD feeds quote. */
export const toFeedAnswer = (priceUsd: number): bigint => BigInt(Math.round(priceUsd * 1e8));

/** Deploys a ReplayPriceFeed per symbol (8 decimals), owned by the deployer (the market replayer). */
export async function deployReplayFeeds(
  clients: DevClients,
  pricesUsd: Readonly<Record<string, number>>,
): Promise<Record<string, Address>> {
  const feeds: Record<string, Address> = {};
  for (const [symbol, price] of Object.entries(pricesUsd)) {
    feeds[symbol] = await deploy(clients, {
      abi: replayPriceFeedAbi,
      bytecode: replayPriceFeedBytecode,
      args: [8, `${symbol} / USD`, toFeedAnswer(price), clients.account.address],
    });
  }
  return feeds;
}
