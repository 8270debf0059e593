import { BPS } from "@blocketf/core";
import { InvalidFlagError } from "../errors.js";

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
