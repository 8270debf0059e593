import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { InvalidFlagError } from "../errors.js";
import { buildGrid, parseAxis, type SweepAxes } from "../sweep/grid.js";
import { runSweep } from "../sweep/pool.js";
import { ProgressBar } from "../sweep/progress.js";
import { type Flags, numberFlag } from "./args.js";
import { buildScenario, type Scenario } from "./scenario.js";
import { type SweepRow, sweepCsv, sweepRows } from "./sweepRows.js";

/** The sweep's axes from flags; an absent axis holds the run's own value. */
export function sweepAxes(
  flags: Flags,
  scenario: Scenario,
  defaults: Partial<Record<keyof SweepAxes, string>> = {},
): SweepAxes {
  const { v2, market } = scenario;
  const stable = market.history.stableIndex;
  const axis = (
    flag: keyof Flags,
    fallback: string | undefined,
    own: number,
    unit: number,
    min: number,
    max: number,
  ) => {
    const raw = flags[flag];
    const text = typeof raw === "string" ? raw : fallback;
    return text === undefined ? [own] : parseAxis(text, `--${flag}`, unit, min, max);
  };
  return {
    thresholdsBps: axis("thresholds-bps", defaults.thresholdsBps, v2.thresholdBps, 1, 1, 10_000),
    stableWeightsBps: axis(
      "stable-weights-pct",
      defaults.stableWeightsBps,
      v2.targetBps[stable] ?? 0,
      100,
      0,
      9_999,
    ),
    buffersBps: axis("buffers-bps", defaults.buffersBps, v2.bufferBps[0] ?? 0, 1, 0, 10_000),
    cooldownsSeconds: axis(
      "cooldowns-seconds",
      defaults.cooldownsSeconds,
      v2.cooldownSeconds,
      1,
      0,
      315_360_000,
    ),
  };
}

export type SweepOutcome = { readonly rows: SweepRow[]; readonly seconds: number };

/** Runs the grid on the worker pool with a progress bar (TTY only, never with --json). */
export async function executeSweep(flags: Flags, scenario: Scenario, axes: SweepAxes): Promise<SweepOutcome> {
  const { points, configs } = buildGrid(scenario.v2, scenario.market.history.stableIndex, axes);
  const bar = new ProgressBar(configs.length, process.stderr.isTTY === true && flags.json !== true);
  const started = performance.now();
  const workers = numberFlag(flags, "workers", availableParallelism());
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new InvalidFlagError("--workers", `${workers} must be an integer in [1, 64]`);
  }
  const summaries = await runSweep(scenario.market, scenario.window, configs, {
    workers,
    onProgress: (done) => bar.update(done),
  });
  return { rows: sweepRows(points, summaries), seconds: (performance.now() - started) / 1000 };
}

export async function sweepCommand(flags: Flags): Promise<void> {
  const scenario = buildScenario(flags);
  const axes = sweepAxes(flags, scenario, { thresholdsBps: "100:1000:100", stableWeightsBps: "0:45:5" });
  const { rows, seconds } = await executeSweep(flags, scenario, axes);
  if (flags.out !== undefined) {
    mkdirSync(flags.out, { recursive: true });
    writeFileSync(join(flags.out, "sweep.csv"), sweepCsv(rows));
    writeFileSync(join(flags.out, "sweep.json"), `${JSON.stringify(rows, null, 2)}\n`);
  }
  if (flags.csv !== undefined) writeFileSync(flags.csv, sweepCsv(rows));
  if (flags.json === true) {
    process.stdout.write(
      `${JSON.stringify({ configurations: rows.length, seconds: Number(seconds.toFixed(3)), rows })}\n`,
    );
    return;
  }
  const best = [...rows].sort((a, b) => b.sharpe - a.sharpe).slice(0, 10);
  console.log(`${rows.length} configurations in ${seconds.toFixed(2)} s. Best 10 by Sharpe:`);
  console.log(sweepCsv(best).trimEnd());
  if (flags.out !== undefined) console.log(`Wrote ${join(flags.out, "sweep.csv")} and sweep.json.`);
}
