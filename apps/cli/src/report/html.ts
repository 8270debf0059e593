import type { runReport } from "../cli/runCommand.js";
import type { SweepRow } from "../cli/sweepRows.js";
import type { Chart } from "./charts.js";
import { escapeXml } from "./escape.js";

type Report = ReturnType<typeof runReport>;
type RunJson = Report["v1"];

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const usd = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;

/** One self-contained HTML page: inline CSS and SVG, no script, no network. */
export function reportHtml(
  report: Report,
  charts: readonly Chart[],
  sweep: readonly SweepRow[] | undefined,
): string {
  const runs: [string, RunJson][] = [
    ["V1", report.v1],
    ["V2", report],
  ];
  const metric = (name: string, cell: (run: RunJson) => string) =>
    `<tr><th>${escapeXml(name)}</th>${runs.map(([, run]) => `<td>${escapeXml(cell(run))}</td>`).join("")}</tr>`;
  const table = [
    metric("weights", (r) => r.weights),
    metric("window", (r) => `${r.from} → ${r.to}`),
    metric("rebalances", (r) => String(r.rebalances)),
    metric("total return", (r) => pct(r.totalReturn)),
    metric("CAGR", (r) => pct(r.cagr)),
    metric("volatility (annualised)", (r) => pct(r.volatility)),
    metric("max drawdown", (r) => pct(-r.maxDrawdown)),
    metric("Sharpe", (r) => r.sharpe.toFixed(2)),
    metric("turnover (one-way)", (r) => pct(r.turnover)),
    metric("trading cost (fees + impact + gas)", (r) => usd(r.tradingCostUsd)),
    metric("interest earned", (r) => usd(r.interestUsd)),
    ...Object.keys(report.interestByAssetUsd).map((asset) =>
      metric(`interest ${asset}`, (r) => usd(r.interestByAssetUsd[asset] ?? 0)),
    ),
    ...Object.keys(report.timeAboveDeviation).map((level) =>
      metric(`time with a weight ≥ ${level} off target`, (r) => pct(r.timeAboveDeviation[level] ?? 0)),
    ),
  ].join("\n");
  const rebalanceList = (run: RunJson) =>
    run.rebalanceList.length === 0
      ? "<p>No rebalance.</p>"
      : `<table><tr><th>date</th><th>trigger</th><th>deviation</th><th>traded</th><th>cost</th></tr>${run.rebalanceList
          .map(
            (e) =>
              `<tr><td>${escapeXml(e.date)}</td><td>${escapeXml(e.triggerAsset)}</td><td>${e.deviationBps} bps</td><td>${usd(e.tradedUsd)}</td><td>${usd(e.costUsd)}</td></tr>`,
          )
          .join("")}</table>`;
  const sweepSection =
    sweep === undefined
      ? ""
      : `<h2>Parameter sweep</h2><p>${sweep.length} configurations (threshold × USDT weight; the risk weights keep their proportions).</p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BlockETF backtest: V1 vs V2</title>
<style>
body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;max-width:960px;margin:2em auto;color:#222;padding:0 1em}
table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border:1px solid #ddd;padding:4px 10px;text-align:right}
th{text-align:left;background:#f7f7f7}figure{margin:1.5em 0}figcaption{color:#555;font-size:13px}
details{margin:1em 0}li{margin:.3em 0}
</style></head><body>
<h1>BlockETF backtest: V1 against V2</h1>
<p>Same rebalance rule as the contracts (absolute weight deviation ≥ ${report.config.thresholdBps} bps, cooldown ${report.config.cooldownSeconds} s), replayed on ${escapeXml(report.config.file)}. V2 yield: ${report.config.yield}.</p>
<table><tr><th></th><th>V1</th><th>V2</th></tr>
${table}
</table>
${charts
  .filter((chart) => !chart.name.startsWith("sweep"))
  .map((chart) => `<figure>${chart.svg}<figcaption>${escapeXml(chart.title)}</figcaption></figure>`)
  .join("\n")}
${sweepSection}
${charts
  .filter((chart) => chart.name.startsWith("sweep"))
  .map((chart) => `<figure>${chart.svg}<figcaption>${escapeXml(chart.title)}</figcaption></figure>`)
  .join("\n")}
<h2>Rebalances</h2>
<details><summary>V1: ${report.v1.rebalances}</summary>${rebalanceList(report.v1)}</details>
<details><summary>V2: ${report.rebalances}</summary>${rebalanceList(report)}</details>
<h2>Assumptions</h2>
<ul>${report.assumptions.map((line) => `<li>${escapeXml(line)}</li>`).join("")}</ul>
</body></html>
`;
}
