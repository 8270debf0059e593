// The history indexer and the web app, run by `npm start` beside the chain and the keeper: both are
// started after the deployment is written and stopped before the chain on Ctrl-C.
import { appendFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { type RunningIndexer, startIndexer } from "@blocketf/indexer";
import { devClients } from "@blocketf/testkit";
import { type RunningWeb, startWeb } from "@blocketf/web/server";
import { formatEther } from "viem";
import type { DevnetConfig } from "./config.js";
import { type DevnetPaths, type LocalDeployment, REPO_ROOT } from "./deployment.js";
import { DevnetConfigError } from "./errors.js";
import { FAUCET_KEY_INDEX, runFaucet } from "./faucet/faucet.js";

/**
 * Block states anvil keeps when the indexer runs (it reads the Lens at each snapshot block): 1,000 blocks
 * (10 replayed days, ~0.4 MB each) of slack for an indexer that falls behind; 256 without it.
 */
export const INDEXER_HISTORY_BLOCKS = 1_000;

export const indexerLog = (paths: DevnetPaths): string => join(dirname(paths.stateFile), "indexer.log");

/** Refuses a port in use before anything starts: one line and exit code 2, not a stack trace later. */
export async function checkPortFree(flag: string, port: number | undefined): Promise<void> {
  if (port === undefined || port === 0) return;
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
  if (!free)
    throw new DevnetConfigError(
      `${flag} ${port} is in use: stop what uses it, or pass ${flag} 0 (any free port)`,
    );
}

export async function runIndexer(
  config: DevnetConfig,
  paths: DevnetPaths,
  fresh: boolean,
): Promise<RunningIndexer | undefined> {
  if (config.indexerPort === undefined) return undefined;
  const log = indexerLog(paths);
  return startIndexer({
    deployment: paths.deploymentFile,
    port: config.indexerPort,
    dataDir: join(dirname(paths.stateFile), "indexer"),
    // A chain deployed afresh drops what was indexed from the previous one.
    fresh,
    log: (line) => appendFileSync(log, `${line}\n`),
  });
}

export async function runWeb(
  config: DevnetConfig,
  paths: DevnetPaths,
  deployment: LocalDeployment,
  indexer: RunningIndexer | undefined,
): Promise<RunningWeb | undefined> {
  if (config.webPort === undefined) return undefined;
  const faucet = devClients(deployment.rpcUrl, FAUCET_KEY_INDEX);
  return startWeb({
    mode: "dev",
    port: config.webPort,
    localDeploymentFile: paths.deploymentFile,
    bscDeploymentFile: join(REPO_ROOT, "deployments", "bsc-fund.json"),
    indexerUrl: indexer?.url,
    faucet: async (to) =>
      (await runFaucet(faucet, deployment, { to, usd: 10_000, bnb: 10 })).map((g) => ({
        symbol: g.symbol,
        amount: formatEther(g.amount),
      })),
  });
}
