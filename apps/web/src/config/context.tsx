// The network the app shows (the devnet or BNB Chain), chosen in the header and remembered.
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import type { Client } from "viem";
import { useClient } from "wagmi";
import type { AppNetwork } from "./networks.js";

type NetworkState = {
  readonly network: AppNetwork;
  readonly networks: readonly AppNetwork[];
  readonly select: (key: AppNetwork["key"]) => void;
};

const NetworkContext = createContext<NetworkState | undefined>(undefined);
const STORAGE_KEY = "blocketf.network";

export function NetworkProvider({
  networks,
  children,
}: {
  networks: readonly AppNetwork[];
  children: ReactNode;
}) {
  const [key, setKey] = useState<string | null>(() => window.localStorage.getItem(STORAGE_KEY));
  const value = useMemo((): NetworkState => {
    const network = networks.find((n) => n.key === key) ?? networks[0];
    if (network === undefined) throw new Error("no network");
    return {
      network,
      networks,
      select: (k) => {
        window.localStorage.setItem(STORAGE_KEY, k);
        setKey(k);
      },
    };
  }, [networks, key]);
  return <NetworkContext.Provider value={value}>{children}</NetworkContext.Provider>;
}

export function useNetworkState(): NetworkState {
  const state = useContext(NetworkContext);
  if (state === undefined) throw new Error("useNetwork outside NetworkProvider");
  return state;
}

export const useNetwork = (): AppNetwork => useNetworkState().network;

/** The read client of the network shown (not the wallet's: reads work without a wallet). */
export function useReadClient(): Client {
  const network = useNetwork();
  const client = useClient({ chainId: network.chain.id });
  if (client === undefined) throw new Error(`no client for chain ${network.chain.id}`);
  return client;
}
