import type { ComparedRuns } from "../cli/runCommand.js";
import type { SweepRow } from "../cli/sweepRows.js";
import type { RunResult } from "../engine/types.js";
import { heatmap, type Line, lineChart, PALETTE, stackedChart } from "./chartKinds.js";

export type Chart = { readonly name: string; readonly title: string; readonly svg: string };

const pct = (v: number) => `${+v.toFixed(1)}%`;
const usd = (v: number) =>
  v >= 1e6 ? `$${+(v / 1e6).toFixed(1)}M` : v >= 1e3 ? `$${+(v / 1e3).toFixed(0)}k` : `$${+v.toFixed(0)}`;

/** The report's charts for a V1/V2 comparison and, when given, a threshold × stable-weight sweep. */
export function buildCharts(runs: ComparedRuns, sweep: readonly SweepRow[] | undefined): Chart[] {
  const { scenario } = runs;
  const { history } = scenario.market;
  const { start, end } = scenario.window;
  const xLabels = history.labels.slice(start, end);
  const assets = history.assets;
  const n = assets.length;
  const positions = (run: RunResult) => run.events.map((event) => event.step - start);
  const v1Markers = { positions: positions(runs.v1), color: "#7f8c8d", name: "V1 rebalance" };
  const v2Markers = { positions: positions(runs.v2), color: "#c0392b", name: "V2 rebalance" };
  const series = (run: RunResult) => {
    if (run.series === undefined) throw new Error("The report needs per-step series.");
    return run.series;
  };
  const column = (data: Int32Array | Float64Array, i: number, scale: number) => {
    const out = new Float64Array(data.length / n);
    for (let k = 0; k < out.length; k++) out[k] = (data[k * n + i] ?? 0) * scale;
    return out;
  };
  const weightLayers = (run: RunResult): Line[] =>
    assets.map((asset, i) => ({
      name: asset,
      values: column(series(run).weightsBps, i, 0.01),
      color: PALETTE[i % PALETTE.length] ?? "#000",
    }));

  const charts: Chart[] = [
    {
      name: "nav",
      title: "NAV, V1 vs V2 (log scale)",
      svg: lineChart(
        { title: "NAV in USD, V1 vs V2 (log scale)", xLabels, yFormat: usd },
        [
          { name: "V1", values: series(runs.v1).navUsd, color: "#7f8c8d" },
          { name: "V2", values: series(runs.v2).navUsd, color: "#16a085" },
        ],
        { log: true, markers: [v1Markers, v2Markers] },
      ),
    },
    {
      name: "weights-v2",
      title: "V2 weights over time, rebalances marked",
      svg: stackedChart(
        { title: "V2 weights (%) with rebalances", xLabels, yFormat: pct },
        weightLayers(runs.v2),
        v2Markers,
      ),
    },
    {
      name: "weights-v1",
      title: "V1 weights over time, rebalances marked",
      svg: stackedChart(
        { title: "V1 weights (%) with rebalances", xLabels, yFormat: pct },
        weightLayers(runs.v1),
        v1Markers,
      ),
    },
    {
      name: "interest",
      title: "V2 interest earned by asset (cumulative)",
      svg: stackedChart(
        { title: "V2 Venus interest earned, cumulative USD by asset", xLabels, yFormat: usd },
        assets
          .map((asset, i) => ({
            name: asset,
            values: column(series(runs.v2).interestCumUsd, i, 1),
            color: PALETTE[i % PALETTE.length] ?? "#000",
          }))
          .filter((layer) => (layer.values[layer.values.length - 1] ?? 0) > 0),
      ),
    },
    {
      name: "drawdown",
      title: "Drawdown from the running peak",
      svg: lineChart({ title: "Drawdown (%), V1 vs V2", xLabels, yFormat: pct }, [
        { name: "V1", values: series(runs.v1).drawdown.map((d) => d * 100), color: "#7f8c8d" },
        { name: "V2", values: series(runs.v2).drawdown.map((d) => d * 100), color: "#16a085" },
      ]),
    },
  ];
  if (sweep !== undefined && sweep.length > 0) charts.push(...sweepHeatmaps(sweep));
  return charts;
}

function sweepHeatmaps(rows: readonly SweepRow[]): Chart[] {
  const thresholds = [...new Set(rows.map((row) => row.thresholdBps))].sort((a, b) => a - b);
  const stables = [...new Set(rows.map((row) => row.stableWeightBps))].sort((a, b) => a - b);
  const grid = (pick: (row: SweepRow) => number) =>
    thresholds.map((t) =>
      stables.map((s) => {
        const row = rows.find((candidate) => candidate.thresholdBps === t && candidate.stableWeightBps === s);
        return row === undefined ? Number.NaN : pick(row);
      }),
    );
  const rowNames = thresholds.map((t) => `${t / 100}%`);
  const colNames = stables.map((s) => `${s / 100}%`);
  const axes = { rows: "rebalance threshold", cols: "USDT weight" };
  return [
    {
      name: "sweep-rebalances",
      title: "Sweep: rebalance count by threshold × USDT weight",
      svg: heatmap(
        "Rebalances: threshold (rows) × USDT weight (columns)",
        rowNames,
        colNames,
        grid((r) => r.rebalances),
        (v) => String(v),
        axes,
      ),
    },
    {
      name: "sweep-sharpe",
      title: "Sweep: Sharpe by threshold × USDT weight",
      svg: heatmap(
        "Sharpe: threshold (rows) × USDT weight (columns)",
        rowNames,
        colNames,
        grid((r) => r.sharpe),
        (v) => v.toFixed(2),
        axes,
      ),
    },
    {
      name: "sweep-drawdown",
      title: "Sweep: max drawdown by threshold × USDT weight",
      svg: heatmap(
        "Max drawdown: threshold (rows) × USDT weight (columns)",
        rowNames,
        colNames,
        grid((r) => -r.maxDrawdown * 100),
        (v) => `${v.toFixed(0)}%`,
        axes,
      ),
    },
  ];
}
