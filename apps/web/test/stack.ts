// What the browser tests (and the benchmark) run against: a devnet deployed the way `npm start` deploys
// it (anvil, Venus's core pool, PancakeSwap V3, the fund, its rebalancer and the USDT router), days
// replayed on demand, the history indexer, the app's production bundle on Vite's preview server with the
// devnet's faucet, and Debian's Chromium through playwright-core.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BORROWER_KEY_INDEX,
  DEFAULT_CONFIG,
  deployDevnet,
  devnetPaths,
  FAUCET_KEY_INDEX,
  KEEPER_KEY_INDEX,
  type LocalDeployment,
  loadDailyPrices,
  replayDay,
  runFaucet,
  writeDeployment,
} from "@blocketf/devnet";
import { type RunningIndexer, startIndexer } from "@blocketf/indexer";
import { buildSweep, write } from "@blocketf/sdk";
import {
  type Anvil,
  type BasketSymbol,
  type DevClients,
  devClients,
  freePort,
  startAnvil,
} from "@blocketf/testkit";
import { type Browser, chromium } from "playwright-core";
import { formatEther } from "viem";
import { buildWeb, type RunningWeb, startWeb } from "../server/index.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type WebStack = {
  readonly dir: string;
  readonly anvil: Anvil;
  readonly deployment: LocalDeployment;
  readonly admin: DevClients;
  readonly indexer: RunningIndexer;
  readonly web: RunningWeb;
  readonly browser: Browser;
  /**
   * Replays the next `days` days of price history (one block of market moves + 99 blocks each); `tweak`
   * changes a day's prices (a price shock: feeds and pools move to it together).
   */
  readonly replay: (days: number, tweak?: (prices: Prices) => Prices) => Promise<void>;
  /** Supplies the fund's idle assets above their buffers to Venus (permissionless; the keeper's job). */
  readonly sweep: () => Promise<void>;
  /** Waits until the indexer has the chain's head. */
  readonly catchUp: () => Promise<void>;
  readonly stop: () => Promise<void>;
};

type Prices = Readonly<Record<BasketSymbol, number>>;

export type WebStackOptions = {
  /** First replayed day (the deployment's prices). */
  readonly from: string;
  /** Days replayed before the app starts (history for the charts). */
  readonly warmupDays: number;
};

export async function startWebStack(o: WebStackOptions): Promise<WebStack> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: apt-get install -y chromium (scripts/ci/chromium.sh), or set CHROMIUM_PATH.`,
    );
  const dir = mkdtempSync(join(tmpdir(), "blocketf-web-"));
  const outDir = join(dir, "dist");
  // The bundle builds while the chain deploys.
  const built = buildWeb(outDir);
  const history = loadDailyPrices(o.from);
  const firstDay = history.dates[0] ?? o.from;
  // The indexer reads the Lens at every snapshot block: keep their states (anvil prunes at 256 otherwise).
  const anvil = await startAnvil({
    port: await freePort(),
    timestamp: Math.floor(Date.parse(`${firstDay}T00:00:00Z`) / 1000),
    pruneHistory: 20_000,
    startTimeoutMs: 30_000,
  });
  const clients = (i: number) => devClients(anvil.rpcUrl, i);
  const admin = clients(0);
  const prices = history.prices[0];
  if (prices === undefined) throw new Error(`no prices on ${o.from}`);
  const deployment = await deployDevnet(
    {
      admin,
      lender: clients(1),
      borrower: clients(BORROWER_KEY_INDEX),
      user: clients(3),
      keeper: clients(KEEPER_KEY_INDEX),
    },
    { ...DEFAULT_CONFIG, from: o.from, dir },
    prices,
  );
  const paths = devnetPaths(dir);
  writeDeployment(paths, deployment);
  const replayClients = { admin, borrower: clients(BORROWER_KEY_INDEX) };
  const sweep = async () => {
    await write(admin.wallet, { request: buildSweep({ fund: deployment.fund }), fund: deployment.fund });
  };
  const replay = async (days: number, tweak?: (prices: Prices) => Prices) => {
    for (let i = 0; i < days; i++) {
      const day = deployment.replay.nextDay;
      const date = history.dates[day];
      const dayPrices = history.prices[day];
      if (date === undefined || dayPrices === undefined) throw new Error("past the end of the price data");
      await replayDay(replayClients, deployment, date, tweak ? tweak(dayPrices) : dayPrices, {
        utilization: DEFAULT_CONFIG.utilization,
      });
      deployment.replay.nextDay = day + 1;
    }
    writeDeployment(paths, deployment);
  };
  await sweep();
  await replay(o.warmupDays);

  const indexerDir = join(dir, "indexer");
  mkdirSync(indexerDir, { recursive: true });
  const indexer = await startIndexer({
    deployment: paths.deploymentFile,
    port: 0,
    dataDir: indexerDir,
    databaseUrl: "", // PGlite in the test's directory, whatever DATABASE_URL says
    fresh: true,
  });
  const catchUp = async () => {
    await indexer.waitForBlock(await admin.publicClient.getBlockNumber({ cacheTime: 0 }), 120_000);
  };
  await indexer.ready(180_000);
  await catchUp();
  await built;
  const faucet = devClients(anvil.rpcUrl, FAUCET_KEY_INDEX);
  const web = await startWeb({
    mode: "preview",
    outDir,
    port: 0,
    localDeploymentFile: paths.deploymentFile,
    indexerUrl: indexer.url,
    faucet: async (to) =>
      (await runFaucet(faucet, deployment, { to, usd: 10_000, bnb: 10 })).map((g) => ({
        symbol: g.symbol,
        amount: formatEther(g.amount),
      })),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    dir,
    anvil,
    deployment,
    admin,
    indexer,
    web,
    browser,
    replay,
    sweep,
    catchUp,
    stop: async () => {
      await browser.close().catch(() => {});
      await web.stop().catch(() => {});
      await indexer.stop().catch(() => {});
      await anvil.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
