// @blocketf/web/server: builds the app and serves it (Vite's dev server in middleware mode, or the production
// bundle as files) with its runtime configuration. `npm start` (apps/devnet) and the browser tests call these;
// the browser code is under src/.
import { existsSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { build, createLogger, createServer, type ViteDevServer } from "vite";
import { type RuntimeOptions, runtimePlugin } from "./runtime.js";
import { staticHandler } from "./static.js";
import { webConfig } from "./viteConfig.js";

export type { Faucet, FaucetGrant, RuntimeConfig, RuntimeOptions } from "./runtime.js";
export { WEB_ROOT } from "./viteConfig.js";

export type StartWebOptions = RuntimeOptions & {
  /** "dev": Vite's dev server (compiles on request, reloads on edit); "preview": the built bundle. */
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

async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return `http://${host}:${address.port}`;
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * Waits for Vite's dependency scan and pre-bundling, which it starts in the background with the server:
 * the first page is then served without waiting for them, and a Ctrl-C just after start (a terminal's
 * reaches Vite's esbuild service too) finds no esbuild call in flight to fail outside any promise. A
 * second start with Vite's cache (node_modules/.vite) has nothing to wait for.
 */
async function depsOptimized(vite: ViteDevServer): Promise<void> {
  const optimizer = vite.environments.client.depsOptimizer;
  if (optimizer === undefined) return;
  await optimizer.scanProcessing;
  await Promise.all(Object.values(optimizer.metadata.discovered).map((dep) => dep.processing));
}

/**
 * Serves the app; `url` is where a browser opens it. Both modes run on this process's own HTTP server
 * (Vite in middleware mode for "dev"), so no server of Vite's installs signal handlers: the caller stops it.
 * A port in use rejects with Node's EADDRINUSE error.
 */
export async function startWeb(o: StartWebOptions): Promise<RunningWeb> {
  const host = o.host ?? "127.0.0.1";
  const base = webConfig(o.outDir);
  const http = createHttpServer();
  if (o.mode === "dev") {
    // A terminal's Ctrl-C reaches Vite's esbuild service too (same process group): its complaints after
    // that are noise on the way out, not something to act on.
    let interrupted = false;
    const onSignal = () => {
      interrupted = true;
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    const logger = createLogger(base.logLevel);
    const quiet = {
      ...logger,
      warn: (msg: string, options?: Parameters<typeof logger.warn>[1]) => {
        if (!interrupted) logger.warn(msg, options);
      },
      error: (msg: string, options?: Parameters<typeof logger.error>[1]) => {
        if (!interrupted) logger.error(msg, options);
      },
    };
    const vite = await createServer({
      ...base,
      customLogger: quiet,
      appType: "spa",
      plugins: [...(base.plugins ?? []), runtimePlugin(o)],
      server: { middlewareMode: true, hmr: { server: http } },
    });
    http.on("request", vite.middlewares);
    await depsOptimized(vite);
    const url = await listen(http, o.port ?? 0, host).catch(async (error: unknown) => {
      await vite.close();
      throw error;
    });
    return {
      url,
      stop: async () => {
        await Promise.all([vite.close(), close(http)]);
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      },
    };
  }
  const outDir = base.build?.outDir ?? "dist";
  if (!existsSync(`${outDir}/index.html`))
    throw new Error(`No built app in ${outDir}: run npm run build -w @blocketf/web first.`);
  http.on("request", staticHandler(outDir, o));
  const url = await listen(http, o.port ?? 0, host);
  return { url, stop: () => close(http) };
}
