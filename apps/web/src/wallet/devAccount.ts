// A wagmi connector for the devnet's anvil accounts, which anvil signs for (unlocked): every request goes
// to the devnet's RPC, and the account is the anvil account at `index`. Devnet only: anvil's dev keys are
// public and hold nothing real.

import { type Address, type EIP1193RequestFn, getAddress, numberToHex } from "viem";
import { createConnector } from "wagmi";

export type DevAccountParameters = {
  readonly index: number;
  readonly rpcUrl: string;
  readonly chainId: number;
};

type Provider = { request: EIP1193RequestFn };

let rpcId = 0;
async function rpc(url: string, method: string, params: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params: params ?? [] }),
  });
  const body = (await response.json()) as {
    result?: unknown;
    error?: { code: number; message: string; data?: unknown };
  };
  if (body.error !== undefined) {
    const error = new Error(body.error.message) as Error & { code: number; data?: unknown };
    error.code = body.error.code;
    error.data = body.error.data;
    throw error;
  }
  return body.result;
}

export function devAccount(p: DevAccountParameters) {
  let account: Address | undefined;
  // Remembered across reloads, as a browser wallet remembers the sites it is connected to.
  const storageKey = `blocketf.devAccount.${p.index}`;
  const remember = (on: boolean) => {
    if (typeof window === "undefined") return;
    if (on) window.localStorage.setItem(storageKey, "1");
    else window.localStorage.removeItem(storageKey);
  };
  let connected = typeof window !== "undefined" && window.localStorage.getItem(storageKey) === "1";
  const provider: Provider = {
    request: (async ({ method, params }: { method: string; params?: unknown }) => {
      switch (method) {
        case "eth_chainId":
          return numberToHex(p.chainId);
        case "eth_accounts":
        case "eth_requestAccounts":
          return account === undefined ? [] : [account];
        case "wallet_switchEthereumChain":
          return null;
        default:
          return rpc(p.rpcUrl, method, params);
      }
    }) as EIP1193RequestFn,
  };
  const resolve = async (): Promise<Address> => {
    const accounts = (await rpc(p.rpcUrl, "eth_accounts", [])) as string[];
    const a = accounts[p.index];
    if (a === undefined) throw new Error(`The devnet has no unlocked account #${p.index}.`);
    return getAddress(a);
  };
  return createConnector<Provider>((config) => ({
    id: `devAccount${p.index}`,
    name: `Dev account #${p.index}`,
    type: "devAccount",
    async connect(parameters) {
      account = await resolve();
      connected = true;
      remember(true);
      const chainId = parameters?.chainId ?? p.chainId;
      const accounts = parameters?.withCapabilities ? [{ address: account, capabilities: {} }] : [account];
      // wagmi's return type depends on the caller's `withCapabilities` (a type parameter): as its own connectors do.
      return { accounts: accounts as never, chainId };
    },
    async disconnect() {
      connected = false;
      remember(false);
    },
    async getAccounts() {
      if (account === undefined) account = await resolve();
      return [account];
    },
    async getChainId() {
      return p.chainId;
    },
    async getProvider() {
      return provider;
    },
    async isAuthorized() {
      return connected;
    },
    async switchChain({ chainId }) {
      const chain = config.chains.find((c) => c.id === chainId);
      if (chain === undefined || chainId !== p.chainId)
        throw new Error("A dev account only exists on the devnet.");
      return chain;
    },
    onAccountsChanged() {},
    onChainChanged() {},
    onDisconnect() {
      connected = false;
      remember(false);
      config.emitter.emit("disconnect");
    },
  }));
}
