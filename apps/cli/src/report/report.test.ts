import { describe, expect, test } from "vitest";
import { compareRuns, runReport } from "../cli/runCommand.js";
import { buildScenario } from "../cli/scenario.js";
import { buildCharts } from "./charts.js";
import { reportHtml } from "./html.js";
import { svgToPng } from "./png.js";

describe("report", () => {
  const scenario = buildScenario({ from: "2024-01-01", to: "2024-06-30" });
  const runs = compareRuns(scenario, true);
  const row = {
    thresholdBps: 500,
    stableWeightBps: 2000,
    bufferBps: 500,
    cooldownSeconds: 1800,
    rebalances: 3,
    rebalanceSteps: 5,
    totalReturn: 0.1,
    cagr: 0.2,
    volatility: 0.5,
    maxDrawdown: 0.3,
    sharpe: 1.1,
    turnover: 0.4,
    tradingCostUsd: 10,
    interestUsd: 20,
    finalNavUsd: 1_100_000,
  };
  const charts = buildCharts(runs, [row, { ...row, thresholdBps: 1000, sharpe: 0.9 }]);

  test("default: every chart the issue asks for", () => {
    expect(charts.map((chart) => chart.name)).toEqual([
      "nav",
      "weights-v2",
      "weights-v1",
      "interest",
      "drawdown",
      "sweep-rebalances",
      "sweep-sharpe",
      "sweep-drawdown",
    ]);
  });

  test("behavior: the HTML is self-contained (inline SVG, no external resource)", () => {
    const html = reportHtml(runReport(runs), charts, []);
    expect(html.match(/<svg /g)).toHaveLength(charts.length);
    expect(html).not.toMatch(/<(script|link|img)\b/);
    // SVG's and XLink's namespace names are identifiers, never fetched.
    const namespaces = /xmlns(:xlink)?="http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)"/g;
    expect(html.replace(namespaces, "")).not.toMatch(/https?:\/\//);
  });

  test("behavior: every chart is drawn, with its title, axes and legend", () => {
    const byName = Object.fromEntries(charts.map((chart) => [chart.name, chart.svg]));
    for (const chart of charts) {
      expect(chart.svg, chart.name).toMatch(/^<svg [^>]*width="900"/);
      expect(chart.svg, chart.name).toMatch(/<path /);
    }
    // Lines and legends: both runs, and the rebalances of each.
    for (const name of ["V1", "V2", "V1 rebalance", "V2 rebalance"])
      expect(byName.nav).toContain(`>${name}<`);
    expect(byName.nav).toContain("NAV in USD, V1 vs V2 (log scale)");
    // Stacked weights: one layer per asset in the legend, the y axis in percent.
    for (const asset of scenario.market.history.assets) expect(byName["weights-v2"]).toContain(`>${asset}<`);
    expect(byName["weights-v2"]).toContain(">100%<");
    // Heat-maps: every cell's value printed, both axes named.
    expect(byName["sweep-sharpe"]).toContain(">1.10<");
    expect(byName["sweep-sharpe"]).toContain(">0.90<");
    expect(byName["sweep-sharpe"]).toContain("USDT weight");
    expect(byName["sweep-sharpe"]).toContain("rebalance threshold");
  });

  test("behavior: charts render to PNG", () => {
    const png = svgToPng(charts[0]?.svg ?? "", 1);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
