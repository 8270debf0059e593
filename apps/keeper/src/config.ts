import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type Address, getAddress, type Hex, isAddress, type LocalAccount, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";

/** A configuration problem: printed as one line (no stack trace), exit code 2. */
export class KeeperConfigError extends Error {
  override readonly name = "KeeperConfigError";
}

/**
 * anvil's dev key #4 (mnemonic "test test … junk"): the devnet's keeper account, set as the fund's
 * `keeper()` by `npm start`. Local chains only, never real funds.
 */
export const DEVNET_KEEPER_KEY: Hex = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
export const DEVNET_CHAIN_ID = 31337;

export type KeeperConfig = {
  readonly rpcUrl: string;
  readonly fund: Address;
  readonly lens: Address;
  readonly rebalancer: Address;
  /** Signs the keeper's transactions; holds no readable key (viem's local account). */
  readonly account: LocalAccount;
  /** True when the account is the devnet's dev key (refused on any chain but 31337). */
  readonly devKey: boolean;
  /** {ms} Time between ticks. */
  readonly intervalMs: number;
  /** Simulate every decision, send nothing. */
  readonly dryRun: boolean;
  readonly host: string;
  /** HTTP port of /health and /metrics; 0 = any free port. */
  readonly port: number;
  /** D18{USD} Sweep only when the idle excess is worth at least this. */
  readonly sweepMinUsd: bigint;
  /** {bps} Sweep only when its gas costs at most this share of the value it supplies. */
  readonly sweepMaxGasBps: number;
  /** {bps} Flag a route's pool whose spot price is further than this from the oracle. */
  readonly poolDeviationBps: number;
  /** {bps} Flag a Venus market utilised above this. */
  readonly maxUtilizationBps: number;
  /** {wei} Flag a keeper account holding less native gas than this. */
  readonly minGasBalance: bigint;
  /** {ms} /health answers 503 when the last completed tick is older than this. */
  readonly staleAfterMs: number;
  /** {ms} After a failed transaction, the same action waits at least this (doubling while it fails). */
  readonly failureCooldownMs: number;
  /** {ms} How long to wait for a receipt before leaving the transaction to the next ticks (by nonce). */
  readonly receiptTimeoutMs: number;
  readonly logLevel: "debug" | "info" | "warn" | "error";
};

export const HELP = `blocketf-keeper [options]   (npm run start -w @blocketf/keeper -- [options])

Triggers rebalance steps and Venus sweeps of one BlockETF fund, watches its health.
The signing key comes from KEEPER_PRIVATE_KEY (0x + 64 hex); it is never logged.

  --devnet                    use deployments/local.json of \`npm start\` and, without
                              KEEPER_PRIVATE_KEY, the devnet keeper's dev key (chain 31337 only)
  --deployment <file>         read rpcUrl, fund, lens, rebalancer from a deployments JSON
  --rpc <url>                 JSON-RPC endpoint (overrides the deployment's)
  --fund <address>            the fund (BlockETF)
  --lens <address>            the BlockETFLens
  --rebalancer <address>      the fund's BlockETFRebalancer
  --interval <s>              seconds between ticks (default 5)
  --dry-run                   plan and simulate every decision, send nothing
  --host <host>               /health and /metrics host (default 127.0.0.1)
  --port <n>                  /health and /metrics port (default 9464; 0 = any free port)
  --sweep-min-usd <usd>       sweep only when the idle excess over the buffers is worth this (default 100)
  --sweep-max-gas-bps <bps>   ... and the sweep's gas (estimate x gas price x BNB price) costs at most
                              this share of what it supplies (default 10 = 0.1 %: at a 3 %/year Venus
                              rate the interest pays the gas back in about 12 days)
  --pool-deviation-bps <bps>  flag a route's pool priced further than this from the oracle (default 100)
  --max-utilization-bps <bps> flag a Venus market utilised above this (default 9500)
  --min-gas-balance <bnb>     flag a keeper account holding less BNB than this (default 0.01)
  --stale-after <s>           /health is 503 when the last tick is older (default 3 x interval + 30)
  --failure-cooldown <s>      wait after a failed transaction, doubling while it fails (default 30)
  --receipt-timeout <s>       wait this long for a receipt (default 120)
  --log-level <level>         debug | info | warn | error (default info)
  --help                      this text`;

const FLAG: Readonly<Record<string, string>> = {
  rpcUrl: "--rpc",
  fund: "--fund",
  lens: "--lens",
  rebalancer: "--rebalancer",
  privateKey: "KEEPER_PRIVATE_KEY",
  interval: "--interval",
  port: "--port",
  host: "--host",
  sweepMinUsd: "--sweep-min-usd",
  sweepMaxGasBps: "--sweep-max-gas-bps",
  poolDeviationBps: "--pool-deviation-bps",
  maxUtilizationBps: "--max-utilization-bps",
  minGasBalance: "--min-gas-balance",
  staleAfter: "--stale-after",
  failureCooldown: "--failure-cooldown",
  receiptTimeout: "--receipt-timeout",
  logLevel: "--log-level",
};

const address = z
  .string({ error: "is required" })
  .refine((s) => isAddress(s, { strict: false }), "must be a 0x address of 40 hex digits")
  .transform((s) => getAddress(s));
const seconds = (min: number, max: number) =>
  z.coerce.number({ error: "must be a number" }).min(min, `must be >= ${min}`).max(max, `must be <= ${max}`);
const bps = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number of bps")
  .min(0, "must be >= 0")
  .max(10_000, "must be <= 10000");
const decimal = z.string().regex(/^\d+(\.\d+)?$/, "must be a non-negative decimal number");

const schema = z.object({
  rpcUrl: z.url({ error: "must be an http(s) URL", protocol: /^https?$/ }),
  fund: address,
  lens: address,
  rebalancer: address,
  privateKey: z
    .string({ error: "is not set (or use --devnet on a local devnet)" })
    .regex(/^0x[0-9a-fA-F]{64}$/, "must be 0x followed by 64 hex digits"),
  interval: seconds(0.05, 3600).default(5),
  dryRun: z.boolean().default(false),
  host: z.string().min(1).default("127.0.0.1"),
  port: z.coerce.number().int("must be a whole number").min(0).max(65_535).default(9464),
  sweepMinUsd: decimal.default("100"),
  sweepMaxGasBps: bps.default(10),
  poolDeviationBps: bps.default(100),
  maxUtilizationBps: bps.default(9500),
  minGasBalance: decimal.default("0.01"),
  staleAfter: seconds(1, 86_400).optional(),
  failureCooldown: seconds(0, 86_400).default(30),
  receiptTimeout: seconds(1, 3600).default(120),
  logLevel: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

/** What a deployments JSON must hold (the devnet writes deployments/local.json). */
const deploymentSchema = z.object({
  rpcUrl: z.string().optional(),
  fund: z.string().optional(),
  lens: z.string().optional(),
  rebalancer: z.string().optional(),
});

function readDeploymentFile(path: string): z.infer<typeof deploymentSchema> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new KeeperConfigError(`cannot read the deployment file ${path} (start the devnet with npm start)`);
  }
  try {
    return deploymentSchema.parse(JSON.parse(text));
  } catch {
    throw new KeeperConfigError(`${path} is not a deployments JSON with rpcUrl, fund, lens, rebalancer`);
  }
}

export type ParseKeeperArgsOptions = {
  /** Environment (KEEPER_PRIVATE_KEY). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The default deployments/local.json for `--devnet`. */
  devnetDeployment?: string;
};

/** Parses the command line and environment once; throws KeeperConfigError with what to fix. */
export function parseKeeperArgs(
  argv: readonly string[],
  options: ParseKeeperArgsOptions = {},
): KeeperConfig | "help" {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: "boolean", short: "h" },
        devnet: { type: "boolean" },
        deployment: { type: "string" },
        rpc: { type: "string" },
        fund: { type: "string" },
        lens: { type: "string" },
        rebalancer: { type: "string" },
        interval: { type: "string" },
        "dry-run": { type: "boolean" },
        host: { type: "string" },
        port: { type: "string" },
        "sweep-min-usd": { type: "string" },
        "sweep-max-gas-bps": { type: "string" },
        "pool-deviation-bps": { type: "string" },
        "max-utilization-bps": { type: "string" },
        "min-gas-balance": { type: "string" },
        "stale-after": { type: "string" },
        "failure-cooldown": { type: "string" },
        "receipt-timeout": { type: "string" },
        "log-level": { type: "string" },
      },
    }).values;
  } catch (error: unknown) {
    throw new KeeperConfigError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  if (values.help === true) return "help";
  const env = options.env ?? process.env;
  const devnet = values.devnet === true;
  const deploymentPath =
    typeof values.deployment === "string" ? values.deployment : devnet ? options.devnetDeployment : undefined;
  if (devnet && deploymentPath === undefined)
    throw new KeeperConfigError("--devnet: no deployments file known");
  const deployment = deploymentPath === undefined ? {} : readDeploymentFile(deploymentPath);
  const envKey = env.KEEPER_PRIVATE_KEY;
  const devKey = devnet && (envKey === undefined || envKey === "");
  const raw = {
    rpcUrl: values.rpc ?? deployment.rpcUrl,
    fund: values.fund ?? deployment.fund,
    lens: values.lens ?? deployment.lens,
    rebalancer: values.rebalancer ?? deployment.rebalancer,
    privateKey: devKey ? DEVNET_KEEPER_KEY : envKey === "" ? undefined : envKey,
    interval: values.interval,
    dryRun: values["dry-run"] === true,
    host: values.host,
    port: values.port,
    sweepMinUsd: values["sweep-min-usd"],
    sweepMaxGasBps: values["sweep-max-gas-bps"],
    poolDeviationBps: values["pool-deviation-bps"],
    maxUtilizationBps: values["max-utilization-bps"],
    minGasBalance: values["min-gas-balance"],
    staleAfter: values["stale-after"],
    failureCooldown: values["failure-cooldown"],
    receiptTimeout: values["receipt-timeout"],
    logLevel: values["log-level"],
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    const flag = FLAG[key] ?? key;
    // Never echo the key's value, only what is wrong with it.
    throw new KeeperConfigError(`${flag} ${issue?.message ?? "is invalid"}`);
  }
  const c = parsed.data;
  return {
    rpcUrl: c.rpcUrl,
    fund: c.fund,
    lens: c.lens,
    rebalancer: c.rebalancer,
    account: privateKeyToAccount(c.privateKey as Hex),
    devKey,
    intervalMs: Math.round(c.interval * 1000),
    dryRun: c.dryRun,
    host: c.host,
    port: c.port,
    sweepMinUsd: parseEther(c.sweepMinUsd),
    sweepMaxGasBps: c.sweepMaxGasBps,
    poolDeviationBps: c.poolDeviationBps,
    maxUtilizationBps: c.maxUtilizationBps,
    minGasBalance: parseEther(c.minGasBalance),
    staleAfterMs: Math.round((c.staleAfter ?? 3 * c.interval + 30) * 1000),
    failureCooldownMs: Math.round(c.failureCooldown * 1000),
    receiptTimeoutMs: Math.round(c.receiptTimeout * 1000),
    logLevel: c.logLevel,
  };
}

/** The config as it may be logged: the account's address, never its key. */
export function describeConfig(c: KeeperConfig): Record<string, unknown> {
  const { account, ...rest } = c;
  return { ...rest, keeper: account.address };
}
