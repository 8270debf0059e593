// The replayer on anvil, in process (no keeper): every block it mines shows a coherent market, and the
// utilisation manager holds Venus's markets in their band where debt accrual alone drifts out of it.
import { replayPriceFeedAbi } from "@blocketf/abi";
import { CT5U } from "@blocketf/core";
import { buildCall, write } from "@blocketf/sdk";
import {
  type Anvil,
  BASKET,
  type BasketSymbol,
  devClients,
  dexArtifacts,
  NATIVE_BNB,
  priceAInBFromSqrtPriceX96,
  ratioToNumber,
  startAnvil,
  toFeedAnswer,
  venusArtifacts,
} from "@blocketf/testkit";
import { isAddressEqual } from "viem";
import { afterEach, describe, expect, test } from "vitest";
import { DEFAULT_CONFIG } from "./config.js";
import { BORROWER_KEY_INDEX, deployDevnet, KEEPER_KEY_INDEX, type LocalDeployment } from "./deployment.js";
import { loadDailyPrices } from "./prices.js";
import { type ReplayClients, type ReplayOptions, replayDay, type TickReport } from "./replayer.js";
import type { UtilizationBand } from "./utilization.js";

const FROM = "2025-01-01";
const history = loadDailyPrices(FROM);
const running: Anvil[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.stop()));
});

async function devnet(): Promise<{ clients: ReplayClients; deployment: LocalDeployment }> {
  const anvil = await startAnvil({
    timestamp: Math.floor(Date.parse(`${FROM}T00:00:00Z`) / 1000),
    startTimeoutMs: 30_000,
  });
  running.push(anvil);
  const at = (index: number) => devClients(anvil.rpcUrl, index);
  const deployment = await deployDevnet(
    {
      admin: at(0),
      lender: at(1),
      borrower: at(BORROWER_KEY_INDEX),
      user: at(3),
      keeper: at(KEEPER_KEY_INDEX),
    },
    { ...DEFAULT_CONFIG, from: FROM },
    history.prices[0] as Record<BasketSymbol, number>,
  );
  return { clients: { admin: at(0), borrower: at(BORROWER_KEY_INDEX) }, deployment };
}

async function replay(
  clients: ReplayClients,
  deployment: LocalDeployment,
  days: number,
  options: ReplayOptions,
  afterDay?: (tick: TickReport, firstBlock: bigint) => Promise<void>,
): Promise<TickReport[]> {
  const ticks: TickReport[] = [];
  for (let day = 1; day <= days; day++) {
    const firstBlock = (await clients.admin.publicClient.getBlockNumber({ cacheTime: 0 })) + 1n;
    const tick = await replayDay(
      clients,
      deployment,
      history.dates[day] as string,
      history.prices[day] as Record<BasketSymbol, number>,
      options,
    );
    ticks.push(tick);
    await afterDay?.(tick, firstBlock);
  }
  return ticks;
}

type Incoherence = { block: bigint; symbol: BasketSymbol; what: "pool" | "venus"; offBps: number };

/**
 * Every block in [from, to] where a pool or Venus's oracle disagrees with the asset's feed: a pool by more
 * than its fee + 1 bps (the arbitrage-free band, plus rounding), Venus's oracle by more than 0.01 bps (the
 * feed has 8 decimals). Reads each block's own state (anvil keeps the last 256).
 */
async function incoherentBlocks(
  clients: ReplayClients,
  deployment: LocalDeployment,
  from: bigint,
  to: bigint,
): Promise<Incoherence[]> {
  const { publicClient } = clients.admin;
  const found: Incoherence[] = [];
  for (let block = from; block <= to; block++) {
    const rows = await Promise.all(
      BASKET.map(async (symbol) => {
        const [, answer] = await publicClient.readContract({
          address: deployment.feeds[symbol],
          abi: replayPriceFeedAbi,
          functionName: "latestRoundData",
          blockNumber: block,
        });
        // BNB's price keys both vWBNB (the WBNB token) and the native vBNB (NATIVE_BNB).
        const keys = symbol === "WBNB" ? [deployment.tokens.WBNB, NATIVE_BNB] : [deployment.tokens[symbol]];
        const venusPrices = await Promise.all(
          keys.map((key) =>
            publicClient.readContract({
              address: deployment.venus.oracle,
              abi: venusArtifacts.simplePriceOracleAbi,
              functionName: "getPrice",
              args: [key],
              blockNumber: block,
            }),
          ),
        );
        const feed = Number(answer) / 1e8;
        const out: Incoherence[] = [];
        for (const venus of venusPrices) {
          const venusOff = Math.abs(Number(venus) / 1e18 / feed - 1) * 1e4;
          if (venusOff > 0.01) out.push({ block, symbol, what: "venus", offBps: venusOff });
        }
        if (symbol !== "USDT") {
          const { pool, fee } = deployment.dex.pools[symbol];
          const [[sqrtPriceX96], token0] = await Promise.all([
            publicClient.readContract({
              address: pool,
              abi: dexArtifacts.pancakeV3PoolAbi,
              functionName: "slot0",
              blockNumber: block,
            }),
            publicClient.readContract({
              address: pool,
              abi: dexArtifacts.pancakeV3PoolAbi,
              functionName: "token0",
            }),
          ]);
          const price = ratioToNumber(
            priceAInBFromSqrtPriceX96({
              sqrtPriceX96,
              decimalsA: 18,
              decimalsB: 18,
              aIsToken0: isAddressEqual(token0, deployment.tokens[symbol]),
            }),
          );
          const poolOff = Math.abs(price / feed - 1) * 1e4;
          if (poolOff > fee / 100 + 1) out.push({ block, symbol, what: "pool", offBps: poolOff });
        }
        return out;
      }),
    );
    found.push(...rows.flat());
  }
  return found;
}

describe("replayDay", () => {
  test("behavior: no block shows a half-moved market (every feed, Venus's oracle and every pool agree)", async () => {
    const { clients, deployment } = await devnet();
    const days = 4;
    const incoherent: Incoherence[] = [];
    const ticks = await replay(
      clients,
      deployment,
      days,
      { utilization: DEFAULT_CONFIG.utilization },
      async (tick, first) => {
        const last = await clients.admin.publicClient.getBlockNumber({ cacheTime: 0 });
        expect(last - first + 1n).toBe(100n); // the time scale: 100 blocks a day
        expect(tick.moveBlock).toBe(first); // the day's move is its first block, all of it
        incoherent.push(...(await incoherentBlocks(clients, deployment, first - 1n, last)));
      },
    );
    expect(incoherent).toEqual([]);
    expect(ticks.every((t) => t.swaps === 5)).toBe(true);

    // The check is not vacuous: a feed moved on its own is a half-moved market.
    const { admin } = clients;
    const {
      receipt: { blockNumber },
    } = await write(admin.wallet, {
      request: buildCall({
        address: deployment.feeds.ETH,
        abi: replayPriceFeedAbi,
        functionName: "setAnswer",
        args: [toFeedAnswer((history.prices[days]?.ETH ?? 0) * 1.01)],
      }),
    });
    const caught = await incoherentBlocks(clients, deployment, blockNumber, blockNumber);
    expect(caught.map((c) => `${c.symbol} ${c.what}`)).toEqual(["ETH venus", "ETH pool"]);
  }, 120_000);

  // A narrow band, so that 90 days of accrual at ~6 %/year (≈ +0.4 point of utilisation) leave it.
  const narrow: UtilizationBand = { targetBps: 5000, bandBps: 20 };
  const DAYS = 90;
  // One day of accrual between two checks (≈ 0.005 point) may show at a day's end before the next fix.
  const DAY_SLACK = 10n ** 14n; // 1 bps
  const lo = (10n ** 18n * BigInt(narrow.targetBps - narrow.bandBps)) / 10_000n - DAY_SLACK;
  const hi = (10n ** 18n * BigInt(narrow.targetBps + narrow.bandBps)) / 10_000n + DAY_SLACK;

  // Each market pays the fund spec's APY assumption, so debt grows with it: USDT's (5 %) leaves the band
  // within the replay, the small ones (ETH 0.5 %, WBNB 0.7 %) only drift up, XRP and SOL (0 %) do not move.
  test(`behavior: without the manager, ${DAYS} days of debt accrual drift utilisation out of ${narrow.targetBps / 100} ± ${narrow.bandBps / 100} %`, async () => {
    const { clients, deployment } = await devnet();
    const ticks = await replay(clients, deployment, DAYS, {});
    const first = ticks[0]?.utilization as Record<BasketSymbol, bigint>;
    const last = ticks.at(-1)?.utilization as Record<BasketSymbol, bigint>;
    for (const asset of CT5U.assets) {
      const symbol = asset.symbol;
      if (symbol === "BTCB") continue; // starts at ~10 %: the USDT borrower's BTCB collateral lands in vBTC
      expect(first[symbol], `${symbol} on day 1`).toBeGreaterThanOrEqual(lo);
      expect(first[symbol], `${symbol} on day 1`).toBeLessThanOrEqual(hi);
      if (asset.supplyApyPct > 0) {
        expect(last[symbol], `${symbol} after ${DAYS} days`).toBeGreaterThan(first[symbol]);
      }
    }
    expect(last.USDT, `USDT after ${DAYS} days`).toBeGreaterThan(hi);
    expect(ticks.every((t) => t.adjustments.length === 0)).toBe(true);
  }, 300_000);

  test(`behavior: the manager keeps every market in ${narrow.targetBps / 100} ± ${narrow.bandBps / 100} % for ${DAYS} days`, async () => {
    const { clients, deployment } = await devnet();
    const ticks = await replay(clients, deployment, DAYS, { utilization: narrow });
    for (const [day, tick] of ticks.entries()) {
      for (const symbol of BASKET) {
        const u = tick.utilization[symbol];
        expect(u >= lo && u <= hi, `${symbol} on ${tick.date}: ${u}`).toBe(true);
      }
      expect(tick.skipped, `day ${day}`).toEqual([]);
      // At most one repay or borrow per market per day.
      expect(new Set(tick.adjustments.map((a) => a.symbol)).size).toBe(tick.adjustments.length);
    }
    const adjustments = ticks.flatMap((t) => t.adjustments);
    expect(adjustments.some((a) => a.kind === "repay")).toBe(true); // accrual pushed some market up
    expect(adjustments.length).toBeLessThan(DAYS * BASKET.length);
  }, 300_000);
});
