import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { CT5U, resolveSymbol } from "@blocketf/core";
import { InvalidFlagError, MalformedCsvError, UnknownAssetError } from "../errors.js";
import { parseCsv, parseNumberCell } from "./csv.js";
import { errorMessage, type PriceHistory } from "./prices.js";

/**
 * {%/year} Reads a Venus supply APY series, `date,ASSET,...` in percent, into the step-major layout of
 * `history`. A row holds from its date until the next row; before the first row, and for assets the
 * file does not list, the constant `fallbackPct` applies.
 */
export function loadApySeries(
  path: string,
  history: PriceHistory,
  fallbackPct: readonly number[],
): Float64Array {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error: unknown) {
    throw new InvalidFlagError("--apy-file", `cannot read ${path} (${errorMessage(error)})`);
  }
  return parseApySeries(text, basename(path), history, fallbackPct);
}

export function parseApySeries(
  text: string,
  file: string,
  history: PriceHistory,
  fallbackPct: readonly number[],
): Float64Array {
  const table = parseCsv(text, file);
  const [dateColumn, ...columns] = table.header;
  if (dateColumn !== "date")
    throw new MalformedCsvError(file, 1, `first column must be "date", got "${dateColumn}"`);
  const indices = columns.map((asset) => {
    const index = history.assets.indexOf(resolveSymbol(CT5U, asset) ?? asset);
    if (index < 0) throw new UnknownAssetError("--apy-file", asset, history.assets);
    return index;
  });
  const rows = table.rows.map((row, r) => {
    const line = table.lines[r] ?? 0;
    const date = (row[0] ?? "").trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MalformedCsvError(file, line, `bad date "${date}"`);
    if (r > 0 && date <= (table.rows[r - 1]?.[0] ?? "").trim()) {
      throw new MalformedCsvError(file, line, "dates are not strictly increasing");
    }
    return { date, values: columns.map((asset, c) => parseNumberCell(row[c + 1] ?? "", file, line, asset)) };
  });
  const n = history.assets.length;
  const out = new Float64Array(history.days.length * n);
  let current = -1;
  for (let t = 0; t < history.days.length; t++) {
    const day = history.days[t] ?? "";
    while (current + 1 < rows.length && (rows[current + 1]?.date ?? "") <= day) current++;
    for (let i = 0; i < n; i++) out[t * n + i] = fallbackPct[i] ?? 0;
    const row = rows[current];
    if (row === undefined) continue;
    indices.forEach((index, c) => {
      out[t * n + index] = row.values[c] ?? 0;
    });
  }
  return out;
}
