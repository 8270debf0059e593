import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BASKET, type BasketSymbol, CT5U, resolveSymbol } from "@blocketf/core";
import { DevnetConfigError } from "./errors.js";

/** Binance daily closes in USDT (see data/README.md for provenance); the repo's own copy. */
export const DAILY_FILE = fileURLToPath(new URL("../../../data/daily_close_usdt_wide.csv", import.meta.url));

/** The basket's priced symbols; USDT is the numeraire (price 1). */
const PRICED = BASKET.filter((s) => s !== CT5U.stable);

export type DailyPrices = {
  readonly dates: readonly string[];
  /** USD price of every basket symbol on each date. */
  readonly prices: ReadonlyArray<Readonly<Record<BasketSymbol, number>>>;
};

/** Reads the daily closes from `from` onward; clear errors for a missing file, bad rows or a bad date. */
export function loadDailyPrices(from: string, file = DAILY_FILE): DailyPrices {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new DevnetConfigError(`price history not found at ${file} (it ships with the repo: restore data/)`);
  }
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  // The data's columns say BTC and BNB: the spec's aliases of BTCB and WBNB.
  const index = (symbol: string): number => {
    const i = columns.findIndex((c) =>
      symbol === "date" ? c === "date" : resolveSymbol(CT5U, c) === symbol,
    );
    if (i < 0) throw new DevnetConfigError(`${file}: no "${symbol}" column`);
    return i;
  };
  const at = {
    date: index("date"),
    ...Object.fromEntries(PRICED.map((s) => [s, index(s)])),
  };
  const first = lines[0]?.split(",")[at.date] ?? "?";
  const last = lines.at(-1)?.split(",")[at.date] ?? "?";
  if (from < first) {
    throw new DevnetConfigError(
      `--from ${from} is before the first day of the data (${first}): choose a date from ${first} to ${last}`,
    );
  }
  const dates: string[] = [];
  const prices: Record<BasketSymbol, number>[] = [];
  for (const [n, line] of lines.entries()) {
    const cells = line.split(",");
    const date = cells[at.date] ?? "";
    if (date < from) continue;
    const row = { USDT: 1 } as Record<BasketSymbol, number>;
    for (const symbol of PRICED) {
      const value = Number(cells[(at as Record<string, number>)[symbol] ?? -1]);
      if (!Number.isFinite(value) || value <= 0)
        throw new DevnetConfigError(`${file}:${n + 2}: bad ${symbol} price`);
      row[symbol] = value;
    }
    dates.push(date);
    prices.push(row);
  }
  if (dates.length === 0) {
    throw new DevnetConfigError(`--from ${from} is after the last day of the data (${last})`);
  }
  return { dates, prices };
}
