import { Resvg } from "@resvg/resvg-js";

/**
 * Renders one SVG chart to PNG with resvg (a prebuilt native binary shipped as an npm optional
 * dependency; no network). Text uses the system fonts; without any, shapes still render.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
