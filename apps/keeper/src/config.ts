import { readFileSync } from "node:fs";
import { addressValue, numberValue, parseFlags, UsageError, userPath } from "@blocketf/cli-kit";
import { type Address, type Hex, type LocalAccount, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";

/**
 * A configuration problem (a flag, the key, the deployment file, an address that is not what it claims):
 * printed as one line (no stack trace), exit code 2. A cli-kit UsageError, as every command's.
 */
export class KeeperConfigError extends UsageError {
  override name = "KeeperConfigError";
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
  /** The holders' USDT router (BlockETFRouter), when given: checked at start to quote for the fund. */
  readonly router: Address | undefined;
  /**
   * Signs the keeper's transactions; holds no readable key (viem's local account). Absent only with
   * `--dry-run` and no key: the keeper then simulates as the fund's `keeper()`.
   */
  readonly account: LocalAccount | undefined;
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
  /** {ms} After the last replacement, how long to wait for a receipt before leaving it to the next ticks. */
  readonly receiptTimeoutMs: number;
  /** {ms} A transaction not mined within this is replaced at the same nonce with a higher gas price. */
  readonly replaceAfterMs: number;
  /** How many times one transaction may be replaced (each at +25 % gas price). */
  readonly maxReplacements: number;
  /** Venus's blocks per year on this chain, for the APY metrics (deployment file, flag, or BNB Chain's). */
  readonly venusBlocksPerYear: number | undefined;
  readonly logLevel: "debug" | "info" | "warn" | "error";
  /** Also write the JSON log here, rotated by size (pino-roll). */
  readonly logFile: string | undefined;
  /** {bytes} Rotate the log file when it reaches this size. */
  readonly logMaxBytes: number;
  /** Rotated log files kept besides the current one. */
  readonly logKeep: number;
};

export const HELP = `blocketf-keeper [options]   (npm run start -w @blocketf/keeper -- [options])

Triggers rebalance steps and Venus sweeps of one BlockETF fund, watches its health.
The signing key comes from KEEPER_PRIVATE_KEY (0x + 64 hex); it is never logged.
At start it checks that each address is what it claims; a wrong one is one line and exit code 2.

  --deployment <file>         read rpcUrl, fund, lens, rebalancer, router, venus.blocksPerYear from a
                              deployments JSON (npm start writes <dir>/deployments/local.json)
  --devnet                    without KEEPER_PRIVATE_KEY, sign with the devnet keeper's dev key (chain
                              31337 only); without --deployment, reads the repo's deployments/local.json
  --rpc <url>                 JSON-RPC endpoint (overrides the deployment's)
  --fund <address>            the fund (BlockETF)
  --lens <address>            the BlockETFLens
  --rebalancer <address>      the fund's BlockETFRebalancer
  --router <address>          the holders' USDT router (optional; checked to quote for the fund)
  --interval <s>              seconds between ticks (default 5)
  --dry-run                   plan and simulate every decision, send nothing; needs no key (it then
                              simulates as the fund's keeper())
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
  --replace-after <s>         replace a transaction not mined within this, same nonce, gas price
                              +25 % (default 30)
  --max-replacements <n>      replace one transaction at most this often (default 3)
  --receipt-timeout <s>       after the last replacement, wait this long for a receipt (default 120)
  --venus-blocks-per-year <n> Venus's blocks per year, for the APY metrics (default: the deployment's,
                              or 70080000 on BNB Chain; no APY metrics otherwise)
  --log-level <level>         debug | info | warn | error (default info)
  --log-file <path>           also write the JSON log to this file, rotated by size
  --log-max-size <MB>         rotate the log file at this size (default 10)
  --log-keep <n>              rotated log files kept besides the current one (default 5)
  --help                      this text

Exit codes: 0 stopped by SIGINT/SIGTERM; 1 an unexpected failure; 2 a flag, key, deployment file or
address that is wrong (one line naming it), or a /health port already in use.`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  devnet: { type: "boolean" },
  deployment: { type: "string" },
  rpc: { type: "string" },
  fund: { type: "string" },
  lens: { type: "string" },
  rebalancer: { type: "string" },
  router: { type: "string" },
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
  "replace-after": { type: "string" },
  "max-replacements": { type: "string" },
  "receipt-timeout": { type: "string" },
  "venus-blocks-per-year": { type: "string" },
  "log-level": { type: "string" },
  "log-file": { type: "string" },
  "log-max-size": { type: "string" },
  "log-keep": { type: "string" },
} as const;

/** What a deployments JSON may hold (the devnet writes deployments/local.json with all of it). */
const deploymentSchema = z.object({
  rpcUrl: z.string().optional(),
  fund: z.string().optional(),
  lens: z.string().optional(),
  rebalancer: z.string().optional(),
  router: z.string().optional(),
  venus: z.object({ blocksPerYear: z.number().positive().optional() }).optional(),
});
type Deployment = z.infer<typeof deploymentSchema>;

function readDeploymentFile(path: string): Deployment {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new KeeperConfigError(
      `--deployment: cannot read ${path} (start the devnet with npm start, or pass the file it wrote)`,
    );
  }
  const parsed = (() => {
    try {
      return deploymentSchema.safeParse(JSON.parse(text));
    } catch {
      return undefined;
    }
  })();
  if (parsed === undefined || !parsed.success)
    throw new KeeperConfigError(
      `--deployment: ${path} is not a deployments JSON (rpcUrl, fund, lens, rebalancer)`,
    );
  return parsed.data;
}

export type ParseKeeperArgsOptions = {
  /** Environment (KEEPER_PRIVATE_KEY). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The default deployments file of `--devnet` without `--deployment`. */
  devnetDeployment?: string;
  /** Directory relative paths are resolved against (default: the user's, INIT_CWD under npm). */
  cwd?: string;
};

const LEVELS = ["debug", "info", "warn", "error"] as const;
const decimal = /^\d+(\.\d+)?$/;

function required<T>(flag: string, value: T | undefined, hint = ""): T {
  if (value === undefined || value === "") throw new KeeperConfigError(`${flag} is required${hint}`);
  return value;
}

function seconds(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  return text === undefined ? fallback : numberValue(flag, text, { min, max });
}

function whole(flag: string, text: string | undefined, fallback: number, min: number, max: number): number {
  return text === undefined ? fallback : numberValue(flag, text, { min, max, integer: true });
}

function decimalValue(flag: string, text: string | undefined, fallback: string): bigint {
  const value = text ?? fallback;
  if (!decimal.test(value))
    throw new KeeperConfigError(`${flag} needs a decimal number >= 0, got "${value}"`);
  return parseEther(value);
}

/** Parses the command line and environment once; throws a KeeperConfigError (a UsageError) naming what to fix. */
export function parseKeeperArgs(
  argv: readonly string[],
  options: ParseKeeperArgsOptions = {},
): KeeperConfig | "help" {
  try {
    return parse(argv, options);
  } catch (error: unknown) {
    // cli-kit's flag and value errors, as the keeper's own.
    if (error instanceof UsageError && !(error instanceof KeeperConfigError))
      throw new KeeperConfigError(error.shortMessage, { cause: error });
    throw error;
  }
}

function parse(argv: readonly string[], options: ParseKeeperArgsOptions): KeeperConfig | "help" {
  const f = parseFlags(argv, OPTIONS);
  if (f.help === true) return "help";
  const env = options.env ?? process.env;
  const devnet = f.devnet === true;
  const dryRun = f["dry-run"] === true;
  const deploymentPath =
    f.deployment !== undefined
      ? userPath(f.deployment, options.cwd)
      : devnet
        ? options.devnetDeployment
        : undefined;
  if (devnet && deploymentPath === undefined)
    throw new KeeperConfigError("--devnet: no deployments file known: pass --deployment <file>");
  const d: Deployment = deploymentPath === undefined ? {} : readDeploymentFile(deploymentPath);
  const fromFile = deploymentPath === undefined ? "" : ` (and ${deploymentPath} has none)`;

  const rpcUrl = required("--rpc", f.rpc ?? d.rpcUrl, fromFile);
  if (!/^https?:\/\/[^\s/]+/.test(rpcUrl))
    throw new KeeperConfigError(`--rpc must be an http(s) URL, got "${rpcUrl}"`);
  const address = (flag: string, value: string | undefined): Address =>
    addressValue(flag, required(flag, value, fromFile));
  const fund = address("--fund", f.fund ?? d.fund);
  const lens = address("--lens", f.lens ?? d.lens);
  const rebalancer = address("--rebalancer", f.rebalancer ?? d.rebalancer);
  const routerText = f.router ?? d.router;
  const router = routerText === undefined ? undefined : addressValue("--router", routerText);

  const envKey = env.KEEPER_PRIVATE_KEY === "" ? undefined : env.KEEPER_PRIVATE_KEY;
  const devKey = devnet && envKey === undefined;
  const key = devKey ? DEVNET_KEEPER_KEY : envKey;
  if (key === undefined && !dryRun)
    throw new KeeperConfigError(
      "KEEPER_PRIVATE_KEY is not set (or use --devnet on a local devnet, or --dry-run to send nothing)",
    );
  // Never echo the key's value, only what is wrong with it.
  if (key !== undefined && !/^0x[0-9a-fA-F]{64}$/.test(key))
    throw new KeeperConfigError("KEEPER_PRIVATE_KEY must be 0x followed by 64 hex digits");

  const interval = seconds("--interval", f.interval, 5, 0.05, 3600);
  const logLevel = f["log-level"] ?? "info";
  if (!(LEVELS as readonly string[]).includes(logLevel))
    throw new KeeperConfigError(`--log-level must be one of ${LEVELS.join(", ")}, got "${logLevel}"`);
  const host = f.host ?? "127.0.0.1";
  if (host === "") throw new KeeperConfigError("--host must not be empty");
  const bpy = f["venus-blocks-per-year"];
  return {
    rpcUrl,
    fund,
    lens,
    rebalancer,
    router,
    account: key === undefined ? undefined : privateKeyToAccount(key as Hex),
    devKey,
    intervalMs: Math.round(interval * 1000),
    dryRun,
    host,
    port: whole("--port", f.port, 9464, 0, 65_535),
    sweepMinUsd: decimalValue("--sweep-min-usd", f["sweep-min-usd"], "100"),
    sweepMaxGasBps: whole("--sweep-max-gas-bps", f["sweep-max-gas-bps"], 10, 0, 10_000),
    poolDeviationBps: whole("--pool-deviation-bps", f["pool-deviation-bps"], 100, 0, 10_000),
    maxUtilizationBps: whole("--max-utilization-bps", f["max-utilization-bps"], 9500, 0, 10_000),
    minGasBalance: decimalValue("--min-gas-balance", f["min-gas-balance"], "0.01"),
    staleAfterMs: Math.round(seconds("--stale-after", f["stale-after"], 3 * interval + 30, 1, 86_400) * 1000),
    failureCooldownMs: Math.round(seconds("--failure-cooldown", f["failure-cooldown"], 30, 0, 86_400) * 1000),
    replaceAfterMs: Math.round(seconds("--replace-after", f["replace-after"], 30, 0.1, 3600) * 1000),
    maxReplacements: whole("--max-replacements", f["max-replacements"], 3, 0, 10),
    receiptTimeoutMs: Math.round(seconds("--receipt-timeout", f["receipt-timeout"], 120, 1, 3600) * 1000),
    venusBlocksPerYear:
      bpy === undefined
        ? d.venus?.blocksPerYear
        : numberValue("--venus-blocks-per-year", bpy, { min: 1, integer: true }),
    logLevel: logLevel as KeeperConfig["logLevel"],
    logFile: f["log-file"] === undefined ? undefined : userPath(f["log-file"], options.cwd),
    logMaxBytes: Math.round(
      numberValue("--log-max-size", f["log-max-size"] ?? "10", { min: 0.001 }) * 1024 * 1024,
    ),
    logKeep: whole("--log-keep", f["log-keep"], 5, 0, 1000),
  };
}

/** The config as it may be logged: the account's address, never its key. */
export function describeConfig(c: KeeperConfig): Record<string, unknown> {
  const { account, ...rest } = c;
  return { ...rest, keeper: account?.address ?? null };
}
