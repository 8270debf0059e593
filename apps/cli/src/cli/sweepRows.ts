import type { RunSummary } from "../engine/types.js";
import type { SweepPoint } from "../sweep/grid.js";

export const SWEEP_COLUMNS = [
  "thresholdBps",
  "stableWeightBps",
  "bufferBps",
  "cooldownSeconds",
  "rebalances",
  "rebalanceSteps",
  "totalReturn",
  "cagr",
  "volatility",
  "maxDrawdown",
  "sharpe",
  "turnover",
  "tradingCostUsd",
  "interestUsd",
  "finalNavUsd",
] as const;

export type SweepRow = Record<(typeof SWEEP_COLUMNS)[number], number>;

export function sweepRows(points: readonly SweepPoint[], summaries: readonly RunSummary[]): SweepRow[] {
  return points.map((point, k) => {
    const s = summaries[k];
    if (s === undefined) throw new Error(`Sweep result ${k} is missing.`);
    return {
      ...point,
      rebalances: s.rebalances,
      rebalanceSteps: s.rebalanceSteps,
      totalReturn: Number(s.totalReturn.toFixed(6)),
      cagr: Number(s.cagr.toFixed(6)),
      volatility: Number(s.volatility.toFixed(6)),
      maxDrawdown: Number(s.maxDrawdown.toFixed(6)),
      sharpe: Number(s.sharpe.toFixed(4)),
      turnover: Number(s.turnover.toFixed(6)),
      tradingCostUsd: Number(s.tradingCostUsd.toFixed(2)),
      interestUsd: Number(s.interestUsd.toFixed(2)),
      finalNavUsd: Number(s.finalNavUsd.toFixed(2)),
    };
  });
}

export function sweepCsv(rows: readonly SweepRow[]): string {
  return `${[SWEEP_COLUMNS.join(","), ...rows.map((row) => SWEEP_COLUMNS.map((c) => row[c]).join(","))].join("\n")}\n`;
}
