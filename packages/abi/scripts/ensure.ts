// Run by `npm start` before anything imports @blocketf/abi: compiles the contracts and generates the
// typed ABIs when they are missing or older than contracts/src (a fresh clone, or sources changed since
// the last build), and does nothing otherwise. The check is one hash of the sources (a few ms).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { contractsFingerprint, REPO_ROOT, recordedFingerprint, SOURCE_DIRS } from "./fingerprint.js";

const current = contractsFingerprint();
const recorded = recordedFingerprint();
if (recorded !== current) {
  const started = Date.now();
  console.log(
    recorded === undefined
      ? "compiling contracts, ~30 s (up to 2 min on a busy machine), first run only …"
      : "contracts/src changed since the last build: compiling contracts (incremental) …",
  );
  // Only what codegen reads (contracts/src, the deploy tooling's interfaces, and their imports);
  // `npm run build` compiles the tests too.
  for (const [command, args] of [
    ["node", [join(REPO_ROOT, "scripts", "forge.mjs"), "build", ...SOURCE_DIRS]],
    ["npm", ["run", "--silent", "codegen"]],
  ] as const) {
    const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: "inherit" });
    if (result.status !== 0) {
      console.error(
        `error: \`${command} ${args.join(" ")}\` failed (exit ${result.status ?? result.signal})`,
      );
      process.exit(1);
    }
  }
  console.log(`contracts compiled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
