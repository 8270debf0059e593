import { BPS } from "@blocketf/core";
import { InvalidFlagError, UnknownAssetError, WeightsSumError } from "../errors.js";

/**
 * {bps} Parses `BTC=30,ETH=25,...` (percent, up to two decimals) into weights aligned to `assets`;
 * unlisted assets get 0. Asset names are case-insensitive. The weights must sum to exactly 100%.
 */
export function parseWeights(text: string, assets: readonly string[]): number[] {
  const bps = assets.map(() => 0);
  const seen = new Set<string>();
  for (const entry of splitEntries(text, "--weights")) {
    const [name, percent] = parseEntry(entry, "--weights");
    const index = assets.indexOf(name);
    if (index < 0) throw new UnknownAssetError(name, assets);
    if (seen.has(name)) throw new InvalidFlagError("--weights", `${name} is listed twice`);
    seen.add(name);
    const weight = percent * 100;
    if (percent < 0 || Math.abs(weight - Math.round(weight)) > 1e-6) {
      throw new InvalidFlagError(
        "--weights",
        `${name}=${percent} must be a percentage ≥ 0 with at most 2 decimals`,
      );
    }
    bps[index] = Math.round(weight);
  }
  const sum = bps.reduce((a, b) => a + b, 0);
  if (sum !== BPS) throw new WeightsSumError(sum / 100);
  return bps;
}

/** Parses `BTC=0.1,USDT=5` into a per-asset override map, checking every name. */
export function parseAssetMap(text: string, assets: readonly string[], flag: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const entry of splitEntries(text, flag)) {
    const [name, value] = parseEntry(entry, flag);
    if (!assets.includes(name)) throw new UnknownAssetError(name, assets);
    if (value < 0) throw new InvalidFlagError(flag, `${name}=${value} must be ≥ 0`);
    out.set(name, value);
  }
  return out;
}

/**
 * {bps} Keeps the proportions of the risk weights, gives the stablecoin `stableBps`, and rounds with
 * the largest-remainder method so the result is integer bps summing to 10000 (ties to the lower index).
 */
export function withStableWeight(
  weightsBps: readonly number[],
  stableIndex: number,
  stableBps: number,
): number[] {
  const riskSum = weightsBps.reduce((sum, w, i) => (i === stableIndex ? sum : sum + w), 0);
  if (riskSum === 0) throw new InvalidFlagError("--weights", "at least one non-stable asset needs a weight");
  if (!Number.isInteger(stableBps) || stableBps < 0 || stableBps >= BPS) {
    throw new InvalidFlagError("stable weight", `${stableBps / 100}% must be in [0, 100)`);
  }
  const room = BPS - stableBps;
  const exact = weightsBps.map((w, i) => (i === stableIndex ? 0 : (w * room) / riskSum));
  const out = exact.map((x) => Math.floor(x));
  let left = room - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, remainder: x - Math.floor(x) }))
    .filter(({ i }) => i !== stableIndex)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  out[stableIndex] = stableBps;
  return out;
}

/** Formats weights as the --weights flag takes them. */
export function formatWeights(weightsBps: readonly number[], assets: readonly string[]): string {
  return assets.map((asset, i) => `${asset}=${(weightsBps[i] ?? 0) / 100}`).join(",");
}

function splitEntries(text: string, flag: string): string[] {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) throw new InvalidFlagError(flag, "expected ASSET=NUMBER[,ASSET=NUMBER...]");
  return entries;
}

function parseEntry(entry: string, flag: string): [string, number] {
  const match = /^([A-Za-z0-9]+)\s*=\s*(-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?)$/.exec(entry);
  if (match === null) throw new InvalidFlagError(flag, `"${entry}" is not ASSET=NUMBER`);
  return [(match[1] ?? "").toUpperCase(), Number(match[2])];
}
