import { type Address, formatUnits, isAddressEqual } from "viem";

/** A token as messages name it. */
export type TokenInfo = {
  readonly address?: Address | undefined;
  readonly symbol: string;
  readonly decimals: number;
  /** The asset's Venus market, when it is a fund asset (errors that name a vToken). */
  readonly vToken?: Address | undefined;
};

/**
 * What a message needs to speak in symbols and human units instead of indices and raw units: the fund's
 * assets in basket order, its share token and the stablecoin the router trades through. Every field is
 * optional: without it, a message falls back to the index or the address and raw units.
 */
export type ErrorContext = {
  readonly assets?: readonly TokenInfo[] | undefined;
  readonly share?: TokenInfo | undefined;
  readonly stable?: TokenInfo | undefined;
};

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * `raw` in whole units, cut (not rounded) to `decimals` digits after the point, trailing zeros dropped,
 * thousands grouped: 2650759470266168430000 at 18 decimals, 4 digits → "2,650.7594".
 */
export function formatAmount(raw: bigint, tokenDecimals: number, digits = 4): string {
  const negative = raw < 0n;
  const [whole = "0", fraction = ""] = formatUnits(negative ? -raw : raw, tokenDecimals).split(".");
  let cut = fraction.slice(0, digits).replace(/0+$/, "");
  // A small non-zero amount keeps its first significant digits instead of reading "0".
  if (whole === "0" && cut === "" && fraction !== "") {
    const first = fraction.search(/[1-9]/);
    cut = fraction.slice(0, first + 2).replace(/0+$/, "");
  }
  return `${negative ? "-" : ""}${group(whole)}${cut === "" ? "" : `.${cut}`}`;
}

/**
 * Two amounts shown side by side, with as many digits as it takes to tell them apart (at least `digits`),
 * so a bound missed by a hair never reads "needs 2.5 but at most 2.5".
 */
export function formatAmounts(a: bigint, b: bigint, tokenDecimals: number, digits = 4): [string, string] {
  for (let d = digits; d <= tokenDecimals; d++) {
    const pair: [string, string] = [formatAmount(a, tokenDecimals, d), formatAmount(b, tokenDecimals, d)];
    if (a === b || pair[0] !== pair[1]) return pair;
  }
  return [formatAmount(a, tokenDecimals, tokenDecimals), formatAmount(b, tokenDecimals, tokenDecimals)];
}

/** Unix seconds as `2025-01-01 00:05:00 UTC`. */
export function formatTimestamp(seconds: bigint): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || ms > 8.64e15) return `${seconds} (unix seconds)`;
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Reads an ErrorContext for messages; every method falls back to indices, addresses and raw units. */
export class Explainer {
  constructor(readonly context: ErrorContext = {}) {}

  /** The asset at a basket index. */
  asset(index: bigint): TokenInfo | undefined {
    return this.context.assets?.[Number(index)];
  }

  /** "BTCB" for a basket index, or "asset 3". */
  assetName(index: bigint): string {
    return this.asset(index)?.symbol ?? `asset ${index}`;
  }

  /** A token or vToken address by its symbol when the context knows it, else the address. */
  tokenName(address: Address): string {
    const known = [...(this.context.assets ?? []), this.context.stable, this.context.share];
    for (const t of known) {
      if (t?.address !== undefined && isAddressEqual(t.address, address)) return t.symbol;
      if (t?.vToken !== undefined && isAddressEqual(t.vToken, address)) return `${t.symbol}'s Venus market`;
    }
    return address;
  }

  /** Two amounts of the asset at `index`, told apart: ["2.6507 BTCB", "2.5 BTCB"]. */
  assetAmounts(index: bigint, a: bigint, b: bigint): [string, string] {
    return this.pair(this.asset(index), a, b, `of ${this.assetName(index)} (raw units)`);
  }

  assetAmount(index: bigint, raw: bigint): string {
    return this.one(this.asset(index), raw, `of ${this.assetName(index)} (raw units)`);
  }

  stableAmounts(a: bigint, b: bigint): [string, string] {
    return this.pair(this.context.stable, a, b, "of the stablecoin (raw units)");
  }

  stableAmount(raw: bigint): string {
    return this.one(this.context.stable, raw, "of the stablecoin (raw units)");
  }

  shareAmounts(a: bigint, b: bigint): [string, string] {
    return this.pair(this.context.share, a, b, "shares (raw units)");
  }

  shareAmount(raw: bigint): string {
    return this.one(this.context.share, raw, "shares (raw units)");
  }

  /** D18{USD} as "$1,234.56". */
  usd(d18: bigint): string {
    return `$${formatAmount(d18, 18, 2)}`;
  }

  private one(token: TokenInfo | undefined, raw: bigint, fallback: string): string {
    return token === undefined
      ? `${raw} ${fallback}`
      : `${formatAmount(raw, token.decimals)} ${token.symbol}`;
  }

  private pair(token: TokenInfo | undefined, a: bigint, b: bigint, fallback: string): [string, string] {
    if (token === undefined) return [`${a} ${fallback}`, `${b} ${fallback}`];
    const [x, y] = formatAmounts(a, b, token.decimals);
    return [`${x} ${token.symbol}`, `${y} ${token.symbol}`];
  }
}
