// `npm start`: the local devnet. Starts anvil (from its npm package), deploys Venus's core pool and a V3
// DEX from their published artifacts, the fund and its feeds (or reloads them from the saved state),
// starts the keeper on the fund, the history indexer and the web app, prints READY, then replays real
// daily prices until Ctrl-C, which stops them all.
import { appendFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "@blocketf/cli-kit";
import type { RunningIndexer } from "@blocketf/indexer";
import {
  createLogger,
  KeeperConfigError,
  parseKeeperArgs,
  type RunningKeeper,
  startKeeper,
} from "@blocketf/keeper";
import { deployRouter, getFund } from "@blocketf/sdk";
import {
  type Anvil,
  AnvilStartError,
  BASKET,
  DEVNET_BLOCKS_PER_YEAR,
  devClients,
  rawRpc,
  startAnvil,
  wireRebalancer,
} from "@blocketf/testkit";
import type { RunningWeb } from "@blocketf/web/server";
import { type DevnetConfig, HELP, parseArgs } from "./config.js";
import {
  BORROWER_KEY_INDEX,
  DEX_KIND,
  type DevnetPaths,
  deployDevnet,
  devnetPaths,
  KEEPER_KEY_INDEX,
  type LocalDeployment,
  REPO_ROOT,
  readDeployment,
  writeDeployment,
} from "./deployment.js";
import { earningBps, formatEarning } from "./earning.js";
import { DevnetConfigError } from "./errors.js";
import { type DailyPrices, loadDailyPrices } from "./prices.js";
import { replayDay } from "./replayer.js";
import { checkPortFree, INDEXER_HISTORY_BLOCKS, indexerLog, runIndexer, runWeb } from "./services.js";
import { formatAdjustment, utilizationRange } from "./utilization.js";

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function hasCode(rpcUrl: string, address: string): Promise<boolean> {
  const code = await devClients(rpcUrl).publicClient.getCode({ address: address as `0x${string}` });
  return code !== undefined && code !== "0x";
}

async function start(
  config: DevnetConfig,
  paths: DevnetPaths,
  history: DailyPrices,
): Promise<{ anvil: Anvil; deployment: LocalDeployment; resumed: boolean }> {
  mkdirSync(dirname(paths.stateFile), { recursive: true });
  const saved = config.fresh ? undefined : readDeployment(paths);
  const oldDex = saved !== undefined && saved.dex.kind !== DEX_KIND;
  if (oldDex)
    log(
      `The saved devnet predates PancakeSwap V3's own contracts and vWBNB (DEX ${saved.dex.kind}): deploying afresh.`,
    );
  const resumable =
    saved !== undefined && !oldDex && existsSync(paths.stateFile) && saved.replay.from === config.from;
  const firstDay = history.dates[0] ?? config.from;
  const anvil = await startAnvil({
    port: config.port,
    ...(resumable
      ? { loadState: paths.stateFile }
      : { timestamp: Math.floor(Date.parse(`${firstDay}T00:00:00Z`) / 1000) }),
    dumpState: paths.stateFile,
    startTimeoutMs: 30_000,
    ...(config.indexerPort === undefined ? {} : { pruneHistory: INDEXER_HISTORY_BLOCKS }),
  });
  if (resumable && saved !== undefined && (await hasCode(anvil.rpcUrl, saved.fund))) {
    // A loaded state's next block would take the wall clock: put the clock back on the replayed history.
    const latest = await devClients(anvil.rpcUrl).publicClient.getBlock({ blockTag: "latest" });
    await rawRpc(anvil.rpcUrl, "evm_setTime", [Number(latest.timestamp) + 1]);
    log(`Resumed the saved devnet (${paths.stateFile}); replay continues at day ${saved.replay.nextDay}.`);
    const deployment = { ...saved, rpcUrl: anvil.rpcUrl };
    let changed = false;
    if (saved.rebalancer === undefined) {
      // A chain saved before the keeper existed: give its fund a rebalancer and a keeper account.
      const keeper = devClients(anvil.rpcUrl, KEEPER_KEY_INDEX).account.address;
      deployment.rebalancer = await wireRebalancer(devClients(anvil.rpcUrl, 0), {
        fund: saved.fund,
        router: saved.dex.router,
        tokens: saved.tokens,
        keeper,
      });
      deployment.accounts = { ...saved.accounts, keeper };
      log(`Added the rebalancer ${deployment.rebalancer} to the saved fund.`);
      changed = true;
    }
    if (saved.router === undefined) {
      // A chain saved before the devnet deployed the USDT router.
      deployment.router = await deployRouter(devClients(anvil.rpcUrl, 0));
      log(`Added the USDT router ${deployment.router} to the saved devnet.`);
      changed = true;
    }
    if (saved.venus.blocksPerYear === undefined) {
      deployment.venus = { ...saved.venus, blocksPerYear: Number(DEVNET_BLOCKS_PER_YEAR) };
      changed = true;
    }
    if (changed) writeDeployment(paths, deployment);
    return { anvil, deployment, resumed: true };
  }
  log(`Deploying Venus, the DEX and the fund on ${anvil.rpcUrl} …`);
  const prices = history.prices[0];
  if (prices === undefined) throw new DevnetConfigError("no price for the first day");
  const deployment = await deployDevnet(
    {
      admin: devClients(anvil.rpcUrl, 0),
      lender: devClients(anvil.rpcUrl, 1),
      borrower: devClients(anvil.rpcUrl, BORROWER_KEY_INDEX),
      user: devClients(anvil.rpcUrl, 3),
      keeper: devClients(anvil.rpcUrl, KEEPER_KEY_INDEX),
    },
    config,
    prices,
  );
  writeDeployment(paths, deployment);
  return { anvil, deployment, resumed: false };
}

/**
 * The keeper on the devnet's fund, in this process: its JSON-line log goes to `.devnet/keeper.log`, and
 * each transaction it confirms (or fails) is also one line here.
 */
const keeperLog = (paths: DevnetPaths): string => join(dirname(paths.stateFile), "keeper.log");

async function runKeeper(
  config: DevnetConfig,
  paths: DevnetPaths,
  d: LocalDeployment,
): Promise<RunningKeeper> {
  const logFile = keeperLog(paths);
  const keeperConfig = parseKeeperArgs(
    [
      "--devnet",
      "--deployment",
      paths.deploymentFile,
      "--rpc",
      d.rpcUrl,
      "--port",
      String(config.keeperPort ?? 0),
      "--interval",
      "1",
    ],
    { env: {} },
  );
  if (keeperConfig === "help") throw new KeeperConfigError("unexpected --help");
  const write = (line: string): void => {
    appendFileSync(logFile, line);
    const entry = JSON.parse(line) as { msg?: string; action?: string; status?: string; block?: string };
    if (entry.msg === "confirm") {
      log(`keeper: ${entry.action} ${entry.status} in block ${entry.block ?? "?"} (details in ${logFile})`);
    } else if (entry.msg === "simulate" && line.includes('"ok":false')) {
      log(`keeper: ${entry.action} simulation failed (details in ${logFile})`);
    }
  };
  return startKeeper(keeperConfig, { logger: createLogger(write) });
}

function printReady(
  d: LocalDeployment,
  paths: DevnetPaths,
  seconds: number,
  keeper: RunningKeeper | undefined,
  services: { web: RunningWeb | undefined; indexer: RunningIndexer | undefined },
): void {
  log("");
  log(`  chain     ${d.rpcUrl} (chain id ${d.chainId})`);
  log(`  fund      ${d.fund}   lens ${d.lens}   factory ${d.factory}`);
  log(`  venus     comptroller ${d.venus.comptroller}`);
  for (const s of BASKET) log(`  ${s.padEnd(9)} token ${d.tokens[s]}   vToken ${d.venus.vTokens[s]}`);
  log(`            native vBNB ${d.venus.vBNB} (listed beside vWBNB, as on BNB Chain; the fund uses vWBNB)`);
  log(`  dex       router ${d.dex.router}   quoter ${d.dex.quoter}   (PancakeSwap V3's own bytecode)`);
  log(`            rebalancer ${d.rebalancer} (routes through the dex pools)`);
  log(`  router    ${d.router} (USDT router: mintWithStable, redeemToStable)`);
  log(
    `  accounts  deployer ${d.accounts.deployer}, user ${d.accounts.user}, keeper ${d.accounts.keeper} (anvil's dev keys)`,
  );
  if (keeper !== undefined) {
    log(`  keeper    health ${keeper.url}/health   metrics ${keeper.url}/metrics   log ${keeperLog(paths)}`);
  } else {
    log("  keeper    not running (--no-keeper)");
  }
  log(
    services.indexer === undefined
      ? "  indexer   not running (--no-indexer)"
      : `  indexer   ${services.indexer.url}/graphql   history API (log ${indexerLog(paths)})`,
  );
  log(`  written   ${paths.deploymentFile}`);
  log(`  faucet    npm run faucet -- --to <address> [--usd 10000]   (basket tokens and BNB for gas)`);
  log(
    services.web === undefined
      ? "  web       not running (--no-web)"
      : `  web       ${services.web.url}   the app: Connect wallet → Dev account #6, then Get test tokens`,
  );
  log("");
  log(
    `READY ${d.rpcUrl} fund=${d.fund}${services.web === undefined ? "" : ` web=${services.web.url}`} in ${seconds.toFixed(1)} s`,
  );
}

/**
 * A terminal's Ctrl-C reaches every process of the group, Vite's esbuild service too: if Vite was
 * pre-bundling the app's dependencies, its pending call throws "The service is no longer running" outside
 * any promise. The web server waits for the pre-bundling Vite starts with before READY, so this is left to
 * a dependency first met when a page loads. While stopping, that error is one line and the devnet goes
 * on saving the chain; any other error still ends the process as Node would (stack, exit code 1).
 */
function survivesEsbuildGone(error: Error): void {
  if (/The service (is no longer running|was stopped)/.test(error.message)) {
    process.stderr.write(`web: esbuild stopped before Vite's dependency scan finished (${error.message})\n`);
    return;
  }
  process.stderr.write(`${error.stack ?? String(error)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === "help") {
    log(HELP);
    return;
  }
  const config = parsed;
  const history = loadDailyPrices(config.from);
  const paths = devnetPaths(config.dir ?? REPO_ROOT);
  const started = Date.now();
  await checkPortFree("--web-port", config.webPort);
  await checkPortFree("--indexer-port", config.indexerPort);
  const { anvil, deployment, resumed } = await start(config, paths, history);
  const [keeper, indexer] = await Promise.all([
    config.keeperPort === undefined ? undefined : runKeeper(config, paths, deployment),
    runIndexer(config, paths, !resumed),
  ]);
  const web = await runWeb(config, paths, deployment, indexer);
  // Ctrl-C finishes the day being replayed, then saves the chain (anvil writes its state as it exits).
  // Listening before READY is printed: a Ctrl-C right after it must not find the default handler.
  let stopRequested = false;
  let wake: (() => void) | undefined;
  const requestStop = (): void => {
    if (!stopRequested) process.on("uncaughtException", survivesEsbuildGone);
    stopRequested = true;
    wake?.();
  };
  // `on`, not `once`: a terminal's Ctrl-C reaches this process directly and again through npm and tsx,
  // which relay it; a second signal must not kill the devnet in the middle of saving.
  process.on("SIGINT", requestStop);
  process.on("SIGTERM", requestStop);
  printReady(deployment, paths, (Date.now() - started) / 1000, keeper, { web, indexer });

  const clients = {
    admin: devClients(anvil.rpcUrl, 0),
    borrower: devClients(anvil.rpcUrl, BORROWER_KEY_INDEX),
  };
  let replayed = 0;
  while (!stopRequested && deployment.replay.nextDay < history.dates.length) {
    const day = deployment.replay.nextDay;
    const date = history.dates[day] ?? "";
    const prices = history.prices[day];
    if (prices === undefined) break;
    let tick: Awaited<ReturnType<typeof replayDay>>;
    try {
      tick = await replayDay(clients, deployment, date, prices, { utilization: config.utilization });
    } catch (error: unknown) {
      // A terminal's Ctrl-C also reaches anvil, which may be gone mid-day: that day is simply not saved.
      if (stopRequested) break;
      throw error;
    }
    deployment.replay.nextDay = day + 1;
    writeDeployment(paths, deployment);
    const managed = [
      ...tick.adjustments.map(formatAdjustment),
      ...tick.skipped.map((a) => `${formatAdjustment(a)} skipped`),
    ];
    const range = utilizationRange(tick.utilization);
    const fund = await getFund(clients.admin.publicClient, { lens: deployment.lens, fund: deployment.fund });
    log(
      `day ${date}: BTC ${prices.BTCB.toFixed(0)} BNB ${prices.WBNB.toFixed(1)} · ${tick.swaps} pool moves in block ${tick.moveBlock}, ${tick.blocks} blocks, ${tick.ms} ms · utilisation ${range}${managed.length > 0 ? ` (${managed.join(" ")})` : ""} · ${formatEarning(earningBps(fund))}`,
    );
    replayed++;
    if (config.days > 0 && replayed >= config.days) break;
    const wait = config.secondsPerDay * 1000 - tick.ms;
    if (wait > 0 && !stopRequested) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, wait);
      });
    }
  }
  if (!stopRequested) {
    log(
      config.days > 0 && replayed >= config.days
        ? `Replayed ${replayed} days.`
        : "Reached the end of the price history.",
    );
  }
  log("Stopping: saving the chain state …");
  await web?.stop();
  await indexer?.stop();
  await keeper?.stop();
  await anvil.stop();
  writeDeployment(paths, deployment);
  log("Stopped.");
  // Everything is stopped and saved; a handle left open by a library (the web server's or Vite's) must
  // not keep the process, and the terminal, waiting.
  process.exit(0);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof AnvilStartError || error instanceof KeeperConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `devnet failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
