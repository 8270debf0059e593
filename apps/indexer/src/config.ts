// What to index, from a deployments JSON (deployments/local.json of `npm start`, or one written for BNB
// Chain) and the caller's options; validated once, errors are one line.
import { readFileSync } from "node:fs";
import { type Address, getAddress, isAddress } from "viem";

/** A configuration problem: printed as one line, exit code 2. */
export class IndexerConfigError extends Error {
  override readonly name = "IndexerConfigError";
}

/** The fields of a deployments JSON the indexer reads (the devnet's file has more). */
export type IndexerDeployment = {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly factory: Address;
  readonly lens: Address;
  /** The USDT router (BlockETFRouter), when deployed. */
  readonly router?: Address | undefined;
  /** Block of the factory's deployment, when recorded: indexing starts there. */
  readonly startBlock?: number | undefined;
};

/** {blocks} Snapshot spacing by chain: one replayed day on the devnet, about an hour on BNB Chain. */
export const DEFAULT_SNAPSHOT_INTERVAL: Readonly<Record<number, number>> = { 31337: 100, 56: 4800 };
/** Chains where starting at block 0 is cheap (a local node): elsewhere the start block is required. */
export const LOCAL_CHAIN_IDS: ReadonlySet<number> = new Set([31337, 1337]);

function field(raw: Record<string, unknown>, name: string, file: string): unknown {
  const value = raw[name];
  if (value === undefined) throw new IndexerConfigError(`${file}: missing "${name}"`);
  return value;
}

function addressField(raw: Record<string, unknown>, name: string, file: string): Address {
  const value = field(raw, name, file);
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    throw new IndexerConfigError(`${file}: "${name}" is not an address`);
  }
  return getAddress(value);
}

/** Parses a deployments JSON object (the devnet's deployments/local.json or an equivalent). */
export function parseDeployment(raw: unknown, file = "deployment"): IndexerDeployment {
  if (raw === null || typeof raw !== "object") throw new IndexerConfigError(`${file}: not a JSON object`);
  const r = raw as Record<string, unknown>;
  const chainId = field(r, "chainId", file);
  const rpcUrl = field(r, "rpcUrl", file);
  if (typeof chainId !== "number" || !Number.isInteger(chainId) || chainId <= 0) {
    throw new IndexerConfigError(`${file}: "chainId" must be a positive integer`);
  }
  if (typeof rpcUrl !== "string" || !/^https?:\/\//.test(rpcUrl)) {
    throw new IndexerConfigError(`${file}: "rpcUrl" must be an http(s) URL`);
  }
  const startBlock = r.startBlock;
  if (
    startBlock !== undefined &&
    (typeof startBlock !== "number" || !Number.isInteger(startBlock) || startBlock < 0)
  ) {
    throw new IndexerConfigError(`${file}: "startBlock" must be a block number`);
  }
  return {
    chainId,
    rpcUrl,
    factory: addressField(r, "factory", file),
    lens: addressField(r, "lens", file),
    router: r.router === undefined ? undefined : addressField(r, "router", file),
    startBlock,
  };
}

export function readDeploymentFile(path: string): IndexerDeployment {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new IndexerConfigError(`cannot read ${path}: run npm start first, or pass --deployment <file>`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new IndexerConfigError(`${path}: not valid JSON`);
  }
  return parseDeployment(raw, path);
}
