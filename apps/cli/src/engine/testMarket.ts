import { parsePriceHistory } from "../data/prices.js";
import type { EngineConfig, Market } from "./types.js";

/** A hand-made daily market of one risky asset X (plus USDT) from a list of closes, for tests. */
export function dailyMarket(closes: readonly number[]): Market {
  const start = Date.parse("2024-01-01T00:00:00Z");
  const rows = closes.map(
    (close, t) => `${new Date(start + t * 86_400_000).toISOString().slice(0, 10)},${close}`,
  );
  return { history: parsePriceHistory(["date,X", ...rows].join("\n"), "test.csv"), apySeriesPct: undefined };
}

/** The same as hourly bars. */
export function hourlyMarket(closes: readonly number[]): Market {
  const start = Date.parse("2024-01-01T00:00:00Z");
  const rows = closes.map(
    (close, t) => `${new Date(start + t * 3_600_000).toISOString().slice(0, 19)}Z,${close}`,
  );
  return {
    history: parsePriceHistory(["open_time_utc,X", ...rows].join("\n"), "test.csv"),
    apySeriesPct: undefined,
  };
}

/** X/USDT 50/50, 5% threshold, no yield, no costs: the frictionless reference fund. */
export function frictionless(overrides: Partial<EngineConfig> = {}): EngineConfig {
  return {
    label: "test",
    targetBps: [5000, 5000],
    thresholdBps: 500,
    cooldownSeconds: 0,
    maxTradeUsd: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    stepIntervalSeconds: 60,
    yieldOn: false,
    apyPct: [0, 0],
    bufferBps: [0, 0],
    managementFeeBps: 0,
    poolFee: [0, 0],
    depthUsd: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    impactK: 0,
    gasUsd: 0,
    initialNavUsd: 1_000_000,
    riskFreePct: 0,
    ...overrides,
  };
}
