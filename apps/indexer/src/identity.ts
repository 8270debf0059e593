// Is this still the chain we indexed? A local devnet started again (`--fresh`) reuses chain id 31337 and
// block numbers, and Ponder's sync cache is keyed by (chain id, block number): without this check it would
// serve the old chain's logs. The indexer records the hash of the last block it indexed; at start, a chain
// without that block is a different chain, and what was indexed from the old one is dropped.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import type { PublicClient } from "viem";

export type Store = { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };
type Marker = { chainId: number; number: number; hash: string };

/** Ponder's sync tables, all keyed by chain id. */
const SYNC_TABLES = [
  "blocks",
  "transactions",
  "transaction_receipts",
  "logs",
  "traces",
  "rpc_request_results",
  "intervals",
  "factory_addresses",
];

async function withPg<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const markerFile = (dir: string, chainId: number): string => `${dir}.chain-${chainId}.json`;

async function readMarker(store: Store, chainId: number): Promise<Marker | undefined> {
  if (store.kind === "pglite") {
    const file = markerFile(store.dir, chainId);
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Marker) : undefined;
  }
  return withPg(store.url, async (c) => {
    await c.query("CREATE SCHEMA IF NOT EXISTS blocketf_indexer");
    await c.query(
      "CREATE TABLE IF NOT EXISTS blocketf_indexer.chain_marker (chain_id bigint PRIMARY KEY, number bigint NOT NULL, hash text NOT NULL)",
    );
    const r = await c.query<{ number: string; hash: string }>(
      "SELECT number, hash FROM blocketf_indexer.chain_marker WHERE chain_id = $1",
      [chainId],
    );
    const row = r.rows[0];
    return row === undefined ? undefined : { chainId, number: Number(row.number), hash: row.hash };
  });
}

async function writeMarker(store: Store, marker: Marker): Promise<void> {
  if (store.kind === "pglite") {
    mkdirSync(dirname(store.dir), { recursive: true });
    writeFileSync(markerFile(store.dir, marker.chainId), `${JSON.stringify(marker)}\n`);
    return;
  }
  await withPg(store.url, (c) =>
    c.query(
      `INSERT INTO blocketf_indexer.chain_marker (chain_id, number, hash) VALUES ($1, $2, $3)
       ON CONFLICT (chain_id) DO UPDATE SET number = excluded.number, hash = excluded.hash`,
      [marker.chainId, marker.number, marker.hash],
    ),
  );
}

/** Drops everything indexed from chain `chainId`: its sync cache and the indexer's schemas for it. */
export async function dropIndexedChain(store: Store, chainId: number): Promise<void> {
  if (store.kind === "pglite") {
    // PGlite's directory holds one devnet's data: drop it whole.
    rmSync(store.dir, { recursive: true, force: true });
    rmSync(markerFile(store.dir, chainId), { force: true });
    return;
  }
  await withPg(store.url, async (c) => {
    const sync = await c.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'ponder_sync'");
    if ((sync.rowCount ?? 0) > 0) {
      for (const table of SYNC_TABLES) {
        await c.query(`DELETE FROM ponder_sync.${table} WHERE chain_id = $1`, [chainId]);
      }
      await c.query("DELETE FROM ponder_sync.factories WHERE (factory->>'chainId')::bigint = $1", [chainId]);
    }
    const schemas = await c.query<{ schema_name: string }>(
      "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE $1",
      [`blocketf\\_${chainId}\\_%`],
    );
    for (const { schema_name } of schemas.rows) await c.query(`DROP SCHEMA "${schema_name}" CASCADE`);
    await c.query("DELETE FROM blocketf_indexer.chain_marker WHERE chain_id = $1", [chainId]);
  });
}

export type ChainIdentity = {
  /** Records the hash of the last indexed block every 2 s from now on. */
  readonly watch: (indexedBlock: () => Promise<number | undefined>) => void;
  readonly stop: () => void;
  /** Records the last indexed block now (while the indexer still answers). */
  readonly save: () => Promise<void>;
  /** True when the earlier index was dropped (a different chain, or `fresh`). */
  readonly reset: boolean;
};

export async function checkChainIdentity(
  store: Store,
  chainId: number,
  chain: PublicClient,
  fresh: boolean,
): Promise<ChainIdentity> {
  const marker = await readMarker(store, chainId);
  let reset = fresh;
  if (!reset && marker !== undefined) {
    const block = await chain.getBlock({ blockNumber: BigInt(marker.number) }).catch(() => undefined);
    reset = block?.hash !== marker.hash;
  }
  if (reset) await dropIndexedChain(store, chainId);

  let timer: NodeJS.Timeout | undefined;
  let last: Marker | undefined;
  let indexed: (() => Promise<number | undefined>) | undefined;
  const sample = async (): Promise<void> => {
    const number = await indexed?.().catch(() => undefined);
    if (number === undefined || number <= 0) return;
    const block = await chain.getBlock({ blockNumber: BigInt(number) }).catch(() => undefined);
    if (block?.hash == null) return;
    last = { chainId, number, hash: block.hash };
    await writeMarker(store, last).catch(() => undefined);
  };
  return {
    reset,
    watch: (fn) => {
      indexed = fn;
      timer = setInterval(() => void sample(), 2_000);
    },
    stop: () => clearInterval(timer),
    save: async () => {
      await sample();
      if (last !== undefined) await writeMarker(store, last).catch(() => undefined);
    },
  };
}
