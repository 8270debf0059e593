import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { CT5U, resolveSymbol } from "@blocketf/core";
import { DateRangeError, InvalidFlagError, MalformedCsvError } from "../errors.js";
import { parseCsv, parseNumberCell } from "./csv.js";

/** The stablecoin every trade goes through; in USDT-quoted data its price is 1 by construction. */
export const STABLE = "USDT";

const DAY = 86_400;

/**
 * Prices of every asset at the close of each bar, in USDT. The stablecoin is appended as the last
 * column with a price of exactly 1 (the files are USDT-quoted; no de-peg is modelled).
 */
export type PriceHistory = {
  readonly file: string;
  readonly assets: readonly string[];
  readonly stableIndex: number;
  /** UTC date (YYYY-MM-DD) of each bar's open, used for --from/--to. */
  readonly days: readonly string[];
  /** Label of each step: the date for daily bars, the close time for intraday bars. */
  readonly labels: readonly string[];
  /** {s} Unix close time of each bar. */
  readonly times: Float64Array;
  /** {USDT/asset} Step-major matrix: prices[t * assets.length + i]. */
  readonly prices: Float64Array;
  /** {s} Bar length, from the first two rows. */
  readonly stepSeconds: number;
};

/** Reads a wide close file (`date,...` daily or `open_time_utc,...` intraday) into a PriceHistory. */
export function loadPriceHistory(path: string): PriceHistory {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error: unknown) {
    throw new InvalidFlagError("price file", `cannot read ${path} (${errorMessage(error)})`);
  }
  return parsePriceHistory(text, basename(path));
}

export function parsePriceHistory(text: string, file: string): PriceHistory {
  const table = parseCsv(text, file);
  const [timeColumn, ...risky] = table.header;
  const daily = timeColumn === "date";
  if (!daily && timeColumn !== "open_time_utc") {
    throw new MalformedCsvError(
      file,
      1,
      `first column must be "date" or "open_time_utc", got "${timeColumn}"`,
    );
  }
  if (risky.length === 0) throw new MalformedCsvError(file, 1, "no asset columns");
  if (risky.includes(STABLE)) throw new MalformedCsvError(file, 1, `${STABLE} is implied (price 1), drop it`);
  if (table.rows.length < 2) throw new MalformedCsvError(file, 2, "fewer than two rows of prices");

  // The data's columns say BTC and BNB: each name the fund spec knows takes its one spelling (BTCB, WBNB).
  const assets = [...risky.map((name) => resolveSymbol(CT5U, name) ?? name), STABLE];
  if (new Set(assets).size !== assets.length)
    throw new MalformedCsvError(file, 1, "an asset is listed twice");
  const n = assets.length;
  const steps = table.rows.length;
  const prices = new Float64Array(steps * n);
  const times = new Float64Array(steps);
  const days: string[] = [];
  const labels: string[] = [];
  for (let t = 0; t < steps; t++) {
    const row = table.rows[t] ?? [];
    const line = table.lines[t] ?? 0;
    const stamp = (row[0] ?? "").trim();
    const open = daily ? parseDay(stamp) : parseInstant(stamp);
    if (open === undefined) throw new MalformedCsvError(file, line, `bad timestamp "${stamp}"`);
    days.push(stamp.slice(0, 10));
    for (let i = 0; i < risky.length; i++) {
      const price = parseNumberCell(row[i + 1] ?? "", file, line, risky[i] ?? "");
      if (price <= 0)
        throw new MalformedCsvError(file, line, `column ${risky[i]} is ${price}, not a positive price`);
      prices[t * n + i] = price;
    }
    prices[t * n + n - 1] = 1;
    times[t] = open;
  }
  const stepSeconds = (times[1] ?? 0) - (times[0] ?? 0);
  for (let t = 0; t < steps; t++) {
    const close = (times[t] ?? 0) + (daily ? DAY : stepSeconds);
    if (t > 0 && close <= (times[t - 1] ?? 0)) {
      throw new MalformedCsvError(file, table.lines[t] ?? 0, "timestamps are not strictly increasing");
    }
    times[t] = close;
    labels.push(daily ? (days[t] ?? "") : new Date(close * 1000).toISOString().replace(":00.000Z", "Z"));
  }
  return { file, assets, stableIndex: n - 1, days, labels, times, prices, stepSeconds };
}

/** Step range [start, end) of the bars whose open date lies in [from, to] (inclusive, YYYY-MM-DD). */
export function selectWindow(
  history: PriceHistory,
  from: string | undefined,
  to: string | undefined,
): { start: number; end: number } {
  const first = history.days[0] ?? "";
  const last = history.days[history.days.length - 1] ?? "";
  const lo = from ?? first;
  const hi = to ?? last;
  for (const [flag, value] of [
    ["--from", lo],
    ["--to", hi],
  ] as const) {
    if (parseDay(value) === undefined)
      throw new InvalidFlagError(flag, `"${value}" is not a date YYYY-MM-DD`);
  }
  if (lo < first || hi > last) {
    throw new DateRangeError(
      `Window ${lo} → ${hi} is outside the data (${history.file} covers ${first} → ${last}).`,
    );
  }
  if (lo >= hi) throw new DateRangeError(`--from ${lo} must be before --to ${hi}.`);
  let start = 0;
  while (start < history.days.length && (history.days[start] ?? "") < lo) start++;
  let end = start;
  while (end < history.days.length && (history.days[end] ?? "") <= hi) end++;
  if (end - start < 2) throw new DateRangeError(`Window ${lo} → ${hi} holds fewer than two bars.`);
  return { start, end };
}

function parseDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? undefined : ms / 1000;
}

function parseInstant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
