import { type Address, type Chain, defineChain, isAddress } from "viem";
import { InvalidInputError } from "../errors/base.js";

/**
 * The devnet (`npm start`) as the SDK sees it, read from the `deployments/local.json` it writes: every
 * address a holder, an operator or the web app needs, and the Venus time scale of its rate models.
 */
export type LocalNetwork = {
  readonly chainId: number;
  readonly rpcUrl: string;
  readonly fund: Address;
  readonly lens: Address;
  readonly factory: Address;
  readonly oracle: Address;
  readonly rebalancer: Address;
  /** The USDT router (BlockETFRouter): mint from and redeem to the stablecoin. */
  readonly router: Address;
  readonly tokens: Readonly<Record<string, Address>>;
  /**
   * Blocks per year in the devnet's Venus rate models (36,500: a replayed day is 100 blocks), for
   * `supplyApy`. Not BNB Chain's 70,080,000: the devnet compresses time.
   */
  readonly venusBlocksPerYear: number;
  readonly venus: { readonly comptroller: Address; readonly vTokens: Readonly<Record<string, Address>> };
  readonly dex: { readonly router: Address; readonly quoter: Address; readonly factory: Address };
};

type Json = Record<string, unknown>;

function field(json: Json, path: string): unknown {
  return path.split(".").reduce<unknown>((at, key) => (at as Json | undefined)?.[key], json);
}

function address(json: Json, path: string): Address {
  const value = field(json, path);
  if (typeof value !== "string" || !isAddress(value, { strict: false }))
    throw new InvalidInputError(
      `The deployment has no address at "${path}" (got ${JSON.stringify(value)}). Start the devnet again: npm start -- --fresh.`,
    );
  return value;
}

function addresses(json: Json, path: string): Record<string, Address> {
  const value = field(json, path);
  if (typeof value !== "object" || value === null)
    throw new InvalidInputError(`The deployment has no "${path}" table.`);
  return Object.fromEntries(Object.keys(value).map((k) => [k, address(json, `${path}.${k}`)]));
}

/**
 * Validates the devnet's `deployments/local.json` (already parsed: read it with `fs` in Node, import it in
 * a bundler) into a LocalNetwork; a missing or malformed entry is an InvalidInputError naming it.
 */
export function localNetwork(deployment: unknown): LocalNetwork {
  if (typeof deployment !== "object" || deployment === null)
    throw new InvalidInputError("The deployment is not a JSON object.");
  const json = deployment as Json;
  const chainId = field(json, "chainId");
  const rpcUrl = field(json, "rpcUrl");
  if (typeof chainId !== "number" || typeof rpcUrl !== "string")
    throw new InvalidInputError('The deployment has no "chainId" or "rpcUrl".');
  const perYear = field(json, "venus.blocksPerYear");
  const perDay = field(json, "venus.blocksPerDay");
  // A deployment written before `blocksPerYear` was recorded has the blocks per replayed day.
  const venusBlocksPerYear =
    typeof perYear === "number" ? perYear : typeof perDay === "number" ? perDay * 365 : undefined;
  if (venusBlocksPerYear === undefined)
    throw new InvalidInputError('The deployment has no "venus.blocksPerYear".');
  return {
    chainId,
    rpcUrl,
    fund: address(json, "fund"),
    lens: address(json, "lens"),
    factory: address(json, "factory"),
    oracle: address(json, "oracle"),
    rebalancer: address(json, "rebalancer"),
    router: address(json, "router"),
    tokens: addresses(json, "tokens"),
    venusBlocksPerYear,
    venus: { comptroller: address(json, "venus.comptroller"), vTokens: addresses(json, "venus.vTokens") },
    dex: {
      router: address(json, "dex.router"),
      quoter: address(json, "dex.quoter"),
      factory: address(json, "dex.factory"),
    },
  };
}

/** A viem chain for a LocalNetwork (native currency BNB, its RPC URL). */
export function localChain(network: Pick<LocalNetwork, "chainId" | "rpcUrl">): Chain {
  return defineChain({
    id: network.chainId,
    name: "BlockETF devnet",
    nativeCurrency: { name: "BNB", symbol: "BNB", decimals: 18 },
    rpcUrls: { default: { http: [network.rpcUrl] } },
  });
}
