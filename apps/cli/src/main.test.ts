import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { buildScenario } from "./cli/scenario.js";
import {
  DateRangeError,
  InvalidFlagError,
  MalformedCsvError,
  UnknownAssetError,
  WeightsSumError,
} from "./errors.js";
import { main } from "./main.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    err.push(String(chunk));
    return true;
  });
  vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    out.push(`${args.join(" ")}\n`);
  });
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const badCsv = () => {
  const dir = mkdtempSync(join(tmpdir(), "blocketf-"));
  const file = join(dir, "bad.csv");
  writeFileSync(file, "date,BTC,ETH\n2024-01-01,1,2\n2024-01-02,oops,2\n");
  return file;
};

describe("main", () => {
  test("default: --json prints one JSON object whose rebalances field is the count", async () => {
    const { out, err } = capture();
    const code = await main([
      "--weights",
      "BTC=30,ETH=25,BNB=20,XRP=15,SOL=10,USDT=0",
      "--threshold-bps",
      "500",
      "--from",
      "2021-01-01",
      "--to",
      "2021-12-31",
      "--yield",
      "off",
      "--json",
    ]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    const report = JSON.parse(out[0] ?? "");
    expect(typeof report.rebalances).toBe("number");
    expect(report.rebalances).toBe(report.rebalanceList.length);
    expect(report.interestUsd).toBe(0);
    expect(report.from).toBe("2021-01-01");
    expect(report.to).toBe("2021-12-31");
    // USDT 0 and yield off: the configured fund is V1.
    expect(report.v1.rebalances).toBe(report.rebalances);
  });

  test("behavior: V2 rebalances in the fund's bounded steps ($50,000 per asset), V1 in one trade", async () => {
    const { out } = capture();
    expect(await main(["--from", "2025-01-01", "--json"])).toBe(0);
    const report = JSON.parse(out[0] ?? "");
    expect(report.config.maxTradeUsd).toBe(50_000);
    expect(report.rebalanceSteps).toBeGreaterThan(report.rebalances);
    for (const r of report.rebalanceList) expect(r.tradedUsd / r.steps).toBeLessThanOrEqual(2 * 5 * 50_000);
    expect(report.v1.rebalanceSteps).toBe(report.v1.rebalances);
  });

  test("behavior: the backtester's assets are the devnet's and the chain's (BTCB, WBNB); BTC and BNB still accepted", async () => {
    const { out } = capture();
    expect(
      await main([
        "--weights",
        "BTC=30,ETH=25,BNB=20,XRP=15,SOL=10,USDT=0",
        "--from",
        "2025-01-01",
        "--json",
      ]),
    ).toBe(0);
    const report = JSON.parse(out[0] ?? "");
    expect(report.weights).toBe("BTCB 30%, ETH 25%, WBNB 20%, XRP 15%, SOL 10%");
    expect(Object.keys(report.interestByAssetUsd)).toEqual(["BTCB", "ETH", "WBNB", "XRP", "SOL", "USDT"]);
  });

  test("default: --help", async () => {
    const { out } = capture();
    expect(await main(["--help"])).toBe(0);
    expect(out.join("")).toContain("--threshold-bps");
  });

  for (const [name, argv] of [
    ["unknown asset", ["--weights", "DOGE=100"]],
    ["weights not summing to 100", ["--weights", "BTC=50,ETH=40"]],
    ["dates outside the data", ["--from", "2019-01-01"]],
    ["unknown flag", ["--frobnicate"]],
    ["bad yield switch", ["--yield", "maybe"]],
    ["bad number", ["--threshold-bps", "five"]],
  ] as const) {
    test(`error: ${name} prints one line and exits 2`, async () => {
      const { err } = capture();
      expect(await main(argv)).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^error: [^\n]+\n$/);
    });
  }

  test("error: malformed CSV prints one line and exits 2", async () => {
    const { err } = capture();
    expect(await main(["--prices", badCsv(), "--weights", "BTC=50,ETH=30,USDT=20"])).toBe(2);
    expect(err).toHaveLength(1);
  });
});

describe("buildScenario", () => {
  test("error: UnknownAssetError", () => {
    expect(() => buildScenario({ weights: "DOGE=100" })).toThrow(UnknownAssetError);
  });

  test("error: WeightsSumError", () => {
    expect(() => buildScenario({ weights: "BTC=60,USDT=30" })).toThrow(WeightsSumError);
  });

  test("error: DateRangeError", () => {
    expect(() => buildScenario({ from: "2020-01-01" })).toThrow(DateRangeError);
    expect(() => buildScenario({ to: "2027-01-01" })).toThrow(DateRangeError);
    expect(() => buildScenario({ from: "2024-01-02", to: "2024-01-01" })).toThrow(DateRangeError);
  });

  test("error: MalformedCsvError", () => {
    expect(() => buildScenario({ prices: badCsv(), weights: "BTC=50,ETH=30,USDT=20" })).toThrow(
      MalformedCsvError,
    );
  });

  test("error: InvalidFlagError", () => {
    expect(() => buildScenario({ interval: "1w" })).toThrow(InvalidFlagError);
    expect(() => buildScenario({ "threshold-bps": "0" })).toThrow(InvalidFlagError);
    expect(() => buildScenario({ from: "2021-02-30" })).toThrow(InvalidFlagError);
  });

  test("default: CT5 + 20% USDT sleeve on the full daily history, V1 rescaled", () => {
    const scenario = buildScenario({});
    expect(scenario.market.history.assets).toEqual(["BTCB", "ETH", "WBNB", "XRP", "SOL", "USDT"]);
    expect(scenario.v2.targetBps).toEqual([2500, 2000, 1500, 1000, 1000, 2000]);
    expect(scenario.v1.targetBps).toEqual([3125, 2500, 1875, 1250, 1250, 0]);
    expect(scenario.v1.yieldOn).toBe(false);
    expect(scenario.window).toEqual({ start: 0, end: 1974 });
  });
});
