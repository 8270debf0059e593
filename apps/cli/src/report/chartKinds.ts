import type { LineSeriesOption } from "echarts/charts";
import { type ChartOption, renderSvg } from "./render.js";

/** One colour per basket asset, in the basket's order (then two spares). */
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
/** Plot area inside the chart: room for the y labels on the left and the legend on the right. */
const GRID = { left: 70, right: 150, top: 40, bottom: 40 };

export type Line = { readonly name: string; readonly values: ArrayLike<number>; readonly color: string };

export type ChartFrame = {
  readonly title: string;
  /** Label of each x position (dates). */
  readonly xLabels: readonly string[];
  readonly yFormat: (y: number) => string;
};

/** Rebalances (positions on the x axis) drawn as thin vertical lines, one legend entry per set. */
export type Markers = {
  readonly positions: readonly number[];
  readonly color: string;
  readonly name: string;
};

/** Step through long series so a chart holds at most ~1,500 points (the last one always kept). */
export function stride(length: number): number {
  return Math.max(1, Math.ceil(length / 1500));
}

/** The x positions a chart draws: every `stride`-th and the last. */
function sampled(length: number): number[] {
  const step = stride(length);
  const at: number[] = [];
  for (let k = 0; k < length; k += step) at.push(k);
  if (length > 0 && at[at.length - 1] !== length - 1) at.push(length - 1);
  return at;
}

function frameOption(frame: ChartFrame, at: readonly number[], legend: readonly string[]): ChartOption {
  return {
    title: { text: frame.title, left: GRID.left, top: 8, textStyle: { fontSize: 14, color: "#222" } },
    legend: { data: [...legend], orient: "vertical", right: 8, top: GRID.top, itemWidth: 14, itemHeight: 10 },
    grid: { ...GRID },
    xAxis: {
      type: "category",
      boundaryGap: false,
      data: at.map((k) => (frame.xLabels[k] ?? "").slice(0, 10)),
      axisLabel: { color: "#555" },
      // At the bottom of the plot even when the y range holds 0 (drawdowns end at 0 %).
      axisLine: { onZero: false, lineStyle: { color: "#888" } },
    },
  };
}

/** Marker sets as series without data whose vertical mark lines sit at the markers' sampled positions. */
function markerSeries(markers: readonly Markers[], at: readonly number[]): LineSeriesOption[] {
  const step = stride(at.length > 0 ? (at[at.length - 1] ?? 0) + 1 : 0);
  return markers.map((m) => ({
    type: "line",
    name: m.name,
    data: [],
    color: m.color,
    markLine: {
      silent: true,
      symbol: "none",
      label: { show: false },
      lineStyle: { color: m.color, width: 0.8, type: "solid", opacity: 0.7 },
      data: [...new Set(m.positions.map((k) => Math.min(at.length - 1, Math.round(k / step))))].map((i) => ({
        xAxis: i,
      })),
    },
  }));
}

/** Lines over a shared x axis, optionally on a log y scale, with rebalance markers. */
export function lineChart(
  frame: ChartFrame,
  lines: readonly Line[],
  options: { log?: boolean; markers?: readonly Markers[] } = {},
): string {
  const at = sampled(frame.xLabels.length);
  const markers = options.markers ?? [];
  const legend = [...lines.map((l) => l.name), ...markers.map((m) => m.name)];
  return renderSvg(
    {
      ...frameOption(frame, at, legend),
      yAxis: {
        type: options.log ? "log" : "value",
        scale: true,
        // A log axis starts at the data, not at the power of ten below it.
        ...(options.log
          ? {
              min: "dataMin" as const,
              max: "dataMax" as const,
              minorSplitLine: { show: true, lineStyle: { color: "#f4f4f4" } },
            }
          : {}),
        axisLabel: { color: "#555", formatter: (v: number) => frame.yFormat(v) },
        splitLine: { lineStyle: { color: "#eee" } },
      },
      series: [
        ...lines.map(
          (line): LineSeriesOption => ({
            type: "line",
            name: line.name,
            color: line.color,
            showSymbol: false,
            lineStyle: { width: 1.4 },
            data: at.map((k) => line.values[k] ?? 0),
          }),
        ),
        ...markerSeries(markers, at),
      ],
    },
    { width: WIDTH, height: HEIGHT },
  );
}

/** Stacked areas (e.g. weights summing to 100 %), bottom to top in layer order, with rebalance markers. */
export function stackedChart(frame: ChartFrame, layers: readonly Line[], markers?: Markers): string {
  const at = sampled(frame.xLabels.length);
  const marks = markers === undefined ? [] : [markers];
  // The legend reads top to bottom like the stack.
  const legend = [...[...layers].reverse().map((l) => l.name), ...marks.map((m) => m.name)];
  return renderSvg(
    {
      ...frameOption(frame, at, legend),
      yAxis: {
        type: "value",
        min: 0,
        axisLabel: { color: "#555", formatter: (v: number) => frame.yFormat(v) },
        splitLine: { lineStyle: { color: "#eee" } },
      },
      series: [
        ...layers.map(
          (layer): LineSeriesOption => ({
            type: "line",
            name: layer.name,
            color: layer.color,
            stack: "layers",
            showSymbol: false,
            lineStyle: { width: 0 },
            areaStyle: { opacity: 0.85 },
            data: at.map((k) => layer.values[k] ?? 0),
          }),
        ),
        ...markerSeries(marks, at),
      ],
    },
    { width: WIDTH, height: HEIGHT },
  );
}

/** A heat-map of `values[row][col]` with named axes, the value printed in each cell and a colour scale. */
export function heatmap(
  title: string,
  rows: readonly string[],
  cols: readonly string[],
  values: readonly (readonly number[])[],
  format: (v: number) => string,
  axisNames: { readonly rows: string; readonly cols: string },
): string {
  const cells: [number, number, number][] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  rows.forEach((_, r) => {
    cols.forEach((_, c) => {
      const v = values[r]?.[c] ?? Number.NaN;
      if (!Number.isFinite(v)) return;
      cells.push([c, r, v]);
      [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    });
  });
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const cellWidth = Math.min(80, (WIDTH - GRID.left - GRID.right) / Math.max(1, cols.length));
  const height = 40 + rows.length * 26 + 70;
  return renderSvg(
    {
      title: { text: title, left: GRID.left, top: 8, textStyle: { fontSize: 14, color: "#222" } },
      grid: { left: GRID.left + 40, top: 40, bottom: 60, width: cellWidth * cols.length },
      xAxis: {
        type: "category",
        data: [...cols],
        name: `${axisNames.cols} →`,
        nameLocation: "middle",
        nameGap: 26,
        splitArea: { show: false },
        axisLabel: { color: "#333" },
      },
      yAxis: {
        type: "category",
        data: [...rows],
        // The first row on top, as in the sweep's table.
        inverse: true,
        name: `← ${axisNames.rows}`,
        nameLocation: "middle",
        nameGap: 50,
        axisLabel: { color: "#333" },
      },
      visualMap: {
        min: lo,
        max: hi,
        calculable: false,
        orient: "vertical",
        right: 20,
        top: 60,
        itemHeight: Math.max(60, rows.length * 26 - 20),
        text: [format(hi), format(lo)],
        // Blue (low) to yellow (high), readable text both ends.
        inRange: { color: ["rgb(40,80,160)", "rgb(255,230,40)"] },
      },
      series: [
        {
          type: "heatmap",
          data: cells,
          label: {
            show: true,
            color: "#111",
            formatter: (p: { value?: unknown }) =>
              Array.isArray(p.value) && typeof p.value[2] === "number" ? format(p.value[2]) : "",
          },
          itemStyle: { borderColor: "#ffffff", borderWidth: 2 },
        },
      ],
    },
    { width: WIDTH, height },
  );
}
