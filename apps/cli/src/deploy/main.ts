// `npm run deploy -- --network local|bsc [--check-only] ...`: deploys BlockETF with the typed network
// config and checks everything on-chain before and after. See --help.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  isAddress,
  parseEther,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ChecksFailedError, preflightChecks } from "./checks.js";
import { deployNetwork, SeedFundsMissingError } from "./deploy.js";
import { bscNetwork, localNetwork, type NetworkConfig } from "./network.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/** anvil's first dev key: the local devnet's deployer (never a real key). */
const ANVIL_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

const HELP = `npm run deploy -- --network <local|bsc> [options]

  --network local|bsc     local = the devnet of npm start (deployments/local.json); bsc = BNB Chain mainnet
  --rpc <url>             RPC endpoint (local: from deployments/local.json; bsc: required)
  --owner <address>       timelock or multisig that takes ownership (required for bsc)
  --guardian <address>    pause / Venus exit role (default: the owner)
  --keeper <address>      keeper role (default: the deployer)
  --seed-usd <n>          seed value in USD (default 1000); the deployer must hold the seed tokens
  --check-only            run the read-only preflight checks and stop (safe against mainnet)
The deployer key comes from DEPLOYER_PRIVATE_KEY (local: anvil's first dev key).`;

class UsageError extends Error {
  override readonly name = "UsageError";
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function address(value: string | undefined, name: string): Address | undefined {
  if (value === undefined) return undefined;
  if (!isAddress(value)) throw new UsageError(`${name} is not an address: ${value}`);
  return value;
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes("--help") || args.length === 0) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const networkName = flag(args, "--network");
  let network: NetworkConfig;
  let rpc = flag(args, "--rpc");
  if (networkName === "local") {
    const file = join(ROOT, "deployments", "local.json");
    network = localNetwork(file);
    rpc ??= "http://127.0.0.1:8545";
  } else if (networkName === "bsc") {
    network = bscNetwork();
    if (rpc === undefined) throw new UsageError("--rpc is required for bsc");
  } else {
    throw new UsageError(`--network must be local or bsc, got "${networkName ?? ""}"`);
  }
  const chain = defineChain({
    id: network.chainId,
    name: network.name,
    nativeCurrency: { name: "BNB", symbol: "BNB", decimals: 18 },
    rpcUrls: { default: { http: [rpc] } },
  });
  const publicClient = createPublicClient({ chain, transport: http(rpc) });
  const checks = await preflightChecks(publicClient, network);
  for (const c of checks) process.stdout.write(`${c.ok ? "✓" : "✗"} ${c.name}: ${c.detail}\n`);
  if (args.includes("--check-only")) {
    if (checks.some((c) => !c.ok)) throw new ChecksFailedError(checks);
    return;
  }
  const key =
    (process.env.DEPLOYER_PRIVATE_KEY as Hex | undefined) ??
    (network.name === "local" ? ANVIL_KEY : undefined);
  if (key === undefined) throw new UsageError("set DEPLOYER_PRIVATE_KEY");
  const account = privateKeyToAccount(key);
  const owner =
    address(flag(args, "--owner"), "--owner") ?? (network.name === "local" ? account.address : undefined);
  if (owner === undefined) throw new UsageError("--owner (the timelock or multisig) is required for bsc");
  const record = await deployNetwork(
    { publicClient, wallet: createWalletClient({ chain, transport: http(rpc), account }), account },
    network,
    {
      owner,
      guardian: address(flag(args, "--guardian"), "--guardian") ?? owner,
      keeper: address(flag(args, "--keeper"), "--keeper") ?? account.address,
      feeRecipient: owner,
      managementFeeBps: 0,
      redeemFeeBps: 0,
      seedUsd: parseEther(flag(args, "--seed-usd") ?? "1000"),
      seedShares: parseEther("1"),
      name: "BlockETF CT5 + USDT",
      symbol: "CT5U",
    },
  );
  for (const c of record.postDeploy) process.stdout.write(`${c.ok ? "✓" : "✗"} ${c.name}: ${c.detail}\n`);
  const out = join(ROOT, "deployments", `${network.name}-fund.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`deployed fund ${record.fund}; written ${out}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    error instanceof ChecksFailedError ||
    error instanceof SeedFundsMissingError
  ) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`deploy failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
