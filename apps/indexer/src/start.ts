// startIndexer(): runs the Ponder app in ponder/ as a child process (`ponder start`) for one deployment,
// serving GraphQL, SQL over HTTP and /portfolio on a local port. The devnet calls it; so does the CLI.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPublicClient, http } from "viem";
import { fundAbi, lensAbi, rebalancerAbi, routerAbi } from "../ponder/abis.js";
import { SETTINGS_ENV, type Settings } from "../ponder/settings.js";
import {
  DEFAULT_SNAPSHOT_INTERVAL,
  IndexerConfigError,
  type IndexerDeployment,
  LOCAL_CHAIN_IDS,
  readDeploymentFile,
} from "./config.js";
import { checkChainIdentity, type Store } from "./identity.js";

/** The Ponder project: ponder.config.ts, ponder.schema.ts and the handlers in src/. */
export const PONDER_ROOT = fileURLToPath(new URL("../ponder/", import.meta.url));

export type StartIndexerOptions = {
  /** A deployments JSON path (e.g. deployments/local.json) or its parsed content. */
  readonly deployment: string | IndexerDeployment;
  /** Overrides the deployment's rpcUrl. */
  readonly rpcUrl?: string | undefined;
  /** HTTP port of the API; 0 (default) picks a free one. */
  readonly port?: number | undefined;
  readonly hostname?: string | undefined;
  /** PostgreSQL; default the DATABASE_URL environment variable; embedded PGlite when neither is set. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's home (default `.indexer` in the working directory). */
  readonly dataDir?: string | undefined;
  /** First block indexed; default the deployment's startBlock, or 0 on a local chain. */
  readonly startBlock?: number | undefined;
  /** {blocks} Snapshot spacing (default 100 on the devnet: one replayed day). */
  readonly snapshotInterval?: number | undefined;
  /** {ms} Head polling while following (default 1000; 200 on a local chain). */
  readonly pollingIntervalMs?: number | undefined;
  /** Copies of the RPC URL given to Ponder, each with its own request budget (default 8 on a local
   * chain, 1 elsewhere: a remote provider's limits are Ponder's to respect). */
  readonly rpcBuckets?: number | undefined;
  /** Drop what was indexed before (the devnet's `--fresh`). */
  readonly fresh?: boolean | undefined;
  /** Receives Ponder's log, one JSON line at a time (default: dropped). */
  readonly log?: ((line: string) => void) | undefined;
};

export type IndexerStatus = { block: number; timestamp: number } | undefined;

export type RunningIndexer = {
  /** Base URL of the API: `${url}/graphql`, `${url}/sql`, `${url}/portfolio/<holder>`, `${url}/status`. */
  readonly url: string;
  readonly port: number;
  /** The database schema the app writes (one per deployment, chain and indexer code). */
  readonly schema: string;
  readonly settings: Settings;
  /** The last block fully indexed. */
  readonly status: () => Promise<IndexerStatus>;
  /** Resolves once the backfill is done (Ponder's /ready). */
  readonly ready: (timeoutMs?: number) => Promise<void>;
  /** Resolves once every block up to `block` is indexed. */
  readonly waitForBlock: (block: bigint | number, timeoutMs?: number) => Promise<void>;
  /** SIGTERM, then waits for the exit (Ponder unlocks its schema on the way out). */
  readonly stop: () => Promise<void>;
  /** Exit code once the process has exited. */
  readonly exited: Promise<number | null>;
};

/** Ponder exited before it served, or did not catch up in time. */
export class IndexerStartError extends Error {
  override readonly name = "IndexerStartError";
}

function ponderBin(): string {
  // ponder's exports map has only an "import" entry, which require.resolve cannot use (and vitest has no
  // import.meta.resolve): look for the package in the node_modules Node would search.
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths("ponder") ?? []) {
    const bin = join(dir, "ponder", "dist", "esm", "bin", "ponder.js");
    if (existsSync(bin)) return bin;
  }
  throw new IndexerStartError("ponder is not installed: run npm ci");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Hash of the indexer's code and ABIs: a new version indexes into a new schema, from the start. */
function codeHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || name === "generated" || name === "node_modules") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) hash.update(name).update(readFileSync(path));
    }
  };
  walk(PONDER_ROOT);
  hash.update(JSON.stringify([fundAbi, lensAbi, rebalancerAbi, routerAbi]));
  return hash.digest("hex");
}

export function resolveSettings(options: StartIndexerOptions): Settings {
  const d =
    typeof options.deployment === "string" ? readDeploymentFile(options.deployment) : options.deployment;
  const local = LOCAL_CHAIN_IDS.has(d.chainId);
  const startBlock = options.startBlock ?? d.startBlock ?? (local ? 0 : undefined);
  if (startBlock === undefined) {
    throw new IndexerConfigError(
      `chain ${d.chainId}: the deployment has no "startBlock": pass --start-block <factory deployment block>`,
    );
  }
  const snapshotInterval = options.snapshotInterval ?? DEFAULT_SNAPSHOT_INTERVAL[d.chainId] ?? 1000;
  if (!Number.isInteger(snapshotInterval) || snapshotInterval <= 0) {
    throw new IndexerConfigError(`--snapshot-interval must be a positive number of blocks`);
  }
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  return {
    chainId: d.chainId,
    rpcUrl: options.rpcUrl ?? d.rpcUrl,
    factory: d.factory,
    lens: d.lens,
    routers: d.router === undefined ? [] : [d.router],
    startBlock,
    snapshotInterval,
    pollingIntervalMs: options.pollingIntervalMs ?? (local ? 200 : 1000),
    rpcBuckets: options.rpcBuckets ?? (local ? 8 : 1),
    ...(databaseUrl !== undefined && databaseUrl !== "" ? { databaseUrl } : {}),
    pgliteDir: join(options.dataDir ?? join(process.cwd(), ".indexer"), "pglite"),
  };
}

/** The app's schema: one per chain, deployment, snapshot spacing and indexer code (≤ 45 characters). */
export function schemaName(s: Settings): string {
  const id = createHash("sha256")
    .update(JSON.stringify([s.chainId, s.factory, s.lens, s.routers, s.startBlock, s.snapshotInterval]))
    .update(codeHash())
    .digest("hex");
  return `blocketf_${s.chainId}_${id.slice(0, 16)}`;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

/** {ms} How long `stop()` lets Ponder shut down after SIGTERM before it kills it. */
const STOP_GRACE_MS = 15_000;

export async function startIndexer(options: StartIndexerOptions): Promise<RunningIndexer> {
  const settings = resolveSettings(options);
  const schema = schemaName(settings);
  const store: Store =
    settings.databaseUrl !== undefined
      ? { kind: "postgres", url: settings.databaseUrl }
      : { kind: "pglite", dir: settings.pgliteDir ?? "" };
  const chain = createPublicClient({ transport: http(settings.rpcUrl, { retryCount: 2 }) });
  const actualChainId = await chain.getChainId().catch((error: unknown) => {
    throw new IndexerConfigError(
      `cannot reach ${settings.rpcUrl}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
  });
  if (actualChainId !== settings.chainId) {
    throw new IndexerConfigError(
      `${settings.rpcUrl} is chain ${actualChainId}, the deployment says ${settings.chainId}`,
    );
  }
  const identity = await checkChainIdentity(store, settings.chainId, chain, options.fresh ?? false);

  const port = options.port !== undefined && options.port > 0 ? options.port : await freePort();
  const hostname = options.hostname ?? "127.0.0.1";
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ponderBin(),
      "start",
      "--root",
      PONDER_ROOT,
      "--schema",
      schema,
      "--port",
      String(port),
      "--hostname",
      hostname,
      "--log-format",
      "json",
    ],
    {
      cwd: PONDER_ROOT,
      // Its own process group: a terminal's Ctrl-C to the devnet's group does not reach Ponder directly
      // (its own shutdown was seen to hang, orphaned, after the devnet exited); `stop()` and the exit
      // hook below stop the whole group.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        [SETTINGS_ENV]: JSON.stringify(settings),
        PONDER_TELEMETRY_DISABLED: "true",
        DATABASE_URL: "",
        DATABASE_PRIVATE_URL: "",
        DATABASE_SCHEMA: "",
      },
    },
  );
  /** Signals Ponder's whole process group (it may have children); quiet when it is already gone. */
  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group has exited.
    }
  };
  // If this process exits without `stop()` (an error, a second signal), Ponder must not outlive it.
  const killOnExit = (): void => signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      process.removeListener("exit", killOnExit);
      resolve(code);
    }),
  );
  let tail = "";
  const onOutput = (chunk: Buffer): void => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4000);
    if (options.log === undefined) return;
    for (const line of text.split("\n")) if (line.trim() !== "") options.log(line);
  };
  child.stdout?.on("data", onOutput);
  child.stderr?.on("data", onOutput);

  const url = `http://${hostname}:${port}`;
  const exitedEarly = (): never => {
    throw new IndexerStartError(`ponder exited with ${child.exitCode}: ${tail.trim().slice(-2000)}`);
  };
  const until = async (what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) exitedEarly();
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new IndexerStartError(`${what} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const status = async (): Promise<IndexerStatus> => {
    const body = (await getJson(`${url}/status`)) as Record<
      string,
      { block?: { number: number; timestamp: number } }
    >;
    const block = body.chain?.block;
    return block === undefined ? undefined : { block: block.number, timestamp: block.timestamp };
  };
  await until(
    "the indexer did not answer on /health",
    120_000,
    async () => (await fetch(`${url}/health`)).ok,
  );
  identity.watch(() => status().then((s) => s?.block));

  return {
    url,
    port,
    schema,
    settings,
    status,
    exited,
    ready: (timeoutMs = 120_000) =>
      until("the backfill did not complete", timeoutMs, async () => (await fetch(`${url}/ready`)).ok),
    waitForBlock: (block, timeoutMs = 60_000) =>
      until(
        `block ${block} was not indexed`,
        timeoutMs,
        async () => ((await status())?.block ?? -1) >= Number(block),
      ),
    stop: async () => {
      identity.stop();
      if (child.exitCode === null) {
        await identity.save();
        signalGroup("SIGTERM");
        // Ponder's shutdown was seen to hang under load (a devnet stopped by Ctrl-C never exited): give
        // it STOP_GRACE_MS, then kill it. Its checkpoint is in the database; it resumes next time.
        const timer = setTimeout(() => signalGroup("SIGKILL"), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
        signalGroup("SIGKILL"); // anything it left behind in its group
      }
    },
  };
}
