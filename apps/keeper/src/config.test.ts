import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAddress, parseEther } from "viem";
import { describe, expect, test } from "vitest";
import {
  DEVNET_KEEPER_KEY,
  describeConfig,
  type KeeperConfig,
  KeeperConfigError,
  parseKeeperArgs,
} from "./config.js";

const KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const FUND = "0x00000000000000000000000000000000000000f1";
const LENS = "0x00000000000000000000000000000000000000e2";
const REBALANCER = "0x00000000000000000000000000000000000000e1";
const required = [
  "--rpc",
  "http://127.0.0.1:8545",
  "--fund",
  FUND,
  "--lens",
  LENS,
  "--rebalancer",
  REBALANCER,
];

const parse = (argv: readonly string[], env: Record<string, string> = { KEEPER_PRIVATE_KEY: KEY }) =>
  parseKeeperArgs(argv, { env }) as KeeperConfig;

function errorOf(run: () => unknown): KeeperConfigError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof KeeperConfigError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("parseKeeperArgs", () => {
  test("default: the documented defaults", () => {
    const c = parse(required);
    expect(c.intervalMs).toBe(5000);
    expect(c.dryRun).toBe(false);
    expect(c.port).toBe(9464);
    expect(c.sweepMinUsd).toBe(parseEther("100"));
    expect(c.sweepMaxGasBps).toBe(10);
    expect(c.poolDeviationBps).toBe(100);
    expect(c.staleAfterMs).toBe(45_000);
    expect(c.account.address).toBe("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    expect(c.devKey).toBe(false);
  });

  test("behavior: flags override, addresses are checksummed", () => {
    const c = parse([
      ...required,
      "--interval",
      "0.5",
      "--dry-run",
      "--sweep-min-usd",
      "2500.5",
      "--port",
      "0",
    ]);
    expect(c).toMatchObject({ intervalMs: 500, dryRun: true, port: 0, sweepMinUsd: parseEther("2500.5") });
    expect(c.fund).toBe(getAddress(FUND));
  });

  test("behavior: --devnet reads the deployment and uses the devnet keeper key", () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-config-"));
    const file = join(dir, "local.json");
    writeFileSync(
      file,
      JSON.stringify({ rpcUrl: "http://127.0.0.1:1234", fund: FUND, lens: LENS, rebalancer: REBALANCER }),
    );
    const c = parseKeeperArgs(["--devnet"], { env: {}, devnetDeployment: file }) as KeeperConfig;
    expect(c.rpcUrl).toBe("http://127.0.0.1:1234");
    expect(c.devKey).toBe(true);
    expect(c.account.address).toBe("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
    // An operator's key wins over the dev key.
    expect(
      (
        parseKeeperArgs(["--devnet"], {
          env: { KEEPER_PRIVATE_KEY: KEY },
          devnetDeployment: file,
        }) as KeeperConfig
      ).devKey,
    ).toBe(false);
  });

  test("behavior: --help", () => {
    expect(parseKeeperArgs(["--help"], { env: {} })).toBe("help");
  });

  test("error: KeeperConfigError, one line naming the flag", () => {
    expect(errorOf(() => parse(required, {})).message).toBe(
      "KEEPER_PRIVATE_KEY is not set (or use --devnet on a local devnet)",
    );
    expect(errorOf(() => parse(required, { KEEPER_PRIVATE_KEY: "0x1234" })).message).toBe(
      "KEEPER_PRIVATE_KEY must be 0x followed by 64 hex digits",
    );
    expect(errorOf(() => parse([...required, "--fund", "0x12"])).message).toBe(
      "--fund must be a 0x address of 40 hex digits",
    );
    expect(errorOf(() => parse([...required.slice(0, 2)])).message).toBe("--fund is required");
    expect(errorOf(() => parse([...required, "--pool-deviation-bps", "20000"])).message).toBe(
      "--pool-deviation-bps must be <= 10000",
    );
    expect(errorOf(() => parse([...required, "--interval", "soon"])).message).toBe(
      "--interval must be a number",
    );
    expect(errorOf(() => parse(["--rpc", "ws://x", ...required.slice(2)])).message).toBe(
      "--rpc must be an http(s) URL",
    );
    expect(errorOf(() => parse([...required, "--bogus"])).message).toMatch(/^Unknown option '--bogus'/);
    expect(
      errorOf(() => parseKeeperArgs(["--deployment", "/nonexistent.json"], { env: {} })).message,
    ).toMatch(/cannot read the deployment file/);
  });

  test("behavior: the key is never in the describable config", () => {
    const text = JSON.stringify(describeConfig(parse(required)), (_, v) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(text).not.toContain(KEY.slice(2));
    expect(text).not.toContain(DEVNET_KEEPER_KEY.slice(2));
    expect(text).toContain("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  });
});
