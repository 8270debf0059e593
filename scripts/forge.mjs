#!/usr/bin/env node
// Runs Foundry's forge binary from its npm package and exits with forge's own status.
//
// Why not `forge` from node_modules/.bin: the launcher of @foundry-rs/forge 1.7.1 spawns the binary and
// never passes its exit code on, so `forge test` with failing tests, `forge fmt --check` with unformatted
// files and `forge build` with a compile error all exit 0, and `npm test` went on as if they had passed
// (found when a failing suite was followed by the TypeScript tests). packages/abi/src/forge.test.ts checks this.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const arch = { x64: "amd64", arm64: "arm64" }[process.arch] ?? process.arch;
const platform = process.platform === "win32" ? "win32" : process.platform;
const binary = require.resolve(`@foundry-rs/forge-${platform}-${arch}/bin/forge`);

const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
if (result.error !== undefined) {
  console.error(`forge: ${result.error.message}`);
  process.exit(127);
}
if (result.signal !== null) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
