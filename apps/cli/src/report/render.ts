import type { HeatmapSeriesOption, LineSeriesOption } from "echarts/charts";
import { HeatmapChart, LineChart } from "echarts/charts";
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  VisualMapComponentOption,
} from "echarts/components";
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  VisualMapComponent,
} from "echarts/components";
import { type ComposeOption, init, use } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Apache ECharts' own server-side rendering: no DOM, no browser, the SVG renderer writes a string.
use([
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | LineSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
  | VisualMapComponentOption
>;

/** Fonts resvg finds on Debian (DejaVu) first, then a browser's. */
export const FONT_FAMILY = "DejaVu Sans, Helvetica, Arial, sans-serif";

/**
 * Renders one chart to a complete <svg> document of a fixed size, with ECharts' server-side SVG renderer
 * (no animation: the first frame is the final one).
 */
export function renderSvg(
  option: ChartOption,
  size: { readonly width: number; readonly height: number },
): string {
  const chart = init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: FONT_FAMILY, fontSize: 11 },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
