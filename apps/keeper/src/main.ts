#!/usr/bin/env -S node --import tsx
// The keeper as an operator runs it: config parsed once (one line and exit code 2 when wrong), then ticks
// until SIGINT/SIGTERM, which finish the tick in progress.
import { fileURLToPath } from "node:url";
import { HELP, KeeperConfigError, parseKeeperArgs } from "./config.js";
import { startKeeper } from "./start.js";

const DEVNET_DEPLOYMENT = fileURLToPath(new URL("../../../deployments/local.json", import.meta.url));

async function main(): Promise<void> {
  const config = parseKeeperArgs(process.argv.slice(2), { devnetDeployment: DEVNET_DEPLOYMENT });
  if (config === "help") {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const running = await startKeeper(config);
  process.stderr.write(`keeper: health ${running.url}/health, metrics ${running.url}/metrics\n`);
  const stop = (): void => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof KeeperConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `keeper failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
