// `npm run deploy -- --network local|bsc [--check-only] ...`: deploys BlockETF with the typed network
// config and the fund spec, and checks everything on-chain before and after. See --help.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { addressValue, numberValue, parseFlags, runMain, UsageError, userPath } from "@blocketf/cli-kit";
import { decodeBlockEtfError } from "@blocketf/sdk";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  parseEther,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { type CheckResult, checkSummary, operatorChecks, preflightChecks } from "./checks.js";
import { deployNetwork } from "./deploy.js";
import { bscNetwork, localNetwork, type NetworkConfig } from "./network.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/** anvil's first dev key: the local devnet's deployer (never a real key). */
const ANVIL_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

const HELP = `npm run deploy -- --network <local|bsc> [options]

  --network local|bsc     local = a devnet of npm start (its deployment file); bsc = BNB Chain mainnet
  --deployment <file>     local: the devnet's deployment (default deployments/local.json of the repository;
                          a devnet started with --dir <path>: <path>/deployments/local.json)
  --rpc <url>             RPC endpoint (local: the deployment's rpcUrl; bsc: required)
  --owner <address>       timelock or multisig that takes ownership (required for bsc; local: the deployer)
  --owner-is-eoa          accept an owner without code (a plain key); refused otherwise
  --guardian <address>    pause / Venus exit role (default: the owner)
  --keeper <address>      keeper role (default: the deployer)
  --seed-usd <n>          seed value in USD (default 1000); the deployer must hold the seed tokens
  --deployer <address>    with --check-only and no DEPLOYER_PRIVATE_KEY: whose seed balance to check
  --check-only            run every read-only check (chain, tokens, Venus, feeds, pools and their depth
                          against the step, owner, seed), print a summary line and stop (safe on mainnet)
  --out <file>            where the deployment record goes (default deployments/<network>-fund.json)
The deployer key comes from DEPLOYER_PRIVATE_KEY (local: anvil's first dev key). Exit code 2: a bad flag or
a failed check; nothing is sent then.`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  network: { type: "string" },
  deployment: { type: "string" },
  rpc: { type: "string" },
  owner: { type: "string" },
  "owner-is-eoa": { type: "boolean" },
  guardian: { type: "string" },
  keeper: { type: "string" },
  "seed-usd": { type: "string" },
  deployer: { type: "string" },
  "check-only": { type: "boolean" },
  out: { type: "string" },
} as const;

function print(results: readonly CheckResult[]): void {
  for (const c of results) process.stdout.write(`${c.ok ? "✓" : "✗"} ${c.name}: ${c.detail}\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // Every flag is read and checked before anything touches a network: a typo never deploys.
  const f = parseFlags(argv, OPTIONS);
  if (f.help === true || argv.length === 0) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const optional = (flag: "owner" | "guardian" | "keeper" | "deployer"): Address | undefined => {
    const text = f[flag];
    return text === undefined ? undefined : addressValue(`--${flag}`, text);
  };
  const ownerFlag = optional("owner");
  const guardianFlag = optional("guardian");
  const keeperFlag = optional("keeper");
  const deployerFlag = optional("deployer");
  const seedUsd = parseEther(String(numberValue("--seed-usd", f["seed-usd"] ?? "1000", { min: 0.000001 })));
  let network: NetworkConfig;
  let rpc = f.rpc;
  if (f.network === "local") {
    const local = localNetwork(userPath(f.deployment ?? join(ROOT, "deployments", "local.json")));
    network = local;
    rpc ??= local.rpcUrl;
    if (rpc === undefined) throw new UsageError("the deployment names no rpcUrl: pass --rpc");
  } else if (f.network === "bsc") {
    if (f.deployment !== undefined) throw new UsageError("--deployment is for --network local");
    network = bscNetwork();
    if (rpc === undefined) throw new UsageError("--rpc is required for bsc");
  } else {
    throw new UsageError(`--network must be local or bsc, got "${f.network ?? ""}"`);
  }
  if (!/^https?:\/\//.test(rpc)) throw new UsageError(`--rpc needs an http(s) URL, got "${rpc}"`);
  const envKey = process.env.DEPLOYER_PRIVATE_KEY;
  if (envKey !== undefined && envKey !== "" && !/^0x[0-9a-fA-F]{64}$/.test(envKey)) {
    throw new UsageError("DEPLOYER_PRIVATE_KEY must be 0x followed by 64 hex digits");
  }
  const key =
    envKey !== undefined && envKey !== ""
      ? (envKey as Hex)
      : network.name === "local"
        ? ANVIL_KEY
        : undefined;
  const account = key === undefined ? undefined : privateKeyToAccount(key);
  const deployer = account?.address ?? deployerFlag;
  // Local: the deployer owns the devnet's fund unless told otherwise (a plain key, so no --owner-is-eoa needed).
  const localDefaultOwner = network.name === "local" && ownerFlag === undefined;
  const owner = ownerFlag ?? (localDefaultOwner ? deployer : undefined);
  const ownerIsEoa = f["owner-is-eoa"] === true || localDefaultOwner;

  const chain = defineChain({
    id: network.chainId,
    name: network.name,
    nativeCurrency: { name: "BNB", symbol: "BNB", decimals: 18 },
    rpcUrls: { default: { http: [rpc] } },
  });
  const publicClient = createPublicClient({ chain, transport: http(rpc) });
  if (f["check-only"] === true) {
    const results = [
      ...(await preflightChecks(publicClient, network)),
      ...(await operatorChecks(publicClient, network, { owner, ownerIsEoa, deployer, seedUsd })),
    ];
    print(results);
    process.stdout.write(`${checkSummary(results)}\n`);
    if (results.some((r) => !r.ok)) process.exitCode = 2;
    return;
  }
  if (account === undefined) throw new UsageError("set DEPLOYER_PRIVATE_KEY (or use --check-only)");
  if (owner === undefined) throw new UsageError("--owner (the timelock or multisig) is required for bsc");
  const record = await deployNetwork(
    { publicClient, wallet: createWalletClient({ chain, transport: http(rpc), account }), account },
    network,
    {
      owner,
      ownerIsEoa,
      guardian: guardianFlag ?? owner,
      keeper: keeperFlag ?? account.address,
      feeRecipient: owner,
      managementFeeBps: 0,
      redeemFeeBps: 0,
      seedUsd,
      seedShares: parseEther("1"),
      name: network.spec.name,
      symbol: network.spec.symbol,
    },
  );
  print(record.preflight);
  print(record.postDeploy);
  const out = userPath(f.out ?? join(ROOT, "deployments", `${network.name}-fund.json`));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`deployed fund ${record.fund}; written ${out}\n`);
}

runMain("deploy", main, (error) => decodeBlockEtfError(error).shortMessage);
