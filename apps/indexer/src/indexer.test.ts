import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { type Database, indexerSuite } from "./test/suite.js";

// Embedded PGlite always; a real PostgreSQL server too when DATABASE_URL is set (.ci/run starts one with
// scripts/ci/postgres.sh). CI without it is an error, not a silent skip.
const dataDir = mkdtempSync(join(tmpdir(), "blocketf-indexer-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const url = process.env.DATABASE_URL;
if ((url === undefined || url === "") && process.env.CI === "true") {
  throw new Error("DATABASE_URL is not set: .ci/run must source scripts/ci/postgres.sh");
}
const databases: { name: string; database: Database }[] = [
  { name: "PGlite", database: { kind: "pglite", dataDir } },
];
if (url !== undefined && url !== "")
  databases.push({ name: "PostgreSQL", database: { kind: "postgres", url } });

// A chain id of its own, so that no earlier run's sync cache on the same PostgreSQL server applies.
indexerSuite(databases, 40_000 + Math.floor(Math.random() * 20_000));
