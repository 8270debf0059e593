import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCharts } from "../report/charts.js";
import { reportHtml } from "../report/html.js";
import { svgToPng } from "../report/png.js";
import type { Flags } from "./args.js";
import { compareRuns, runReport } from "./runCommand.js";
import { buildScenario } from "./scenario.js";
import { executeSweep, sweepAxes } from "./sweepCommand.js";
import { sweepCsv } from "./sweepRows.js";

/** Writes report.html (self-contained), png/*.png, run.json and sweep.csv into --out. */
export async function reportCommand(flags: Flags): Promise<void> {
  const out = flags.out ?? "backtest-report";
  const scenario = buildScenario(flags);
  const runs = compareRuns(scenario, true);
  const report = runReport(runs);
  const axes = sweepAxes(flags, scenario, {
    thresholdsBps: "100,200,300,500,750,1000,1500,2000",
    stableWeightsBps: "0:40:5",
  });
  const { rows } = await executeSweep(flags, scenario, axes);
  const charts = buildCharts(runs, rows);
  mkdirSync(join(out, "png"), { recursive: true });
  writeFileSync(join(out, "report.html"), reportHtml(report, charts, rows));
  writeFileSync(join(out, "run.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(out, "sweep.csv"), sweepCsv(rows));
  for (const chart of charts) writeFileSync(join(out, "png", `${chart.name}.png`), svgToPng(chart.svg));
  if (flags.json === true) {
    process.stdout.write(
      `${JSON.stringify({ out, charts: charts.map((chart) => chart.name), rebalances: report.rebalances })}\n`,
    );
    return;
  }
  console.log(
    `Wrote ${join(out, "report.html")}, ${charts.length} PNGs in ${join(out, "png")}, run.json and sweep.csv.`,
  );
}
