// The SDK as an outside developer gets it: packed into tarballs (with its ABI package), installed into an
// empty project, its README's example run with plain node against a devnet, and its types checked.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { devnetTest } from "./devnetTest.js";
import { FAUCET_KEY_INDEX, runFaucet } from "./faucet/faucet.js";

const repo = new URL("../../../", import.meta.url).pathname;
const sdkDir = join(repo, "packages", "sdk");

function run(command: string, args: readonly string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 240_000 });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The empty project the tarballs are installed into. */
const projectOf = (dir: string) => join(dir, "project");

// The devnet, the faucet for the example's account, the packed SDK installed into an empty project: once.
const test = devnetTest("2025-10-09", "blocketf-sdk-example-", {
  setupTimeoutMs: 600_000,
  afterDeploy: async ({ chain, deployment, dir }) => {
    // What the README asks first: the faucet funds the example's account (anvil's dev account #3).
    await runFaucet(chain.clients(FAUCET_KEY_INDEX), deployment, {
      to: deployment.accounts.user,
      usd: 10_000,
      bnb: 10,
    });

    // npm run pack -w @blocketf/sdk, into this test's directory.
    const packed = run(
      process.execPath,
      ["--import", "tsx", join(sdkDir, "scripts", "pack.ts"), "--out", join(dir, "pack")],
      repo,
    )
      .trim()
      .split("\n");
    const viem = (
      JSON.parse(readFileSync(join(sdkDir, "package.json"), "utf8")) as { dependencies: { viem: string } }
    ).dependencies.viem;
    mkdirSync(projectOf(dir));
    writeFileSync(
      join(projectOf(dir), "package.json"),
      JSON.stringify({ name: "sdk-user", private: true, type: "module" }),
    );
    run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", ...packed, `viem@${viem}`],
      projectOf(dir),
    );
  },
});

describe("@blocketf/sdk from its tarball", () => {
  test("behavior: the README's example runs with plain node against the devnet", ({
    world: { paths, dir },
  }) => {
    copyFileSync(join(sdkDir, "examples", "quickstart.mjs"), join(projectOf(dir), "quickstart.mjs"));
    const out = run(process.execPath, ["quickstart.mjs", paths.deploymentFile], projectOf(dir));
    console.log(out);
    expect(out).toMatch(/^CT5U: NAV \$[\d.]+, \$[\d.]+ per share$/m);
    expect(out).toMatch(/^ {2}BTCB {2}weight 25 %, Venus supply APY \d+\.\d\d %$/m);
    expect(out).toMatch(/^minted [\d.]+ CT5U for [\d.]+ USDT \(gas \d+\)$/m);
    expect(out).toMatch(/^refused: Redeeming pays [\d,.]+ USDT but at least [\d,.]+ USDT was required\./m);
    expect(out).toMatch(/^redeemed [\d.]+ CT5U for [\d.]+ USDT$/m);
    expect(out).toMatch(/^position: [\d.]+ CT5U worth \$[\d.]+$/m);
    // The devnet's APY with the devnet's blocks per year: a few %, not 4.3e20 %.
    const apys = [...out.matchAll(/Venus supply APY (\d+\.\d\d) %/g)].map((m) => Number(m[1]));
    expect(apys).toHaveLength(6);
    for (const apy of apys) expect(apy).toBeLessThan(20);
  }, 120_000);

  test("behavior: the README shows the example file as it is", () => {
    const readme = readFileSync(join(sdkDir, "README.md"), "utf8");
    expect(readme).toContain(readFileSync(join(sdkDir, "examples", "quickstart.mjs"), "utf8"));
  });

  test("behavior: the tarball carries types a TypeScript project checks against", ({ world: { dir } }) => {
    writeFileSync(
      join(projectOf(dir), "check.ts"),
      [
        'import { type GetFundReturnType, padGasLimit, SlippageError, type WriteParameters } from "@blocketf/sdk";',
        'export const request: WriteParameters["request"] = { to: "0x0000000000000000000000000000000000000001", data: "0x" };',
        "export const gas: bigint = padGasLimit(1n);",
        'export const name: string = new SlippageError("x").name;',
        "export const nav = (f: GetFundReturnType): bigint => f.navPerShare;",
        "// @ts-expect-error a number is not a gas estimate",
        "padGasLimit(1);",
        "",
      ].join("\n"),
    );
    const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");
    run(
      process.execPath,
      [
        tsc,
        "--noEmit",
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--skipLibCheck",
        "check.ts",
      ],
      projectOf(dir),
    );
  }, 120_000);
});
