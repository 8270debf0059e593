import { withStableWeight } from "../config/weights.js";
import type { EngineConfig } from "../engine/types.js";
import { InvalidFlagError } from "../errors.js";

/** The axes of a parameter sweep; every combination becomes one fund. */
export type SweepAxes = {
  readonly thresholdsBps: readonly number[];
  /** {bps} Stablecoin weight; the risk weights keep their proportions in the rest. */
  readonly stableWeightsBps: readonly number[];
  readonly buffersBps: readonly number[];
  readonly cooldownsSeconds: readonly number[];
};

/** One point of the grid, as written to CSV/JSON. */
export type SweepPoint = {
  readonly thresholdBps: number;
  readonly stableWeightBps: number;
  readonly bufferBps: number;
  readonly cooldownSeconds: number;
};

/** The grid in a fixed order (threshold, then stable weight, then buffer, then cooldown). */
export function buildGrid(
  base: EngineConfig,
  stableIndex: number,
  axes: SweepAxes,
): { points: SweepPoint[]; configs: EngineConfig[] } {
  const points: SweepPoint[] = [];
  const configs: EngineConfig[] = [];
  for (const thresholdBps of axes.thresholdsBps) {
    for (const stableWeightBps of axes.stableWeightsBps) {
      const targetBps = withStableWeight(base.targetBps, stableIndex, stableWeightBps);
      for (const bufferBps of axes.buffersBps) {
        for (const cooldownSeconds of axes.cooldownsSeconds) {
          points.push({ thresholdBps, stableWeightBps, bufferBps, cooldownSeconds });
          configs.push({
            ...base,
            label: `t${thresholdBps}-s${stableWeightBps}-b${bufferBps}-c${cooldownSeconds}`,
            targetBps,
            thresholdBps,
            cooldownSeconds,
            bufferBps: base.bufferBps.map(() => bufferBps),
          });
        }
      }
    }
  }
  return { points, configs };
}

/**
 * Parses an axis: a list `100,200,500` or an inclusive range `100:1000:100` (start:stop:step), scaled
 * by `unit` (100 turns percent into bps) and checked to be integers within [min, max].
 */
export function parseAxis(text: string, flag: string, unit: number, min: number, max: number): number[] {
  const range = /^\s*(-?[\d.]+)\s*:\s*(-?[\d.]+)\s*:\s*([\d.]+)\s*$/.exec(text);
  let values: number[];
  if (range !== null) {
    const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!(step > 0) || to < from)
      throw new InvalidFlagError(flag, `"${text}" needs start ≤ stop and step > 0`);
    values = [];
    for (let k = 0; from + k * step <= to + 1e-9; k++) values.push(from + k * step);
  } else {
    values = text.split(",").map((part) => Number(part.trim()));
  }
  const scaled = values.map((value) => Math.round(value * unit * 1e6) / 1e6);
  for (const value of scaled) {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidFlagError(flag, `"${text}" must list integers in [${min / unit}, ${max / unit}]`);
    }
  }
  if (scaled.length === 0 || scaled.length > 10_000) throw new InvalidFlagError(flag, "1..10000 values");
  return [...new Set(scaled)];
}
