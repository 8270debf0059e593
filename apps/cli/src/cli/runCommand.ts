import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simulate } from "../engine/simulate.js";
import type { RunResult } from "../engine/types.js";
import type { Flags } from "./args.js";
import { assumptions, weightsText } from "./assumptions.js";
import { comparisonTable, runJson } from "./output.js";
import { buildScenario, type Scenario } from "./scenario.js";

export type ComparedRuns = { readonly scenario: Scenario; readonly v2: RunResult; readonly v1: RunResult };

/** Runs the configured fund (V2) and its V1 baseline over the scenario's window. */
export function compareRuns(scenario: Scenario, series: boolean): ComparedRuns {
  const options = { events: true, series };
  return {
    scenario,
    v2: simulate(scenario.market, scenario.v2, scenario.window, options),
    v1: simulate(scenario.market, scenario.v1, scenario.window, options),
  };
}

/** The JSON object `--json` prints: the V2 run's figures at the top level, V1 beside them. */
export function runReport(runs: ComparedRuns) {
  const { scenario, v1, v2 } = runs;
  const assets = scenario.market.history.assets;
  const p = scenario.parameters;
  return {
    ...runJson(v2, assets, scenario.v2.targetBps),
    config: {
      interval: scenario.interval,
      file: scenario.market.history.file,
      thresholdBps: scenario.v2.thresholdBps,
      cooldownSeconds: scenario.v2.cooldownSeconds,
      yield: scenario.v2.yieldOn ? "on" : "off",
      bufferBps: p.bufferBps,
      managementFeeBps: p.managementFeeBps,
      apyPct: Object.fromEntries(assets.map((asset, i) => [asset, scenario.v2.apyPct[i] ?? 0])),
      apySeries: scenario.market.apySeriesPct !== undefined,
      poolFeePct: Object.fromEntries(assets.map((asset, i) => [asset, (scenario.v2.poolFee[i] ?? 0) * 100])),
      depthUsd: Object.fromEntries(assets.map((asset, i) => [asset, scenario.v2.depthUsd[i] ?? null])),
      impactK: p.impactK,
      gasUsd: p.gasUsd,
      maxTradeUsd: p.maxTradeUsd,
      stepIntervalSeconds: p.stepIntervalSeconds,
      navUsd: p.navUsd,
      riskFreePct: p.riskFreePct,
    },
    v1: runJson(v1, assets, scenario.v1.targetBps),
    comparison: {
      extraReturn: Number((v2.summary.totalReturn - v1.summary.totalReturn).toFixed(6)),
      drawdownChange: Number((v2.summary.maxDrawdown - v1.summary.maxDrawdown).toFixed(6)),
      volatilityChange: Number((v2.summary.volatility - v1.summary.volatility).toFixed(6)),
      sharpeChange: Number((v2.summary.sharpe - v1.summary.sharpe).toFixed(4)),
      extraRebalances: v2.summary.rebalances - v1.summary.rebalances,
      extraRebalanceSteps: v2.summary.rebalanceSteps - v1.summary.rebalanceSteps,
    },
    assumptions: assumptions(scenario),
  };
}

export function runCommand(flags: Flags): void {
  const runs = compareRuns(buildScenario(flags), flags.out !== undefined);
  const report = runReport(runs);
  if (flags.out !== undefined) {
    mkdirSync(flags.out, { recursive: true });
    writeFileSync(join(flags.out, "run.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(flags.out, "nav.csv"), navCsv(runs));
  }
  if (flags.json === true) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const { scenario, v1, v2 } = runs;
  const assets = scenario.market.history.assets;
  console.log(
    `V2: ${weightsText(scenario.v2.targetBps, assets)}, yield ${scenario.v2.yieldOn ? "on" : "off"}`,
  );
  console.log(`V1: ${weightsText(scenario.v1.targetBps, assets)}, yield off\n`);
  console.log(comparisonTable([v1.summary, v2.summary], assets));
  for (const run of [v1, v2]) {
    const list = run.events.map(
      (event) =>
        `${event.label} ${event.triggerAsset} (${event.deviationBps} bps${event.steps > 1 ? `, ${event.steps} steps` : ""})`,
    );
    console.log(`\n${run.summary.label} rebalances (${list.length}): ${list.join(", ") || "none"}`);
  }
  console.log(`\nAssumptions:\n${report.assumptions.map((line) => `- ${line}`).join("\n")}`);
  if (flags.out !== undefined) console.log(`\nWrote ${join(flags.out, "run.json")} and nav.csv.`);
}

function navCsv(runs: ComparedRuns): string {
  const { history } = runs.scenario.market;
  const v1 = runs.v1.series?.navUsd;
  const v2 = runs.v2.series?.navUsd;
  const lines = ["date,navV1Usd,navV2Usd"];
  for (let k = 0; k < (v2?.length ?? 0); k++) {
    lines.push(
      `${history.labels[runs.scenario.window.start + k]},${v1?.[k]?.toFixed(2)},${v2?.[k]?.toFixed(2)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
