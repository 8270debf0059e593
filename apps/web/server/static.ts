// The production bundle served as files, with the SPA fallback (every page path answers index.html) and
// the runtime configuration. Not Vite's preview server, which exits the process on SIGTERM.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { type RuntimeOptions, runtimeMiddleware } from "./runtime.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export function staticHandler(outDir: string, o: RuntimeOptions) {
  const runtime = runtimeMiddleware(o);
  return (req: IncomingMessage, res: ServerResponse): void => {
    runtime(req, res, () => {
      const path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
      const file = normalize(join(outDir, path));
      const inside = file.startsWith(normalize(outDir));
      const found = inside && existsSync(file) && statSync(file).isFile();
      // Hashed assets never change; a page path is the app (index.html).
      const target = found ? file : join(outDir, "index.html");
      if (!found && path.startsWith("/assets/")) {
        res.statusCode = 404;
        res.end("not found");
        return;
      }
      res.setHeader("content-type", TYPES[extname(target)] ?? "application/octet-stream");
      res.setHeader(
        "cache-control",
        path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
      createReadStream(target).pipe(res);
    });
  };
}
