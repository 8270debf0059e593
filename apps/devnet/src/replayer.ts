import { replayPriceFeedAbi } from "@blocketf/abi";
import {
  acquireToken,
  BASKET,
  type BasketSymbol,
  type DevClients,
  moveTowardsPrice,
  NATIVE_BNB,
  toFeedAnswer,
  venusArtifacts,
  venusPriceMantissa,
} from "@blocketf/testkit";
import type { LocalDeployment } from "./deployment.js";

export type TickReport = { date: string; swaps: number; blocks: number; ms: number };

/**
 * Moves the devnet one replayed day: the chain's clock jumps to the day's close, every price feed and
 * Venus's oracle take the day's closes, each DEX pool is arbitraged to them (the deployer mints what it
 * swaps), and the chain mines the day's blocks so Venus accrues a day of interest.
 */
export async function replayDay(
  clients: DevClients,
  deployment: LocalDeployment,
  date: string,
  prices: Readonly<Record<BasketSymbol, number>>,
): Promise<TickReport> {
  const started = Date.now();
  const startBlock = await clients.publicClient.getBlockNumber({ cacheTime: 0 });
  const close = Math.floor(Date.parse(`${date}T23:59:59Z`) / 1000);
  const now = (await clients.publicClient.getBlock({ blockTag: "latest" })).timestamp;
  if (BigInt(close) > now) await clients.test.setNextBlockTimestamp({ timestamp: BigInt(close) });

  let swaps = 0;
  for (const symbol of BASKET) {
    const price = prices[symbol];
    const hash = await clients.wallet.writeContract({
      address: deployment.feeds[symbol],
      abi: replayPriceFeedAbi,
      functionName: "setAnswer",
      args: [toFeedAnswer(price)],
    });
    await clients.publicClient.waitForTransactionReceipt({ hash });
    // Venus's oracle too, so borrowers' health follows the market (every basket token has 18 decimals).
    const token = symbol === "WBNB" ? NATIVE_BNB : deployment.tokens[symbol];
    const priced = await clients.wallet.writeContract({
      address: deployment.venus.oracle,
      abi: venusArtifacts.simplePriceOracleAbi,
      functionName: "setDirectPrice",
      args: [token, venusPriceMantissa(price, 18)],
    });
    await clients.publicClient.waitForTransactionReceipt({ hash: priced });
    if (symbol === "USDT") continue;
    const { pool } = deployment.dex.pools[symbol];
    const moved = await moveTowardsPrice({
      client: clients.wallet,
      dex: { router: deployment.dex.router },
      pool,
      tokenA: deployment.tokens[symbol],
      priceAInB: price,
      decimalsA: 18,
      decimalsB: 18,
      toleranceBps: 5,
      ensureBalance: (token, amount) => acquireToken(clients, deployment.tokens, token, amount),
    });
    swaps += moved.swaps;
  }
  const used = Number((await clients.publicClient.getBlockNumber({ cacheTime: 0 })) - startBlock);
  const left = deployment.venus.blocksPerDay - used;
  if (left > 0) await clients.test.mine({ blocks: left });
  return { date, swaps, blocks: Math.max(used, deployment.venus.blocksPerDay), ms: Date.now() - started };
}
