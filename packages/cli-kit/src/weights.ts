import { BPS, type FundSpec, resolveSymbol } from "@blocketf/core";
import { UnknownAssetError, UsageError, WeightsSumError } from "./errors.js";

export type ParseWeightsOptions = {
  /** The flag named in errors (default `--weights`). */
  readonly flag?: string;
  /** Every asset needs a weight > 0 (a deployed fund holds all of them). Default: unlisted assets get 0. */
  readonly requireAll?: boolean;
};

/**
 * {bps} Parses `BTCB=25,ETH=20,...` (percent, at most two decimals) into weights aligned to `assets`. Names
 * are the spec's symbols, case-insensitive, or their aliases (BTC for BTCB, BNB for WBNB), so the same
 * `--weights` works in every tool. The weights must sum to exactly 100 %.
 */
export function parseWeights(
  text: string,
  spec: FundSpec,
  assets: readonly string[],
  options: ParseWeightsOptions = {},
): number[] {
  const flag = options.flag ?? "--weights";
  const bps = assets.map(() => 0);
  const seen = new Set<string>();
  for (const [name, percent] of parseEntries(text, flag)) {
    const symbol = resolveSymbol(spec, name) ?? name.toUpperCase();
    const index = assets.indexOf(symbol);
    if (index < 0) throw new UnknownAssetError(flag, name, assets);
    if (seen.has(symbol)) throw new UsageError(`${flag}: ${symbol} is listed twice`);
    seen.add(symbol);
    const weight = percent * 100;
    if (percent < 0 || Math.abs(weight - Math.round(weight)) > 1e-6) {
      throw new UsageError(`${flag}: ${symbol}=${percent} must be a percent >= 0 with at most 2 decimals`);
    }
    bps[index] = Math.round(weight);
  }
  if (options.requireAll === true) {
    const missing = assets.filter((_, i) => bps[i] === 0);
    if (missing.length > 0) {
      throw new UsageError(
        `${flag}: every asset needs a weight > 0 (the fund holds all); missing ${missing.join(", ")}`,
      );
    }
  }
  const sum = bps.reduce((a, b) => a + b, 0);
  if (sum !== BPS) throw new WeightsSumError(flag, sum / 100);
  return bps;
}

/** Parses `BTCB=0.1,USDT=5` into a per-asset map (names as in `parseWeights`); values must be >= 0. */
export function parseAssetValues(
  text: string,
  spec: FundSpec,
  assets: readonly string[],
  flag: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, value] of parseEntries(text, flag)) {
    const symbol = resolveSymbol(spec, name) ?? name.toUpperCase();
    if (!assets.includes(symbol))
      throw new UsageError(`${flag}: unknown asset "${name}". Known: ${assets.join(", ")}.`);
    if (value < 0) throw new UsageError(`${flag}: ${symbol}=${value} must be >= 0`);
    out.set(symbol, value);
  }
  return out;
}

/** Formats weights as `--weights` takes them: `BTCB=25,ETH=20,...`. */
export function formatWeights(weightsBps: readonly number[], assets: readonly string[]): string {
  return assets.map((asset, i) => `${asset}=${(weightsBps[i] ?? 0) / 100}`).join(",");
}

function parseEntries(text: string, flag: string): Array<[string, number]> {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (entries.length === 0) throw new UsageError(`${flag}: expected ASSET=NUMBER[,ASSET=NUMBER...]`);
  return entries.map((entry) => {
    const match = /^([A-Za-z0-9]+)\s*=\s*(-?[0-9]*\.?[0-9]+(?:e-?[0-9]+)?)$/.exec(entry);
    if (match === null) throw new UsageError(`${flag}: "${entry}" is not ASSET=NUMBER`);
    return [match[1] ?? "", Number(match[2])];
  });
}
