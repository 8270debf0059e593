#!/usr/bin/env -S node --import tsx
// The keeper as an operator runs it: config parsed once and every address checked (a mistake is one line
// and exit code 2, cli-kit's policy), then ticks until SIGINT/SIGTERM, which finish the tick in progress.
import { fileURLToPath } from "node:url";
import { runMain } from "@blocketf/cli-kit";
import { HELP, parseKeeperArgs } from "./config.js";
import { createPinoLogger } from "./log.js";
import { logDestination, openLogFile } from "./logFile.js";
import { startKeeper } from "./start.js";

const DEVNET_DEPLOYMENT = fileURLToPath(new URL("../../../deployments/local.json", import.meta.url));

async function main(): Promise<void> {
  const config = parseKeeperArgs(process.argv.slice(2), { devnetDeployment: DEVNET_DEPLOYMENT });
  if (config === "help") {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const file =
    config.logFile === undefined
      ? undefined
      : await openLogFile(config.logFile, { maxBytes: config.logMaxBytes, keep: config.logKeep });
  const logger = createPinoLogger(logDestination(file, config.logLevel), { level: config.logLevel });
  let stopping = false;
  let running: Awaited<ReturnType<typeof startKeeper>> | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info("signal", { decision: "stop", signal });
    // Before the keeper is up (still connecting), there is nothing to finish.
    const done = running === undefined ? Promise.resolve() : running.stop();
    done.then(
      () => {
        file?.close();
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    running = await startKeeper(config, { logger });
  } catch (error: unknown) {
    file?.close();
    throw error;
  }
  process.stderr.write(`keeper: health ${running.url}/health, metrics ${running.url}/metrics\n`);
}

runMain("keeper", main);
