/**
 * Minimal SVG charts, written as strings so the report needs no library and no network. Every chart
 * is a complete <svg> document (fonts: sans-serif) that renders the same in a browser and in resvg.
 */

export const PALETTE = [
  "#f7931a",
  "#627eea",
  "#d4a017",
  "#23292f",
  "#14f195",
  "#26a17b",
  "#c0392b",
  "#8e44ad",
];

const WIDTH = 900;
const HEIGHT = 320;
const M = { left: 70, right: 130, top: 36, bottom: 40 };

export type Line = { readonly name: string; readonly values: ArrayLike<number>; readonly color: string };

export type ChartFrame = {
  readonly title: string;
  /** Label of each x position (dates). */
  readonly xLabels: readonly string[];
  readonly yFormat: (y: number) => string;
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function open(title: string, height = HEIGHT): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11">` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<text x="${M.left}" y="20" font-size="14" font-weight="bold" fill="#222">${escapeXml(title)}</text>`
  );
}

function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  return ticks;
}

function xAxis(xLabels: readonly string[], x: (k: number) => number, bottom: number): string {
  let out = "";
  const n = xLabels.length;
  const every = Math.max(1, Math.ceil(n / 8));
  for (let k = 0; k < n; k += every) {
    out += `<line x1="${x(k)}" x2="${x(k)}" y1="${bottom}" y2="${bottom + 4}" stroke="#888"/>`;
    out += `<text x="${x(k)}" y="${bottom + 16}" text-anchor="middle" fill="#555">${escapeXml((xLabels[k] ?? "").slice(0, 10))}</text>`;
  }
  return out;
}

/** Step through long series so a chart holds at most ~1,500 points. */
export function stride(length: number): number {
  return Math.max(1, Math.ceil(length / 1500));
}

function path(values: ArrayLike<number>, x: (k: number) => number, y: (v: number) => number): string {
  const step = stride(values.length);
  let d = "";
  for (let k = 0; k < values.length; k += step)
    d += `${d === "" ? "M" : "L"}${x(k).toFixed(1)},${y(values[k] ?? 0).toFixed(1)}`;
  const last = values.length - 1;
  if (last > 0 && last % step !== 0) d += `L${x(last).toFixed(1)},${y(values[last] ?? 0).toFixed(1)}`;
  return d;
}

function legend(items: readonly { name: string; color: string }[], top: number): string {
  return items
    .map(
      (item, k) =>
        `<rect x="${WIDTH - M.right + 12}" y="${top + k * 18}" width="12" height="12" fill="${item.color}"/>` +
        `<text x="${WIDTH - M.right + 30}" y="${top + k * 18 + 10}" fill="#333">${escapeXml(item.name)}</text>`,
    )
    .join("");
}

export type Markers = {
  readonly positions: readonly number[];
  readonly color: string;
  readonly name: string;
};

/** Lines over a shared x axis, optionally on a log y scale, with vertical marker ticks. */
export function lineChart(
  frame: ChartFrame,
  lines: readonly Line[],
  options: { log?: boolean; markers?: readonly Markers[] } = {},
): string {
  const n = frame.xLabels.length;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const line of lines) {
    for (let k = 0; k < line.values.length; k++) {
      const v = line.values[k] ?? 0;
      if (options.log && v <= 0) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const bottom = HEIGHT - M.bottom;
  const x = (k: number) => M.left + ((WIDTH - M.left - M.right) * k) / Math.max(1, n - 1);
  const tf = (v: number) => (options.log ? Math.log(v) : v);
  const y = (v: number) => bottom - ((bottom - M.top) * (tf(v) - tf(lo))) / (tf(hi) - tf(lo));
  let out = open(frame.title);
  for (const tick of options.log ? logTicks(lo, hi) : niceTicks(lo, hi, 5)) {
    out += `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`;
    out += `<text x="${M.left - 6}" y="${y(tick) + 4}" text-anchor="end" fill="#555">${escapeXml(frame.yFormat(tick))}</text>`;
  }
  out += xAxis(frame.xLabels, x, bottom);
  out += `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${bottom}" y2="${bottom}" stroke="#888"/>`;
  options.markers?.forEach((markers, m) => {
    for (const k of markers.positions) {
      out += `<line x1="${x(k)}" x2="${x(k)}" y1="${M.top + m * 6}" y2="${M.top + m * 6 + 5}" stroke="${markers.color}" stroke-width="1.5"/>`;
    }
  });
  for (const line of lines) {
    out += `<path d="${path(line.values, x, y)}" fill="none" stroke="${line.color}" stroke-width="1.4"/>`;
  }
  const items = [
    ...lines,
    ...(options.markers ?? []).map((markers) => ({ name: markers.name, color: markers.color })),
  ];
  return `${out}${legend(items, M.top)}</svg>`;
}

/** Stacked areas (e.g. weights summing to 100%), bottom to top in series order, with markers on top. */
export function stackedChart(frame: ChartFrame, layers: readonly Line[], markers?: Markers): string {
  const n = frame.xLabels.length;
  const totals = new Float64Array(n);
  for (const layer of layers)
    for (let k = 0; k < n; k++) totals[k] = (totals[k] ?? 0) + (layer.values[k] ?? 0);
  let hi = 0;
  for (let k = 0; k < n; k++) hi = Math.max(hi, totals[k] ?? 0);
  if (hi === 0) hi = 1;
  const bottom = HEIGHT - M.bottom;
  const x = (k: number) => M.left + ((WIDTH - M.left - M.right) * k) / Math.max(1, n - 1);
  const y = (v: number) => bottom - ((bottom - M.top) * v) / hi;
  let out = open(frame.title);
  for (const tick of niceTicks(0, hi, 5)) {
    out += `<text x="${M.left - 6}" y="${y(tick) + 4}" text-anchor="end" fill="#555">${escapeXml(frame.yFormat(tick))}</text>`;
  }
  out += xAxis(frame.xLabels, x, bottom);
  const base = new Float64Array(n);
  const step = stride(n);
  for (const layer of layers) {
    let upper = "";
    let lower = "";
    for (let k = 0; k < n; k += step) {
      const b = base[k] ?? 0;
      const top = b + (layer.values[k] ?? 0);
      upper += `${upper === "" ? "M" : "L"}${x(k).toFixed(1)},${y(top).toFixed(1)}`;
      lower = `L${x(k).toFixed(1)},${y(b).toFixed(1)}${lower}`;
    }
    out += `<path d="${upper}${lower}Z" fill="${layer.color}" fill-opacity="0.85" stroke="none"/>`;
    for (let k = 0; k < n; k++) base[k] = (base[k] ?? 0) + (layer.values[k] ?? 0);
  }
  if (markers !== undefined) {
    for (const k of markers.positions) {
      out += `<line x1="${x(k)}" x2="${x(k)}" y1="${M.top}" y2="${bottom}" stroke="${markers.color}" stroke-width="0.8" stroke-opacity="0.7"/>`;
    }
  }
  const items = [...layers].reverse().map((layer) => ({ name: layer.name, color: layer.color }));
  if (markers !== undefined) items.push({ name: markers.name, color: markers.color });
  return `${out}${legend(items, M.top)}</svg>`;
}

/** A heat-map of `values[row][col]` with labelled axes and the value printed in each cell. */
export function heatmap(
  title: string,
  rows: readonly string[],
  cols: readonly string[],
  values: readonly (readonly number[])[],
  format: (v: number) => string,
  axisNames: { readonly rows: string; readonly cols: string },
): string {
  const height = 60 + rows.length * 26 + 50;
  const cellW = Math.min(80, (WIDTH - M.left - 40) / Math.max(1, cols.length));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const row of values)
    for (const v of row) if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const color = (v: number) => {
    const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
    // Blue (low) to yellow (high), readable text both ends.
    const r = Math.round(40 + 215 * t);
    const g = Math.round(80 + 150 * t);
    const b = Math.round(160 - 120 * t);
    return `rgb(${r},${g},${b})`;
  };
  let out = open(title, height);
  const top = 50;
  rows.forEach((rowName, r) => {
    out += `<text x="${M.left - 6}" y="${top + r * 26 + 17}" text-anchor="end" fill="#333">${escapeXml(rowName)}</text>`;
    cols.forEach((_, c) => {
      const v = values[r]?.[c] ?? Number.NaN;
      const cx = M.left + c * cellW;
      out += `<rect x="${cx}" y="${top + r * 26}" width="${cellW - 2}" height="24" fill="${Number.isFinite(v) ? color(v) : "#ddd"}"/>`;
      out += `<text x="${cx + cellW / 2 - 1}" y="${top + r * 26 + 16}" text-anchor="middle" fill="#111">${escapeXml(Number.isFinite(v) ? format(v) : "")}</text>`;
    });
  });
  const axisY = top + rows.length * 26;
  cols.forEach((colName, c) => {
    out += `<text x="${M.left + c * cellW + cellW / 2 - 1}" y="${axisY + 16}" text-anchor="middle" fill="#333">${escapeXml(colName)}</text>`;
  });
  out += `<text x="${M.left}" y="${axisY + 36}" fill="#555">${escapeXml(`columns: ${axisNames.cols}; rows: ${axisNames.rows}`)}</text>`;
  return `${out}</svg>`;
}
