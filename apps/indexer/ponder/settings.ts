// What one indexer process indexes: written by startIndexer (apps/indexer/src/start.ts) into the
// BLOCKETF_INDEXER environment variable, read by the Ponder config and the handlers.
import { type Address, getAddress, isAddress } from "viem";
import { z } from "zod";

export const SETTINGS_ENV = "BLOCKETF_INDEXER";

const address = z
  .string()
  .refine((s) => isAddress(s, { strict: false }), "not an address")
  .transform((s) => getAddress(s));

export const settingsSchema = z.object({
  chainId: z.number().int().positive(),
  rpcUrl: z.string().url(),
  /** BlockETFFactory: every fund it creates is indexed. */
  factory: address,
  /** BlockETFLens: the snapshots' one call per fund. */
  lens: address,
  /** BlockETFRouter instances whose MintWithStable / RedeemToStable events are indexed. */
  routers: z.array(address),
  /** First block indexed (the factory's deployment block or earlier). */
  startBlock: z.number().int().nonnegative(),
  /** {blocks} Every fund is snapshotted at each multiple of this past startBlock (and at each block
   * where it emits an event). */
  snapshotInterval: z.number().int().positive(),
  /** {ms} How often the head is polled while following. */
  pollingIntervalMs: z.number().int().positive(),
  /**
   * Ponder throttles each RPC URL to 20 requests/s at first and raises that only under sustained load,
   * which caps a local node's following at ~10 blocks/s (2 requests a block) while the devnet mines 100
   * at once. The URL is given this many times (each copy its own budget); 1 for a remote provider.
   */
  rpcBuckets: z.number().int().min(1).max(32),
  /** PostgreSQL connection string; PGlite in `pgliteDir` when absent. */
  databaseUrl: z.string().optional(),
  pgliteDir: z.string().optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

export class SettingsError extends Error {
  override readonly name = "SettingsError";
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const raw = env[SETTINGS_ENV];
  if (raw === undefined) {
    throw new SettingsError(
      `${SETTINGS_ENV} is not set: start the indexer with startIndexer() or npm run start -w @blocketf/indexer`,
    );
  }
  const parsed = settingsSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new SettingsError(`${SETTINGS_ENV}: ${parsed.error.message}`);
  return parsed.data;
}

export const isRouter = (settings: Settings, a: Address): boolean =>
  settings.routers.some((r) => r.toLowerCase() === a.toLowerCase());
