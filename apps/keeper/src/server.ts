import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { KeeperConfigError } from "./config.js";
import type { Keeper } from "./keeper.js";

export type HealthServer = { readonly url: string; readonly close: () => Promise<void> };

/** GET /health (JSON; 503 when unhealthy, stale or starting) and GET /metrics (Prometheus text). */
export async function startHealthServer(keeper: Keeper, host: string, port: number): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") {
      res.writeHead(405, { allow: "GET" }).end();
      return;
    }
    if (path === "/health") {
      const { httpStatus, body } = keeper.health();
      res.writeHead(httpStatus, { "content-type": "application/json" }).end(`${JSON.stringify(body)}\n`);
      return;
    }
    if (path === "/metrics") {
      keeper.metrics.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": keeper.metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("GET /health or /metrics\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      // Another keeper (or anything) on the port: the operator's mistake, one line and exit code 2.
      if (error.code === "EADDRINUSE") {
        reject(
          new KeeperConfigError(
            `--port ${port}: ${host}:${port} is already in use (another keeper? pick a free --port, or --port 0)`,
          ),
        );
      } else if (error.code === "EACCES" || error.code === "EADDRNOTAVAIL") {
        reject(new KeeperConfigError(`--host ${host} --port ${port}: cannot listen there (${error.code})`));
      } else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
