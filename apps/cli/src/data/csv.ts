import { MalformedCsvError } from "../errors.js";

export type CsvTable = {
  readonly header: readonly string[];
  /** Rows of raw cells, each as long as the header. */
  readonly rows: readonly (readonly string[])[];
  /** 1-based line number of each row in the file, for error messages. */
  readonly lines: readonly number[];
};

/**
 * Parses a simple comma-separated file: a header, then rows of the same width. Double-quoted cells
 * may contain commas and doubled quotes. Blank lines are skipped.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const rawLines = text.split(/\r?\n/);
  let header: string[] | undefined;
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let l = 0; l < rawLines.length; l++) {
    const raw = rawLines[l] ?? "";
    if (raw.trim() === "") continue;
    const cells = splitCsvLine(raw, file, l + 1);
    if (header === undefined) {
      header = cells.map((cell) => cell.trim());
      continue;
    }
    if (cells.length !== header.length) {
      throw new MalformedCsvError(file, l + 1, `expected ${header.length} cells, got ${cells.length}`);
    }
    rows.push(cells);
    lines.push(l + 1);
  }
  if (header === undefined) throw new MalformedCsvError(file, 1, "the file is empty");
  return { header, rows, lines };
}

function splitCsvLine(line: string, file: string, lineNumber: number): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else {
      cell += char;
    }
  }
  if (quoted) throw new MalformedCsvError(file, lineNumber, "unterminated quote");
  cells.push(cell);
  return cells;
}

/** A strictly parsed finite number, or a MalformedCsvError naming the cell. */
export function parseNumberCell(cell: string, file: string, line: number, column: string): number {
  const trimmed = cell.trim();
  const value = trimmed === "" ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) {
    throw new MalformedCsvError(file, line, `column ${column} is "${cell}", not a number`);
  }
  return value;
}
