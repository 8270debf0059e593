// The app's Vite configuration, shared by `vite build` (vite.config.ts), the dev server and the preview
// server that `npm start` and the browser tests run (server/index.ts).
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { InlineConfig } from "vite";

/** apps/web: Vite's root (index.html). */
export const WEB_ROOT = fileURLToPath(new URL("../", import.meta.url));

export function webConfig(outDir?: string): InlineConfig {
  return {
    root: WEB_ROOT,
    configFile: false,
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir: outDir ?? `${WEB_ROOT}dist`,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      reportCompressedSize: false,
      // The first page's budget is gzip bytes, measured by `npm run bench -w @blocketf/web`; Vite's
      // warning counts minified bytes of any chunk (wagmi + viem + React make the entry ~500 kB of them).
      chunkSizeWarningLimit: 700,
    },
  };
}
