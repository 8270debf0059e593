import {
  formatWeights,
  numberValue,
  parseFlags,
  parseWeights,
  percentBps,
  userPath,
} from "@blocketf/cli-kit";
import { BASKET, type BasketSymbol, CT5U, specWeightsBps } from "@blocketf/core";
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
  weightsBps: specWeightsBps(CT5U),
  bufferBps: CT5U.bufferBps,
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
                           (default ${formatWeights(
                             CT5U.assets.map((a) => a.weightBps),
                             BASKET,
                           )};
                           BTC and BNB are accepted for BTCB and WBNB)
  --buffer <pct>           cash buffer of every asset, kept idle for redemptions; the rest earns
                           on Venus (default ${CT5U.bufferBps / 100}, the fund spec's; applies when the fund is deployed)
  --days <n>               stop after n replayed days (default: run until Ctrl-C)
  --fresh                  ignore the saved state and deploy again
  --dir <path>             where deployments/local.json and .devnet/ go (default: the repo root);
                           the keeper, faucet and deploy command then need --deployment <path>/deployments/local.json
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

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  port: { type: "string" },
  "seconds-per-day": { type: "string" },
  from: { type: "string" },
  weights: { type: "string" },
  buffer: { type: "string" },
  days: { type: "string" },
  fresh: { type: "boolean" },
  dir: { type: "string" },
  "keeper-port": { type: "string" },
  "no-keeper": { type: "boolean" },
  utilization: { type: "string" },
  "utilization-band": { type: "string" },
  "no-utilization": { type: "boolean" },
  "web-port": { type: "string" },
  "no-web": { type: "boolean" },
  "indexer-port": { type: "string" },
  "no-indexer": { type: "boolean" },
} as const;

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

/** Parses the command line (strict: an unknown flag is an error); throws a UsageError that says what to fix. */
export function parseArgs(argv: readonly string[]): DevnetConfig | "help" {
  const f = parseFlags(argv, OPTIONS);
  if (f.help === true) return "help";
  const d = DEFAULT_CONFIG;
  const whole = (flag: string, text: string | undefined, fallback: number): number =>
    text === undefined ? fallback : numberValue(flag, text, { min: 0, integer: true });
  if (f.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(f.from)) {
    throw new DevnetConfigError(`--from needs a date YYYY-MM-DD, got "${f.from}"`);
  }
  const weights =
    f.weights === undefined ? undefined : parseWeights(f.weights, CT5U, BASKET, { requireAll: true });
  const band = {
    targetBps: f.utilization === undefined ? 5000 : percentBps("--utilization", f.utilization),
    bandBps:
      f["utilization-band"] === undefined ? 1000 : percentBps("--utilization-band", f["utilization-band"]),
  };
  return {
    port: whole("--port", f.port, d.port),
    secondsPerDay:
      f["seconds-per-day"] === undefined
        ? d.secondsPerDay
        : numberValue("--seconds-per-day", f["seconds-per-day"], { min: 0 }),
    from: f.from ?? d.from,
    weightsBps:
      weights === undefined
        ? d.weightsBps
        : (Object.fromEntries(BASKET.map((s, i) => [s, weights[i] ?? 0])) as Record<BasketSymbol, number>),
    bufferBps: f.buffer === undefined ? d.bufferBps : percentBps("--buffer", f.buffer),
    fresh: f.fresh === true,
    days: whole("--days", f.days, d.days),
    dir: f.dir === undefined ? d.dir : userPath(f.dir),
    keeperPort: f["no-keeper"] === true ? undefined : whole("--keeper-port", f["keeper-port"], 9464),
    utilization: f["no-utilization"] === true ? undefined : checkBand(band),
    indexerPort: f["no-indexer"] === true ? undefined : whole("--indexer-port", f["indexer-port"], 42069),
    webPort: f["no-web"] === true ? undefined : whole("--web-port", f["web-port"], 5173),
  };
}
