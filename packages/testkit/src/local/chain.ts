import {
  type Account,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type TestClient,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

/** anvil's well-known dev keys (mnemonic "test test … junk"): local chains only, never real funds. */
export const ANVIL_KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
] as const satisfies readonly Hex[];

export { deploy } from "@blocketf/sdk";

export type DevClients = {
  readonly chain: Chain;
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly wallet: WalletClient<Transport, Chain, Account>;
  readonly test: TestClient<"anvil", Transport, Chain>;
  readonly account: Account;
};

export function devChain(rpcUrl: string, chainId = 31337): Chain {
  return defineChain({
    id: chainId,
    name: "BlockETF devnet",
    nativeCurrency: { name: "BNB", symbol: "BNB", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/** Public, wallet (anvil key `keyIndex`) and test clients on a local chain. */
export function devClients(rpcUrl: string, keyIndex = 0, chainId = 31337): DevClients {
  const chain = devChain(rpcUrl, chainId);
  const transport = http(rpcUrl, { timeout: 60_000 });
  const account = privateKeyToAccount(ANVIL_KEYS[keyIndex] ?? ANVIL_KEYS[0]);
  return {
    chain,
    account,
    publicClient: createPublicClient({ chain, transport, pollingInterval: 50 }),
    wallet: createWalletClient({ chain, transport, account, pollingInterval: 50 }),
    test: createTestClient({ chain, transport, mode: "anvil", pollingInterval: 50 }),
  };
}

/** A JSON-RPC method viem's test actions do not cover (e.g. `evm_setTime`), on a local node. */
export async function rawRpc(rpcUrl: string, method: string, params: readonly unknown[]): Promise<unknown> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message?: string } };
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message ?? "failed"}`);
  return body.result;
}
