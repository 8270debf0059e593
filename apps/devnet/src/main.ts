// `npm start`: the local devnet. Starts anvil (from its npm package), deploys Venus's core pool and a V3
// DEX from their published artifacts, the fund and its feeds (or reloads them from the saved state),
// prints READY, then replays real daily prices until Ctrl-C.
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type Anvil, AnvilStartError, BASKET, devClients, rawRpc, startAnvil } from "@blocketf/testkit";
import { type DevnetConfig, HELP, parseArgs } from "./config.js";
import {
  type DevnetPaths,
  deployDevnet,
  devnetPaths,
  type LocalDeployment,
  REPO_ROOT,
  readDeployment,
  writeDeployment,
} from "./deployment.js";
import { DevnetConfigError } from "./errors.js";
import { type DailyPrices, loadDailyPrices } from "./prices.js";
import { replayDay } from "./replayer.js";

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
): Promise<{ anvil: Anvil; deployment: LocalDeployment }> {
  mkdirSync(dirname(paths.stateFile), { recursive: true });
  const saved = config.fresh ? undefined : readDeployment(paths);
  const resumable = saved !== undefined && existsSync(paths.stateFile) && saved.replay.from === config.from;
  const firstDay = history.dates[0] ?? config.from;
  const anvil = await startAnvil({
    port: config.port,
    ...(resumable
      ? { loadState: paths.stateFile }
      : { timestamp: Math.floor(Date.parse(`${firstDay}T00:00:00Z`) / 1000) }),
    dumpState: paths.stateFile,
    startTimeoutMs: 30_000,
  });
  if (resumable && saved !== undefined && (await hasCode(anvil.rpcUrl, saved.fund))) {
    // A loaded state's next block would take the wall clock: put the clock back on the replayed history.
    const latest = await devClients(anvil.rpcUrl).publicClient.getBlock({ blockTag: "latest" });
    await rawRpc(anvil.rpcUrl, "evm_setTime", [Number(latest.timestamp) + 1]);
    log(`Resumed the saved devnet (${paths.stateFile}); replay continues at day ${saved.replay.nextDay}.`);
    return { anvil, deployment: { ...saved, rpcUrl: anvil.rpcUrl } };
  }
  log(`Deploying Venus, the DEX and the fund on ${anvil.rpcUrl} …`);
  const prices = history.prices[0];
  if (prices === undefined) throw new DevnetConfigError("no price for the first day");
  const deployment = await deployDevnet(
    {
      admin: devClients(anvil.rpcUrl, 0),
      lender: devClients(anvil.rpcUrl, 1),
      borrower: devClients(anvil.rpcUrl, 2),
      user: devClients(anvil.rpcUrl, 3),
    },
    config,
    prices,
  );
  writeDeployment(paths, deployment);
  return { anvil, deployment };
}

function printReady(d: LocalDeployment, paths: DevnetPaths, seconds: number): void {
  log("");
  log(`  chain     ${d.rpcUrl} (chain id ${d.chainId})`);
  log(`  fund      ${d.fund}   lens ${d.lens}   factory ${d.factory}`);
  log(`  venus     comptroller ${d.venus.comptroller}`);
  for (const s of BASKET) log(`  ${s.padEnd(9)} token ${d.tokens[s]}   vToken ${d.venus.vTokens[s]}`);
  log(
    `  dex       router ${d.dex.router}   quoter ${d.dex.quoter}   (Uniswap V3 bytecode, PancakeSwap V3 interfaces)`,
  );
  log(`  accounts  deployer ${d.accounts.deployer}, user ${d.accounts.user} (anvil's dev keys)`);
  log(`  written   ${paths.deploymentFile}`);
  log("");
  log(`READY ${d.rpcUrl} fund=${d.fund} in ${seconds.toFixed(1)} s`);
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
  const { anvil, deployment } = await start(config, paths, history);
  printReady(deployment, paths, (Date.now() - started) / 1000);

  // Ctrl-C finishes the day being replayed, then saves the chain (anvil writes its state as it exits).
  let stopRequested = false;
  let wake: (() => void) | undefined;
  const requestStop = (): void => {
    stopRequested = true;
    wake?.();
  };
  process.once("SIGINT", requestStop);
  process.once("SIGTERM", requestStop);

  const clients = devClients(anvil.rpcUrl, 0);
  let replayed = 0;
  while (!stopRequested && deployment.replay.nextDay < history.dates.length) {
    const day = deployment.replay.nextDay;
    const date = history.dates[day] ?? "";
    const prices = history.prices[day];
    if (prices === undefined) break;
    let tick: Awaited<ReturnType<typeof replayDay>>;
    try {
      tick = await replayDay(clients, deployment, date, prices);
    } catch (error: unknown) {
      // A terminal's Ctrl-C also reaches anvil, which may be gone mid-day: that day is simply not saved.
      if (stopRequested) break;
      throw error;
    }
    deployment.replay.nextDay = day + 1;
    writeDeployment(paths, deployment);
    log(
      `day ${date}: BTC ${prices.BTCB.toFixed(0)} BNB ${prices.WBNB.toFixed(1)} · ${tick.swaps} pool moves, ${tick.blocks} blocks, ${tick.ms} ms`,
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
  await anvil.stop();
  writeDeployment(paths, deployment);
  log("Stopped.");
}

main().catch((error: unknown) => {
  if (error instanceof DevnetConfigError || error instanceof AnvilStartError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `devnet failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
