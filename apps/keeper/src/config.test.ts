import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UsageError } from "@blocketf/cli-kit";
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
const ROUTER = "0x00000000000000000000000000000000000000d3";
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
    expect(c.account?.address).toBe("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
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
    expect(c.account?.address).toBe("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
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
      "KEEPER_PRIVATE_KEY is not set (or use --devnet on a local devnet, or --dry-run to send nothing)",
    );
    expect(errorOf(() => parse(required, { KEEPER_PRIVATE_KEY: "0x1234" })).message).toBe(
      "KEEPER_PRIVATE_KEY must be 0x followed by 64 hex digits",
    );
    expect(errorOf(() => parse([...required, "--fund", "0x12"])).message).toBe(
      '--fund needs an address (0x and 40 hex digits), got "0x12"',
    );
    expect(errorOf(() => parse([...required.slice(0, 2)])).message).toBe("--fund is required");
    expect(errorOf(() => parse([...required, "--pool-deviation-bps", "20000"])).message).toBe(
      '--pool-deviation-bps needs a whole number >= 0 and <= 10000, got "20000"',
    );
    expect(errorOf(() => parse([...required, "--interval", "soon"])).message).toBe(
      '--interval needs a number >= 0.05 and <= 3600, got "soon"',
    );
    expect(errorOf(() => parse(["--rpc", "ws://x", ...required.slice(2)])).message).toBe(
      '--rpc must be an http(s) URL, got "ws://x"',
    );
    expect(errorOf(() => parse([...required, "--log-level", "loud"])).message).toMatch(
      /^--log-level must be one of/,
    );
    expect(
      errorOf(() => parseKeeperArgs(["--deployment", "/nonexistent.json"], { env: {} })).message,
    ).toMatch(/^--deployment: cannot read \/nonexistent.json/);
  });

  test("error: an unknown flag (a typo) is one line naming it, never ignored (cli-kit strict mode)", () => {
    const error = errorOf(() => parse([...required, "--dry-rnu"]));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe("unknown option --dry-rnu (see --help)");
    expect(errorOf(() => parse([...required, "--port"])).message).toMatch(/^--port needs a value/);
    expect(errorOf(() => parse([...required, "extra"])).message).toMatch(/^unexpected argument "extra"/);
  });

  test("behavior: --dry-run needs only the addresses, no key", () => {
    const c = parse([...required, "--dry-run"], {});
    expect(c.dryRun).toBe(true);
    expect(c.account).toBeUndefined();
    expect(describeConfig(c).keeper).toBeNull();
  });

  test("behavior: --deployment <file> relative to the user's directory, with router and Venus's blocks per year", () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-config-"));
    mkdirSync(join(dir, "deployments"));
    writeFileSync(
      join(dir, "deployments", "local.json"),
      JSON.stringify({
        rpcUrl: "http://127.0.0.1:1234",
        fund: FUND,
        lens: LENS,
        rebalancer: REBALANCER,
        router: ROUTER,
        venus: { blocksPerYear: 36_500 },
      }),
    );
    const c = parseKeeperArgs(["--deployment", "deployments/local.json"], {
      env: { KEEPER_PRIVATE_KEY: KEY },
      cwd: dir,
    }) as KeeperConfig;
    expect(c).toMatchObject({
      rpcUrl: "http://127.0.0.1:1234",
      fund: getAddress(FUND),
      router: getAddress(ROUTER),
      venusBlocksPerYear: 36_500,
      devKey: false,
    });
    // Flags win over the file.
    expect(
      (
        parseKeeperArgs(["--deployment", "deployments/local.json", "--venus-blocks-per-year", "70080000"], {
          env: { KEEPER_PRIVATE_KEY: KEY },
          cwd: dir,
        }) as KeeperConfig
      ).venusBlocksPerYear,
    ).toBe(70_080_000);
    writeFileSync(join(dir, "bad.json"), "[1, 2");
    expect(
      errorOf(() => parseKeeperArgs(["--deployment", "bad.json"], { env: {}, cwd: dir })).message,
    ).toMatch(/bad.json is not a deployments JSON/);
    writeFileSync(join(dir, "empty.json"), "{}");
    expect(
      errorOf(() =>
        parseKeeperArgs(["--deployment", "empty.json"], { env: { KEEPER_PRIVATE_KEY: KEY }, cwd: dir }),
      ).message,
    ).toMatch(/^--rpc is required \(and .*empty.json has none\)$/);
  });

  test("default: replacement, log file and rotation", () => {
    const c = parse([...required, "--log-file", "/var/log/keeper.log", "--log-max-size", "0.5"]);
    expect(c).toMatchObject({
      replaceAfterMs: 30_000,
      maxReplacements: 3,
      receiptTimeoutMs: 120_000,
      logFile: "/var/log/keeper.log",
      logMaxBytes: 524_288,
      logKeep: 5,
      router: undefined,
      venusBlocksPerYear: undefined,
    });
    expect(parse([...required, "--replace-after", "2.5", "--max-replacements", "0"])).toMatchObject({
      replaceAfterMs: 2500,
      maxReplacements: 0,
    });
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
