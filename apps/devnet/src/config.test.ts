import { UsageError } from "@blocketf/cli-kit";
import { CT5U } from "@blocketf/core";
import { describe, expect, test } from "vitest";
import { DEFAULT_CONFIG, parseArgs } from "./config.js";
import { loadDailyPrices } from "./prices.js";

describe("parseArgs", () => {
  test("default", () => {
    expect(parseArgs([])).toEqual(DEFAULT_CONFIG);
    expect(parseArgs(["--help"])).toBe("help");
  });

  test("behavior: weights in percent become bps", () => {
    const config = parseArgs(["--weights", "BTCB=30,ETH=20,WBNB=10,XRP=10,SOL=10,USDT=20"]);
    expect(config !== "help" && config.weightsBps).toEqual({
      BTCB: 3000,
      ETH: 2000,
      WBNB: 1000,
      XRP: 1000,
      SOL: 1000,
      USDT: 2000,
    });
  });

  test("behavior: the backtester's spelling works too (BTC for BTCB, BNB for WBNB)", () => {
    const config = parseArgs(["--weights", "BTC=30,ETH=20,BNB=10,XRP=10,SOL=10,USDT=20"]);
    expect(config !== "help" && config.weightsBps.WBNB).toBe(1000);
  });

  test("behavior: the cash buffer in percent becomes bps; default the fund spec's", () => {
    expect(DEFAULT_CONFIG.bufferBps).toBe(CT5U.bufferBps);
    const config = parseArgs(["--buffer", "3.5"]);
    expect(config !== "help" && config.bufferBps).toBe(350);
    expect(() => parseArgs(["--buffer=-1"])).toThrow(/--buffer needs a number >= 0/);
  });

  test("behavior: --dir is the user's directory, not the workspace's", () => {
    const config = parseArgs(["--dir", "devnet-a"]);
    expect(config !== "help" && config.dir).toMatch(/^\/.*devnet-a$/);
  });

  test("behavior: the web app and the indexer run by default, on their ports or none", () => {
    expect(DEFAULT_CONFIG.webPort).toBe(5173);
    expect(DEFAULT_CONFIG.indexerPort).toBe(42069);
    const ports = parseArgs(["--web-port", "0", "--indexer-port", "4000"]);
    expect(ports !== "help" && [ports.webPort, ports.indexerPort]).toEqual([0, 4000]);
    const off = parseArgs(["--no-web", "--no-indexer"]);
    expect(off !== "help" && [off.webPort, off.indexerPort]).toEqual([undefined, undefined]);
  });

  test("behavior: the utilisation band, in percent, or no manager", () => {
    expect(DEFAULT_CONFIG.utilization).toEqual({ targetBps: 5000, bandBps: 1000 });
    const config = parseArgs(["--utilization-band", "2.5", "--utilization", "60"]);
    expect(config !== "help" && config.utilization).toEqual({ targetBps: 6000, bandBps: 250 });
    const off = parseArgs(["--no-utilization"]);
    expect(off !== "help" && off.utilization).toBeUndefined();
  });

  test("error: UsageError with what to fix", () => {
    expect(() => parseArgs(["--utilization", "100"])).toThrow(/--utilization needs a percent in \[0, 100\)/);
    expect(() => parseArgs(["--utilization-band", "x"])).toThrow(UsageError);
    expect(() => parseArgs(["--utilization", "95", "--utilization-band", "5"])).toThrow(
      "--utilization 95 ± --utilization-band 5 leaves (0, 100) %: narrow the band or move the target",
    );
    expect(() => parseArgs(["--weights", "BTCB=50,ETH=50"])).toThrow(/every asset needs a weight/);
    expect(() => parseArgs(["--weights", "BTCB=30,ETH=20,WBNB=10,XRP=10,SOL=10,USDT=19"])).toThrow(
      /sum to 99%/,
    );
    expect(() => parseArgs(["--weights", "DOGE=100"])).toThrow(/unknown asset "DOGE"/);
    expect(() => parseArgs(["--from", "yesterday"])).toThrow(UsageError);
    expect(() => parseArgs(["--port", "-1"])).toThrow(UsageError);
    expect(() => parseArgs(["--bogus"])).toThrow("unknown option --bogus (see --help)");
    expect(() => parseArgs(["--port"])).toThrow("--port needs a value (see --help)");
  });
});

describe("loadDailyPrices", () => {
  test("default: real closes from the repo's data, USDT at 1", () => {
    const history = loadDailyPrices("2025-10-06");
    expect(history.dates[0]).toBe("2025-10-06");
    expect(history.prices[0]?.BTCB).toBe(124658.54); // BTC's highest close (data/README.md spot check)
    expect(history.prices[0]?.USDT).toBe(1);
  });

  test("error: a start before the data is refused, not silently moved to the first day", () => {
    expect(() => loadDailyPrices("2019-01-01")).toThrow(
      "--from 2019-01-01 is before the first day of the data (2020-08-11): choose a date from 2020-08-11 to 2026-01-05",
    );
    expect(loadDailyPrices("2020-08-11").dates[0]).toBe("2020-08-11");
  });

  test("error: a start after the data, a missing file", () => {
    expect(() => loadDailyPrices("2030-01-01")).toThrow(/after the last day of the data \(2026-01-05\)/);
    expect(() => loadDailyPrices("2025-01-01", "/nonexistent/prices.csv")).toThrow(/price history not found/);
  });
});
