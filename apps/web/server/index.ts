// @blocketf/web/server: builds the app and serves it (Vite's dev server, or the production bundle through
// Vite's preview server) with its runtime configuration. `npm start` (apps/devnet) and the browser tests
// call these; the browser code is under src/.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { build, createServer, preview } from "vite";
import { type RuntimeOptions, runtimePlugin } from "./runtime.js";
import { webConfig } from "./viteConfig.js";

export type { Faucet, FaucetGrant, RuntimeConfig, RuntimeOptions } from "./runtime.js";
export { WEB_ROOT } from "./viteConfig.js";

export type StartWebOptions = RuntimeOptions & {
  /** "dev": Vite's dev server (compiles on request, reloads on edit); "preview": a built bundle. */
  readonly mode: "dev" | "preview";
  /** The bundle to serve in "preview" mode (default apps/web/dist). */
  readonly outDir?: string | undefined;
  /** 0 = any free port. */
  readonly port?: number | undefined;
  readonly host?: string | undefined;
};

export type RunningWeb = { readonly url: string; stop(): Promise<void> };

/** Builds the production bundle into `outDir` (default apps/web/dist). */
export async function buildWeb(outDir?: string): Promise<void> {
  await build(webConfig(outDir));
}

function urlOf(address: AddressInfo | string | null | undefined, host: string): string {
  if (address === null || address === undefined || typeof address === "string")
    throw new Error("the web server did not report its port");
  return `http://${host}:${address.port}`;
}

/** Serves the app; `url` is where a browser opens it. */
export async function startWeb(o: StartWebOptions): Promise<RunningWeb> {
  const host = o.host ?? "127.0.0.1";
  const base = webConfig(o.outDir);
  const plugins = [...(base.plugins ?? []), runtimePlugin(o)];
  const server = { host, port: o.port ?? 0, strictPort: o.port !== undefined && o.port !== 0 };
  if (o.mode === "dev") {
    const dev = await createServer({ ...base, plugins, server });
    await dev.listen();
    return { url: urlOf(dev.httpServer?.address(), host), stop: () => dev.close() };
  }
  const outDir = base.build?.outDir ?? "dist";
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`No built app in ${outDir}: run npm run build -w @blocketf/web first.`);
  const server2 = await preview({ ...base, plugins, preview: server });
  return {
    url: urlOf(server2.httpServer.address(), host),
    stop: () => server2.close(),
  };
}
