// The networks the app serves, from /config.json (server/runtime.ts): the devnet's deployments/local.json
// through the SDK's `localNetwork`, and BNB Chain (the SDK's address book) when a fund was deployed there.
import { bsc as bscBook, localChain, localNetwork } from "@blocketf/sdk";
import { type Address, type Chain, isAddress } from "viem";
import { bsc as bscChain } from "viem/chains";

export type AppNetwork = {
  readonly key: "local" | "bsc";
  readonly name: string;
  readonly chain: Chain;
  readonly fund: Address;
  readonly lens: Address;
  readonly router: Address | undefined;
  readonly rebalancer: Address | undefined;
  /** Venus's blocks per year on this chain (the SDK's `supplyApy` needs it). */
  readonly venusBlocksPerYear: number;
  readonly indexerUrl: string | undefined;
  /** Block explorer base URL (BNB Chain only). */
  readonly explorer: string | undefined;
  /** The devnet: anvil's unlocked dev accounts and the faucet. */
  readonly devnet: boolean;
  readonly faucet: boolean;
};

export type RuntimeConfig = {
  readonly local: unknown;
  readonly bsc: unknown;
  readonly indexerUrl: string | null;
  readonly faucet: boolean;
};

export type Networks = { readonly list: readonly AppNetwork[]; readonly problems: readonly string[] };

function address(json: Record<string, unknown>, key: string): Address | undefined {
  const v = json[key];
  return typeof v === "string" && isAddress(v, { strict: false }) ? v : undefined;
}

export function networksFrom(config: RuntimeConfig): Networks {
  const list: AppNetwork[] = [];
  const problems: string[] = [];
  if (config.local !== null) {
    try {
      const n = localNetwork(config.local);
      list.push({
        key: "local",
        name: "Devnet",
        chain: localChain(n),
        fund: n.fund,
        lens: n.lens,
        router: n.router,
        rebalancer: n.rebalancer,
        venusBlocksPerYear: n.venusBlocksPerYear,
        indexerUrl: config.indexerUrl ?? undefined,
        explorer: undefined,
        devnet: true,
        faucet: config.faucet,
      });
    } catch (error: unknown) {
      problems.push(
        `The devnet's deployment file is unusable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (config.bsc !== null && typeof config.bsc === "object") {
    const json = config.bsc as Record<string, unknown>;
    const fund = address(json, "fund");
    const lens = address(json, "lens");
    if (fund === undefined || lens === undefined || json.chainId !== bscBook.chainId) {
      problems.push("The BNB Chain deployment record has no fund or lens on chain 56.");
    } else {
      list.push({
        key: "bsc",
        name: "BNB Chain",
        chain: bscChain,
        fund,
        lens,
        router: address(json, "router"),
        rebalancer: address(json, "rebalancer"),
        venusBlocksPerYear: bscBook.venusBlocksPerYear,
        indexerUrl: config.local === null ? (config.indexerUrl ?? undefined) : undefined,
        explorer: "https://bscscan.com",
        devnet: false,
        faucet: false,
      });
    }
  }
  return { list, problems };
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`/config.json answered HTTP ${response.status}`);
  return (await response.json()) as RuntimeConfig;
}
