import { BASKET, type BasketSymbol, DEFAULT_BUFFER_BPS, DEFAULT_WEIGHTS_BPS } from "@blocketf/testkit";
import { DevnetConfigError } from "./errors.js";
import type { UtilizationBand } from "./utilization.js";

export type DevnetConfig = {
  /** anvil's port. */
  readonly port: number;
  /** Seconds of wall time per replayed day. */
  readonly secondsPerDay: number;
  /** First replayed day (UTC, YYYY-MM-DD). */
  readonly from: string;
  /** Target weights in bps, summing to 10,000. */
  readonly weightsBps: Readonly<Record<BasketSymbol, number>>;
  /** {bps} Cash buffer of every asset: kept idle, the rest supplied to Venus by sweeps. */
  readonly bufferBps: number;
  /** Start from scratch even if a saved state exists. */
  readonly fresh: boolean;
  /** Stop after this many replayed days (0 = run until Ctrl-C). */
  readonly days: number;
  /** Where `deployments/local.json` and `.devnet/` live (default: the repository root). */
  readonly dir: string | undefined;
  /** Port of the keeper's /health and /metrics (0 = any free port); `undefined` = no keeper. */
  readonly keeperPort: number | undefined;
  /** Venus utilisation the replayer keeps in every market; `undefined` = no utilisation manager. */
  readonly utilization: UtilizationBand | undefined;
  /** Port of the history indexer's API (0 = any free port); `undefined` = no indexer. */
  readonly indexerPort: number | undefined;
  /** Port of the web app (0 = any free port); `undefined` = no web app. */
  readonly webPort: number | undefined;
};

export const DEFAULT_CONFIG: DevnetConfig = {
  port: 8545,
  secondsPerDay: 5,
  from: "2025-01-01",
  weightsBps: DEFAULT_WEIGHTS_BPS,
  bufferBps: DEFAULT_BUFFER_BPS,
  fresh: false,
  days: 0,
  dir: undefined,
  keeperPort: 9464,
  // An assumption, not a measurement: the 50 % the devnet's borrower starts at (deployLocalStack), ±10 %.
  utilization: { targetBps: 5000, bandBps: 1000 },
  indexerPort: 42069,
  webPort: 5173,
};

export const HELP = `npm start -- [options]   (one command: local chain, Venus, DEX, fund, market replay)

  --port <n>               anvil port (default 8545)
  --seconds-per-day <s>    wall seconds per replayed day (default 5)
  --from <YYYY-MM-DD>      first replayed day (default 2025-01-01; data: 2020-08-11 .. 2026-01-05)
  --weights <A=w,...>      target weights in %, summing to 100, over ${BASKET.join(", ")}
                           (default BTCB=25,ETH=20,WBNB=15,XRP=10,SOL=10,USDT=20)
  --buffer <pct>           cash buffer of every asset, kept idle for redemptions; the rest earns
                           on Venus (default ${DEFAULT_BUFFER_BPS / 100}; applies when the fund is deployed)
  --days <n>               stop after n replayed days (default: run until Ctrl-C)
  --fresh                  ignore the saved state and deploy again
  --dir <path>             where deployments/local.json and .devnet/ go (default: the repo root)
  --keeper-port <n>        the keeper's /health and /metrics port (default 9464; 0 = any free port)
  --no-keeper              do not run the keeper (rebalances and sweeps then wait for you)
  --utilization <pct>      Venus utilisation the borrower keeps in every market (default 50)
  --utilization-band <pct> adjust (repay or borrow, once a day at most) when a market leaves
                           target ± band (default 10)
  --no-utilization         leave the borrower alone (debt accrues; utilisation drifts)
  --web-port <n>           the web app's port (default 5173; 0 = any free port)
  --no-web                 do not serve the web app
  --indexer-port <n>       the history indexer's port (default 42069; 0 = any free port)
  --no-indexer             do not run the indexer (the app then shows no history)
  --help                   this text`;

function parseWeights(text: string): Record<BasketSymbol, number> {
  const weights = Object.fromEntries(BASKET.map((s) => [s, 0])) as Record<BasketSymbol, number>;
  for (const part of text.split(",")) {
    const [symbol, value] = part.split("=");
    if (symbol === undefined || value === undefined || value.trim() === "") {
      throw new DevnetConfigError(`--weights: "${part}" is not SYMBOL=percent`);
    }
    const key = symbol.trim().toUpperCase();
    if (!(BASKET as readonly string[]).includes(key)) {
      throw new DevnetConfigError(`--weights: unknown asset "${symbol}". Known: ${BASKET.join(", ")}.`);
    }
    const pct = Number(value);
    if (!Number.isFinite(pct) || pct <= 0)
      throw new DevnetConfigError(`--weights: ${key} must be a positive percent`);
    weights[key as BasketSymbol] = Math.round(pct * 100);
  }
  const missing = BASKET.filter((s) => weights[s] === 0);
  if (missing.length > 0) {
    throw new DevnetConfigError(
      `--weights: every asset needs a weight > 0 (the fund holds all six); missing ${missing.join(", ")}`,
    );
  }
  const sum = BASKET.reduce((total, s) => total + weights[s], 0);
  if (sum !== 10_000) throw new DevnetConfigError(`--weights: weights sum to ${sum / 100}%, not 100%`);
  return weights;
}

function positive(flag: string, value: string | undefined, integer: boolean): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new DevnetConfigError(
      `${flag} needs a ${integer ? "whole " : ""}number >= 0, got "${value ?? ""}"`,
    );
  }
  return n;
}

function percent(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === "" || !Number.isFinite(n) || n < 0 || n >= 100) {
    throw new DevnetConfigError(`${flag} needs a percent in [0, 100), got "${value ?? ""}"`);
  }
  return Math.round(n * 100);
}

/** The band must stay strictly inside (0 %, 100 %): the borrower can neither owe nothing nor take all the cash. */
function checkBand(band: UtilizationBand): UtilizationBand {
  const { targetBps, bandBps } = band;
  if (targetBps - bandBps <= 0 || targetBps + bandBps >= 10_000) {
    throw new DevnetConfigError(
      `--utilization ${targetBps / 100} ± --utilization-band ${bandBps / 100} leaves (0, 100) %: narrow the band or move the target`,
    );
  }
  return band;
}

/** Parses the command line; throws DevnetConfigError with a message that says what to fix. */
export function parseArgs(argv: readonly string[]): DevnetConfig | "help" {
  let config: DevnetConfig = DEFAULT_CONFIG;
  let band: UtilizationBand | undefined = DEFAULT_CONFIG.utilization;
  let managerOff = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case "--help":
      case "-h":
        return "help";
      case "--port":
        config = { ...config, port: positive(flag, value, true) };
        i++;
        break;
      case "--seconds-per-day":
        config = { ...config, secondsPerDay: positive(flag, value, false) };
        i++;
        break;
      case "--from":
        if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          throw new DevnetConfigError(`--from needs a date YYYY-MM-DD, got "${value ?? ""}"`);
        }
        config = { ...config, from: value };
        i++;
        break;
      case "--weights":
        config = { ...config, weightsBps: parseWeights(value ?? "") };
        i++;
        break;
      case "--buffer":
        config = { ...config, bufferBps: percent(flag, value) };
        i++;
        break;
      case "--days":
        config = { ...config, days: positive(flag, value, true) };
        i++;
        break;
      case "--dir":
        if (value === undefined) throw new DevnetConfigError("--dir needs a path");
        config = { ...config, dir: value };
        i++;
        break;
      case "--keeper-port":
        config = { ...config, keeperPort: positive(flag, value, true) };
        i++;
        break;
      case "--no-keeper":
        config = { ...config, keeperPort: undefined };
        break;
      case "--web-port":
        config = { ...config, webPort: positive(flag, value, true) };
        i++;
        break;
      case "--no-web":
        config = { ...config, webPort: undefined };
        break;
      case "--indexer-port":
        config = { ...config, indexerPort: positive(flag, value, true) };
        i++;
        break;
      case "--no-indexer":
        config = { ...config, indexerPort: undefined };
        break;
      case "--fresh":
        config = { ...config, fresh: true };
        break;
      case "--utilization":
        band = { targetBps: percent(flag, value), bandBps: band?.bandBps ?? 1000 };
        i++;
        break;
      case "--utilization-band":
        band = { targetBps: band?.targetBps ?? 5000, bandBps: percent(flag, value) };
        i++;
        break;
      case "--no-utilization":
        managerOff = true;
        break;
      default:
        throw new DevnetConfigError(`unknown option "${flag}" (see --help)`);
    }
  }
  return { ...config, utilization: managerOff || band === undefined ? undefined : checkBand(band) };
}
