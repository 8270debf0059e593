// The wagmi config, made once at start from the networks: injected wallets found through EIP-6963
// (MetaMask, Rabby, Trust, OKX… announce themselves) plus window.ethereum as a fallback, and on the devnet
// a few of anvil's unlocked accounts.
import type { Chain } from "viem";
import { createConfig, createStorage, http } from "wagmi";
import { injected } from "wagmi/connectors";
import { devAccount } from "../wallet/devAccount.js";
import type { AppNetwork } from "./networks.js";

/** anvil's accounts left to people: 0–5 deploy, lend, borrow, hold, keep and run the faucet. */
export const DEV_ACCOUNTS = [6, 7, 8] as const;

export function makeWagmiConfig(networks: readonly AppNetwork[]) {
  const [first, ...rest] = networks.map((n) => n.chain);
  if (first === undefined) throw new Error("no network");
  const chains: readonly [Chain, ...Chain[]] = [first, ...rest];
  const local = networks.find((n) => n.devnet);
  const rpcOf = (chain: Chain): string | undefined => chain.rpcUrls.default.http[0];
  return createConfig({
    chains,
    multiInjectedProviderDiscovery: true,
    connectors: [
      injected({ shimDisconnect: true }),
      ...(local === undefined
        ? []
        : DEV_ACCOUNTS.map((index) =>
            devAccount({ index, rpcUrl: rpcOf(local.chain) ?? "", chainId: local.chain.id }),
          )),
    ],
    transports: Object.fromEntries(chains.map((c) => [c.id, http(rpcOf(c), { batch: false })])),
    storage: createStorage({ storage: typeof window === "undefined" ? undefined : window.localStorage }),
  });
}

export type AppWagmiConfig = ReturnType<typeof makeWagmiConfig>;

declare module "wagmi" {
  interface Register {
    config: AppWagmiConfig;
  }
}
