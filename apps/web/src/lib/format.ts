// Numbers at the UI edge: bigint amounts in human units with their symbol, USD, percentages, dates.
import { formatUnits } from "viem";

const WAD = 10n ** 18n;

function groupDigits(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A fixed-point amount in whole units with at most `maxDigits` decimals (rounded down, trailing zeros
 * dropped) and thousands separators; tiny non-zero amounts say so instead of showing 0.
 */
export function formatAmount(raw: bigint, decimals: number, maxDigits = 4): string {
  const negative = raw < 0n;
  const abs = negative ? -raw : raw;
  const text = formatUnits(abs, decimals);
  const [whole = "0", frac = ""] = text.split(".");
  const cut = frac.slice(0, maxDigits).replace(/0+$/, "");
  if (abs > 0n && whole === "0" && cut === "")
    return `${negative ? "-" : ""}< 0.${"0".repeat(maxDigits - 1)}1`;
  return `${negative ? "-" : ""}${groupDigits(whole)}${cut === "" ? "" : `.${cut}`}`;
}

/** `1,234.5678 BTCB` */
export function formatToken(raw: bigint, decimals: number, symbol: string, maxDigits = 4): string {
  return `${formatAmount(raw, decimals, maxDigits)} ${symbol}`;
}

/** D18{USD} as dollars: `$1,234.56` (cents; below a cent, `< $0.01`). */
export function formatUsd(d18: bigint, digits = 2): string {
  const negative = d18 < 0n;
  const abs = negative ? -d18 : d18;
  const text = formatAmount(abs, 18, digits);
  if (text.startsWith("<")) return `${negative ? "-" : ""}< $${text.slice(2)}`;
  const [whole, frac = ""] = text.split(".");
  const shown = digits === 0 ? `$${whole}` : `$${whole}.${frac.padEnd(digits, "0")}`;
  return negative ? `-${shown}` : shown;
}

/** D18{USD} with a sign, for gains and losses: `+$12.30`, `-$4.00`. */
export function formatUsdSigned(d18: bigint, digits = 2): string {
  return d18 > 0n ? `+${formatUsd(d18, digits)}` : formatUsd(d18, digits);
}

/** A fraction (0.0512) as a percentage: `5.12 %`. */
export function formatPercent(fraction: number, digits = 2): string {
  if (!Number.isFinite(fraction)) return "–";
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** Basis points as a percentage: 2500 → `25.00 %`. */
export function formatBps(bps: bigint | number, digits = 2): string {
  return `${(Number(bps) / 100).toFixed(digits)} %`;
}

/** D18 value to a float for charts only (never for amounts sent on-chain). */
export function toNumber(d18: bigint, decimals = 18): number {
  return Number(formatUnits(d18, decimals));
}

/** D18{1} ratio as a bigint fraction of WAD → number. */
export const wadToNumber = (x: bigint): number => Number(x) / Number(WAD);

export const shortAddress = (a: string): string => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** A chain timestamp {s} as a UTC date: `2025-03-14`. */
export function formatDate(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
}

/** A chain timestamp {s} as UTC date and time: `2025-03-14 08:30 UTC`. */
export function formatDateTime(seconds: bigint | number): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A duration {s} in words: `3 h 20 min`, `2 days`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    const m = Math.round((s % 3600) / 60);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const d = Math.round(s / 86_400);
  return `${d} day${d === 1 ? "" : "s"}`;
}
