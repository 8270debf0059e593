import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Address } from "viem";
import { describe, expect, test } from "vitest";
import { IndexerConfigError, type IndexerDeployment, parseDeployment, readDeploymentFile } from "./config.js";
import { resolveSettings, schemaName } from "./start.js";

const A: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const B: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const local: IndexerDeployment = { chainId: 31337, rpcUrl: "http://127.0.0.1:8545", factory: A, lens: B };

describe("parseDeployment", () => {
  test("default: the devnet's deployments/local.json fields", () => {
    expect(parseDeployment({ ...local, router: A, fund: B, extra: 1 })).toEqual({
      ...local,
      router: A,
      startBlock: undefined,
    });
  });
  test("error: IndexerConfigError for a missing or malformed field", () => {
    expect(() => parseDeployment({ ...local, factory: undefined })).toThrow(IndexerConfigError);
    expect(() => parseDeployment({ ...local, lens: "0x12" })).toThrow(IndexerConfigError);
    expect(() => parseDeployment({ ...local, rpcUrl: "ws://x" })).toThrow(IndexerConfigError);
    expect(() => parseDeployment({ ...local, startBlock: -1 })).toThrow(IndexerConfigError);
    expect(() => parseDeployment("text")).toThrow(IndexerConfigError);
  });
});

describe("resolveSettings", () => {
  test("default: a local chain starts at 0 with the devnet's day as snapshot interval", () => {
    const s = resolveSettings({ deployment: local, databaseUrl: "" });
    expect(s).toMatchObject({
      startBlock: 0,
      snapshotInterval: 100,
      pollingIntervalMs: 200,
      rpcBuckets: 8,
      routers: [],
    });
    expect(s.databaseUrl).toBeUndefined();
  });
  test("behavior: PostgreSQL when a URL is given", () => {
    expect(resolveSettings({ deployment: local, databaseUrl: "postgres://x" }).databaseUrl).toBe(
      "postgres://x",
    );
  });
  test("error: BNB Chain needs the start block", () => {
    expect(() => resolveSettings({ deployment: { ...local, chainId: 56 }, databaseUrl: "" })).toThrow(
      IndexerConfigError,
    );
    expect(
      resolveSettings({ deployment: { ...local, chainId: 56 }, startBlock: 9, databaseUrl: "" }),
    ).toMatchObject({
      startBlock: 9,
      snapshotInterval: 4800,
      rpcBuckets: 1,
    });
  });
  test("behavior: the schema changes with what is indexed, within Postgres's 45 characters", () => {
    const a = schemaName(resolveSettings({ deployment: local, databaseUrl: "" }));
    const b = schemaName(resolveSettings({ deployment: { ...local, lens: A }, databaseUrl: "" }));
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(45);
    expect(a).toMatch(/^blocketf_31337_[0-9a-f]{16}$/);
  });
});

describe("blocketf-indexer CLI", () => {
  const main = fileURLToPath(new URL("./main.ts", import.meta.url));
  const run = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
      encoding: "utf8",
      env: { ...process.env },
    });

  test("default: --help lists the options", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--deployment <file>");
  });
  test("error: a bad deployment is one line and exit code 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "indexer-cli-"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...local, factory: "nope" }));
    const r = run(["--deployment", join(dir, "bad.json")]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*"factory" is not an address/);
    expect(() => readDeploymentFile(join(dir, "none.json"))).toThrow(IndexerConfigError);
  });
});
