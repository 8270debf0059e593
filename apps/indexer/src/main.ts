// `npm run start -w @blocketf/indexer -- --deployment deployments/local.json`: indexes a deployment and
// serves its history until Ctrl-C.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { IndexerConfigError } from "./config.js";
import { IndexerStartError, startIndexer } from "./start.js";

const HELP = `blocketf-indexer [options]   (npm run start -w @blocketf/indexer -- [options])

Indexes the BlockETF factory, its funds, their rebalancers and the USDT router of a deployment, and
serves the history: GraphQL at /graphql, SQL over HTTP at /sql, /portfolio/<holder>, /status.
Embedded PGlite by default; PostgreSQL when --database-url or DATABASE_URL is set.

  --deployment <file>       deployments JSON with chainId, rpcUrl, factory, lens [, router, startBlock]
                            (default deployments/local.json, written by npm start)
  --rpc <url>               JSON-RPC endpoint (overrides the deployment's); needs every indexed block's
                            state (an archive node on BNB Chain; anvil keeps the last 256 blocks)
  --port <n>                HTTP port (default 42069; 0 = any free port)
  --host <host>             HTTP host (default 127.0.0.1)
  --database-url <url>      PostgreSQL connection string (default: DATABASE_URL)
  --data-dir <dir>          PGlite's home (default .indexer)
  --start-block <n>         first block (default the deployment's startBlock; 0 on a local chain)
  --snapshot-interval <n>   blocks between snapshots (default 100 on the devnet: one replayed day;
                            4800 on BNB Chain)
  --fresh                   drop what was indexed before and start over
  -h, --help`;

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new IndexerConfigError(`${flag} must be a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parseArgs>["values"];
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        deployment: { type: "string" },
        rpc: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        "database-url": { type: "string" },
        "data-dir": { type: "string" },
        "start-block": { type: "string" },
        "snapshot-interval": { type: "string" },
        fresh: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error: unknown) {
    throw new IndexerConfigError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  // npm run -w runs in apps/indexer: paths are the caller's, relative to where npm was started.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  const indexer = await startIndexer({
    deployment: resolve(cwd, str(values.deployment) ?? "deployments/local.json"),
    rpcUrl: str(values.rpc),
    port: integer(str(values.port), "--port") ?? 42069,
    hostname: str(values.host),
    databaseUrl: str(values["database-url"]),
    dataDir: resolve(cwd, str(values["data-dir"]) ?? ".indexer"),
    startBlock: integer(str(values["start-block"]), "--start-block"),
    snapshotInterval: integer(str(values["snapshot-interval"]), "--snapshot-interval"),
    fresh: values.fresh === true,
    log: (line) => {
      // Ponder's warnings and errors (JSON lines, level ≥ 40); the per-block info stays out.
      if (/"level":(4|5|6)0/.test(line)) process.stderr.write(`${line}\n`);
    },
  });
  process.stdout.write(
    `indexer   ${indexer.url}/graphql   ${indexer.url}/sql   ${indexer.url}/portfolio/<holder>\n` +
      `          schema ${indexer.schema} on ${indexer.settings.databaseUrl === undefined ? `PGlite (${indexer.settings.pgliteDir})` : "PostgreSQL"}\n`,
  );
  const stop = (): void => {
    void indexer.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await indexer.ready(24 * 3600 * 1000);
  const status = await indexer.status();
  process.stdout.write(`READY indexer ${indexer.url} at block ${status?.block ?? "?"}\n`);
  const code = await indexer.exited;
  if (code !== 0 && code !== null) {
    process.stderr.write(`indexer stopped with exit code ${code}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  if (error instanceof IndexerConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(
    `indexer failed: ${error instanceof IndexerStartError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
