import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { REPO_ROOT } from "../scripts/fingerprint.js";

const forge = (args: string[]) =>
  spawnSync("node", [join(REPO_ROOT, "scripts", "forge.mjs"), ...args], { cwd: REPO_ROOT, encoding: "utf8" });

// npm test's contract checks (`forge test`, `forge fmt --check`, `forge lint`, `forge build`) run through
// scripts/forge.mjs because the npm package's own launcher exits 0 whatever forge returns: a failing
// forge test went unnoticed. These fail if the exit status is lost again.
test("behavior: forge's failure is the script's failure", () => {
  const result = forge(["--no-such-flag"]);
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/no-such-flag/);
});

test("default: forge's success is the script's success", () => {
  const result = forge(["--version"]);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^forge Version: /);
});
