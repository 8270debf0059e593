import { type FlagValues, parseAssetValues, parseCommand, userPath } from "@blocketf/cli-kit";
import { CT5U } from "@blocketf/core";
import { DEFAULT_FUND_PARAMETERS, type FundParameters } from "../config/fund.js";
import { INTERVALS, type Interval } from "../data/files.js";
import { InvalidFlagError } from "../errors.js";

/** Every flag of every command; each command reads the ones it documents. */
export const OPTIONS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  out: { type: "string" },
  weights: { type: "string" },
  "threshold-bps": { type: "string" },
  "cooldown-seconds": { type: "string" },
  "buffer-bps": { type: "string" },
  "mgmt-fee-bps": { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  interval: { type: "string" },
  prices: { type: "string" },
  yield: { type: "string" },
  apy: { type: "string" },
  "apy-file": { type: "string" },
  "fee-tier": { type: "string" },
  "depth-usd": { type: "string" },
  "impact-k": { type: "string" },
  "gas-usd": { type: "string" },
  "max-trade-usd": { type: "string" },
  "step-interval-seconds": { type: "string" },
  "nav-usd": { type: "string" },
  "risk-free-pct": { type: "string" },
  "thresholds-bps": { type: "string" },
  "stable-weights-pct": { type: "string" },
  "buffers-bps": { type: "string" },
  "cooldowns-seconds": { type: "string" },
  workers: { type: "string" },
  csv: { type: "string" },
} as const;

export type Flags = FlagValues<typeof OPTIONS>;

export type ParsedCommandLine = { readonly command: string; readonly flags: Flags };

const COMMANDS = ["run", "sweep", "report", "help"] as const;

/** Splits `[command] --flags...` (strict, through @blocketf/cli-kit); the command defaults to `run`. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const { command, flags } = parseCommand(argv, COMMANDS, "run", OPTIONS);
  return { command, flags: withUserPaths(flags) };
}

const PATH_FLAGS = ["out", "prices", "apy-file", "csv"] as const;

/**
 * Resolves file flags against the directory the user ran the command from: `npm run -w` moves the
 * process into apps/cli, and npm keeps the original directory in INIT_CWD.
 */
export function withUserPaths(flags: Flags, base = process.env.INIT_CWD ?? process.cwd()): Flags {
  const out: Record<string, string | boolean | undefined> = { ...flags };
  for (const name of PATH_FLAGS) {
    const value = flags[name];
    if (value !== undefined) out[name] = userPath(value, base);
  }
  return out as Flags;
}

/** A finite number from a flag, or the default when the flag is absent. */
export function numberFlag(flags: Flags, name: keyof Flags, fallback: number): number {
  const raw = flags[name];
  if (raw === undefined || typeof raw === "boolean") return fallback;
  const value = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new InvalidFlagError(`--${name}`, `"${raw}" is not a number`);
  return value;
}

export function intervalFlag(flags: Flags): Interval {
  const raw = flags.interval ?? "1d";
  const interval = INTERVALS.find((candidate) => candidate === raw);
  if (interval === undefined)
    throw new InvalidFlagError("--interval", `"${raw}" is not one of ${INTERVALS.join(", ")}`);
  return interval;
}

export function yieldFlag(flags: Flags): boolean {
  const raw = flags.yield ?? "on";
  if (raw !== "on" && raw !== "off") throw new InvalidFlagError("--yield", `"${raw}" is not on or off`);
  return raw === "on";
}

/** The fund parameters from flags, the defaults filling the gaps. */
export function fundParameters(flags: Flags, assets: readonly string[]): FundParameters {
  const d = DEFAULT_FUND_PARAMETERS;
  const map = (name: "apy" | "fee-tier" | "depth-usd") => {
    const raw = flags[name];
    return raw === undefined ? new Map<string, number>() : parseAssetValues(raw, CT5U, assets, `--${name}`);
  };
  return {
    thresholdBps: numberFlag(flags, "threshold-bps", d.thresholdBps),
    cooldownSeconds: numberFlag(flags, "cooldown-seconds", d.cooldownSeconds),
    bufferBps: numberFlag(flags, "buffer-bps", d.bufferBps),
    managementFeeBps: numberFlag(flags, "mgmt-fee-bps", d.managementFeeBps),
    apyPct: map("apy"),
    feeTierPct: map("fee-tier"),
    depthUsd: map("depth-usd"),
    impactK: numberFlag(flags, "impact-k", d.impactK),
    gasUsd: numberFlag(flags, "gas-usd", d.gasUsd),
    maxTradeUsd: numberFlag(flags, "max-trade-usd", d.maxTradeUsd),
    stepIntervalSeconds: numberFlag(flags, "step-interval-seconds", d.stepIntervalSeconds),
    navUsd: numberFlag(flags, "nav-usd", d.navUsd),
    riskFreePct: numberFlag(flags, "risk-free-pct", d.riskFreePct),
  };
}
