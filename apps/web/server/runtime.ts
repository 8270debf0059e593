// The app's runtime configuration, served by the web server (dev or preview) at /config.json: the
// devnet's deployments/local.json as it is now (a redeployed devnet is picked up on reload), a BNB Chain
// deployment when one was recorded, the indexer's URL, and whether a faucet is wired. POST /api/faucet
// runs the devnet's faucet (local chain only) when the devnet passed it in.
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Plugin } from "vite";

/** Basket tokens and BNB given to an address on the devnet; amounts as decimal strings in whole units. */
export type FaucetGrant = { readonly symbol: string; readonly amount: string };
export type Faucet = (to: `0x${string}`) => Promise<readonly FaucetGrant[]>;

export type RuntimeOptions = {
  /** The devnet's deployments/local.json (read at every request; absent: no devnet network). */
  readonly localDeploymentFile?: string | undefined;
  /** A BNB Chain deployment record (deployments/bsc-fund.json, written by `npm run deploy`). */
  readonly bscDeploymentFile?: string | undefined;
  /** The history indexer's base URL (GraphQL at /graphql); absent: the app shows no history. */
  readonly indexerUrl?: string | undefined;
  /** The devnet's faucet; absent: no faucet button. */
  readonly faucet?: Faucet | undefined;
};

/** What /config.json answers (the browser's side is apps/web/src/config/runtime.ts). */
export type RuntimeConfig = {
  readonly local: unknown;
  readonly bsc: unknown;
  readonly indexerUrl: string | null;
  readonly faucet: boolean;
};

/** The last good parse of each file: the devnet rewrites its deployment every replayed day. */
const lastGood = new Map<string, unknown>();

function readJson(file: string | undefined): unknown {
  if (file === undefined || !existsSync(file)) return null;
  try {
    const json: unknown = JSON.parse(readFileSync(file, "utf8"));
    lastGood.set(file, json);
    return json;
  } catch {
    // Read mid-write (truncated): the previous content is still the deployment.
    return lastGood.get(file) ?? null;
  }
}

export function runtimeConfig(o: RuntimeOptions): RuntimeConfig {
  return {
    local: readJson(o.localDeploymentFile),
    bsc: readJson(o.bscDeploymentFile),
    indexerUrl: o.indexerUrl ?? null,
    faucet: o.faucet !== undefined,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) throw new Error("request body too large");
  }
  return body;
}

/** Answers /config.json and POST /api/faucet; passes every other request on. */
export function runtimeMiddleware(o: RuntimeOptions) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? "").split("?")[0];
    if (path === "/config.json" && req.method === "GET") {
      send(res, 200, runtimeConfig(o));
      return;
    }
    if (path === "/api/faucet" && req.method === "POST") {
      const faucet = o.faucet;
      if (faucet === undefined) {
        send(res, 404, { error: "No faucet here: it runs only with the devnet (npm start)." });
        return;
      }
      readBody(req)
        .then(async (body) => {
          const to = (JSON.parse(body) as { to?: unknown }).to;
          if (typeof to !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(to)) {
            send(res, 400, { error: `Not an address: ${String(to)}.` });
            return;
          }
          send(res, 200, { grants: await faucet(to as `0x${string}`) });
        })
        .catch((error: unknown) => {
          send(res, 500, {
            error: `The faucet failed: ${error instanceof Error ? error.message : String(error)}`,
          });
        });
      return;
    }
    next();
  };
}

/** Serves /config.json and /api/faucet from Vite's dev server. */
export function runtimePlugin(o: RuntimeOptions): Plugin {
  return {
    name: "blocketf-runtime",
    configureServer(server) {
      server.middlewares.use(runtimeMiddleware(o));
    },
  };
}
