import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseWeights } from "@blocketf/cli-kit";
import { CT5U } from "@blocketf/core";
import { defaultWeightsText } from "../cli/scenario.js";
import { compileFund, DEFAULT_FUND_PARAMETERS } from "../config/fund.js";
import { dataFile, PRICE_FILES } from "../data/files.js";
import { loadPriceHistory } from "../data/prices.js";
import { simulate } from "../engine/simulate.js";
import type { Market } from "../engine/types.js";
import { buildGrid } from "../sweep/grid.js";
import { runSweep, SweepPool } from "../sweep/pool.js";

/**
 * `npm run bench:backtest`: engine throughput on one core and on all cores, and the wall time of a
 * 1,000-configuration sweep (threshold × USDT weight × buffer, 10 × 10 × 10) over the full daily
 * history, worker start-up included. Writes bench/results/backtest.json at the repo root.
 */
const RESULTS = fileURLToPath(new URL("../../../../bench/results/", import.meta.url));

const history = loadPriceHistory(dataFile(PRICE_FILES["1d"]));
const market: Market = { history, apySeriesPct: undefined };
const window = { start: 0, end: history.times.length };
const base = compileFund(
  history.assets,
  "V2",
  parseWeights(defaultWeightsText(), CT5U, history.assets),
  true,
  DEFAULT_FUND_PARAMETERS,
);
const range = (from: number, step: number) => Array.from({ length: 10 }, (_, k) => from + k * step);
const { configs } = buildGrid(base, history.stableIndex, {
  thresholdsBps: range(100, 100),
  stableWeightsBps: range(0, 500),
  buffersBps: range(0, 100),
  cooldownsSeconds: [base.cooldownSeconds],
});
const assetDays = window.end * history.assets.length;

// Single core: warm the JIT, then time a slice of the grid in this thread.
for (const config of configs.slice(0, 50)) simulate(market, config, window);
const singleCount = 400;
let started = performance.now();
for (const config of configs.slice(0, singleCount)) simulate(market, config, window);
const singleSeconds = (performance.now() - started) / 1000;
const assetDaysPerSecond = (singleCount * assetDays) / singleSeconds;

// All cores: the full 1,000-configuration sweep as the CLI runs it, workers started from cold.
const cores = availableParallelism();
started = performance.now();
const summaries = await runSweep(market, window, configs, { workers: cores });
const sweep1000Seconds = (performance.now() - started) / 1000;

// All cores, steady state: the same grid twice on a warm pool, the second pass timed.
const pool = new SweepPool(market, window, cores);
await pool.run(configs);
started = performance.now();
await pool.run(configs);
const warmSeconds = (performance.now() - started) / 1000;
await pool.close();
const assetDaysPerSecondAllCores = (configs.length * assetDays) / warmSeconds;

const result = {
  assetDaysPerSecond: Math.round(assetDaysPerSecond),
  assetDaysPerSecondAllCores: Math.round(assetDaysPerSecondAllCores),
  sweep1000Seconds: Number(sweep1000Seconds.toFixed(3)),
  configurations: summaries.length,
  days: window.end,
  assets: history.assets.length,
  from: history.labels[0],
  to: history.labels[window.end - 1],
  cores,
  node: process.version,
  measuredAt: new Date().toISOString(),
  note: "assetDaysPerSecond: one core, main thread, warm. assetDaysPerSecondAllCores: all cores on a warm worker pool. sweep1000Seconds: the 1,000-configuration sweep as the CLI runs it, cold worker start-up included.",
};
mkdirSync(RESULTS, { recursive: true });
writeFileSync(`${RESULTS}backtest.json`, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `days × assets           ${window.end} × ${history.assets.length} (${history.labels[0]} → ${history.labels[window.end - 1]})`,
);
console.log(`single core             ${Math.round(assetDaysPerSecond).toLocaleString("en-US")} asset-days/s`);
console.log(
  `all cores (${cores}, warm)    ${Math.round(assetDaysPerSecondAllCores).toLocaleString("en-US")} asset-days/s`,
);
console.log(`1,000-config sweep      ${sweep1000Seconds.toFixed(2)} s (target < 10 s)`);
console.log(`wrote ${RESULTS}backtest.json`);
