import { DEVIATION_LEVELS_BPS, type RunResult, type RunSummary } from "../engine/types.js";
import { weightsText } from "./assumptions.js";

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

/** A run summary as JSON, arrays turned into objects keyed by asset and deviation level. */
export function summaryJson(summary: RunSummary, assets: readonly string[]) {
  return {
    label: summary.label,
    from: summary.from,
    to: summary.to,
    steps: summary.steps,
    rebalances: summary.rebalances,
    rebalanceSteps: summary.rebalanceSteps,
    initialNavUsd: round(summary.initialNavUsd, 2),
    finalNavUsd: round(summary.finalNavUsd, 2),
    totalReturn: round(summary.totalReturn),
    cagr: round(summary.cagr),
    volatility: round(summary.volatility),
    maxDrawdown: round(summary.maxDrawdown),
    sharpe: round(summary.sharpe, 4),
    turnover: round(summary.turnover),
    tradedUsd: round(summary.tradedUsd, 2),
    tradingCostUsd: round(summary.tradingCostUsd, 2),
    poolFeesUsd: round(summary.poolFeesUsd, 2),
    priceImpactUsd: round(summary.priceImpactUsd, 2),
    gasUsd: round(summary.gasUsd, 2),
    managementFeeUsd: round(summary.managementFeeUsd, 2),
    interestUsd: round(summary.interestUsd, 2),
    interestByAssetUsd: Object.fromEntries(
      assets.map((asset, i) => [asset, round(summary.interestByAssetUsd[i] ?? 0, 2)]),
    ),
    timeAboveDeviation: Object.fromEntries(
      DEVIATION_LEVELS_BPS.map((level, l) => [`${level / 100}%`, round(summary.timeAboveDeviation[l] ?? 0)]),
    ),
    maxDeviationBps: summary.maxDeviationBps,
  };
}

export function runJson(result: RunResult, assets: readonly string[], targetBps: readonly number[]) {
  return {
    ...summaryJson(result.summary, assets),
    weights: weightsText(targetBps, assets),
    rebalanceList: result.events.map((event) => ({
      date: event.label,
      steps: event.steps,
      triggerAsset: event.triggerAsset,
      deviationBps: event.deviationBps,
      tradedUsd: round(event.tradedUsd, 2),
      costUsd: round(event.costUsd, 2),
      navUsd: round(event.navUsd, 2),
    })),
  };
}

const money = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;
const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

/** A side-by-side table of runs for the terminal. */
export function comparisonTable(summaries: readonly RunSummary[], assets: readonly string[]): string {
  const rows: [string, (s: RunSummary) => string][] = [
    ["window", (s) => `${s.from} → ${s.to}`],
    ["rebalances", (s) => String(s.rebalances)],
    ["rebalance steps", (s) => String(s.rebalanceSteps)],
    ["final NAV", (s) => money(s.finalNavUsd)],
    ["total return", (s) => percent(s.totalReturn)],
    ["CAGR", (s) => percent(s.cagr)],
    ["volatility (ann.)", (s) => percent(s.volatility)],
    ["max drawdown", (s) => percent(-s.maxDrawdown)],
    ["Sharpe", (s) => s.sharpe.toFixed(2)],
    ["turnover (one-way)", (s) => percent(s.turnover)],
    ["trading cost", (s) => money(s.tradingCostUsd)],
    ["interest earned", (s) => money(s.interestUsd)],
    ...assets.map((asset, i): [string, (s: RunSummary) => string] => [
      `  interest ${asset}`,
      (s) => money(s.interestByAssetUsd[i] ?? 0),
    ]),
    ...DEVIATION_LEVELS_BPS.map((level, l): [string, (s: RunSummary) => string] => [
      `time ≥ ${level / 100}% off`,
      (s) => percent(s.timeAboveDeviation[l] ?? 0),
    ]),
  ];
  const header = ["", ...summaries.map((s) => s.label)];
  const body = rows.map(([name, cell]) => [name, ...summaries.map(cell)]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((row) => (row[c] ?? "").length)));
  return [header, ...body]
    .map((row) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join("  "),
    )
    .join("\n");
}
