// How much of the fund's NAV earns on Venus for a given cash buffer: `npm run bench:earning [-- 10 5 3 2]`.
//
// For each buffer (percent of every asset kept idle; default 10 5 3 2), runs the devnet as `npm start` does
// — fresh chain, Venus's core pool, the DEX, the fund, the keeper, the market replay of real prices — for
// 90 days from 2025-01-01 with no wait between days, and reads the share of NAV supplied to Venus that the
// devnet prints for each day. It then loads the saved chain to read each market's supply rate, and prints
// the interest a year that the buffer earns against a 10 % buffer at those rates. Writes
// bench/results/earning.json.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { getFund } from "@blocketf/sdk";
import { devClients, freePort, startAnvil } from "@blocketf/testkit";
import type { Address } from "viem";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultFile = join(root, "bench", "results", "earning.json");
const DAYS = 90;
const FROM = "2025-01-01";
/** The devnet's time scale (packages/testkit DEVNET_BLOCKS_PER_YEAR). */
const BLOCKS_PER_YEAR = 36_500n;
const WAD = 10n ** 18n;

type Run = {
  bufferPct: number;
  days: number;
  /** {bps} Share of NAV supplied to Venus at the end of each replayed day. */
  earningBps: number[];
  minBps: number;
  meanBps: number;
  lastBps: number;
  sweeps: number;
  rebalances: number;
  /** D18{USD} NAV at the end. */
  nav: string;
  /** {bps/year} Supply APY of the fund's Venus positions at the end, weighted by their value. */
  supplyApyBps: number;
  wallSeconds: number;
};

/** Runs `npm start` and resolves with its output lines once it exits. */
function runDevnet(args: string[], onLine: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn("npm", ["start", "--silent", "--", ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function measure(bufferPct: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "blocketf-earning-"));
  const started = Date.now();
  const earning: number[] = [];
  let sweeps = 0;
  let rebalances = 0;
  const port = await freePort();
  const code = await runDevnet(
    [
      "--fresh",
      "--from",
      FROM,
      "--days",
      String(DAYS),
      "--seconds-per-day",
      "0",
      "--buffer",
      String(bufferPct),
      "--dir",
      dir,
      "--port",
      String(port),
      "--keeper-port",
      "0",
    ],
    (line) => {
      const day = /^day \S+: .* · ([\d.]+) % of NAV earning$/.exec(line);
      if (day?.[1] !== undefined) earning.push(Math.round(Number(day[1]) * 100));
      if (/^keeper: sweep success/.test(line)) sweeps++;
      if (/^keeper: rebalance success/.test(line)) rebalances++;
    },
  );
  if (code !== 0 || earning.length !== DAYS) {
    throw new Error(`devnet with --buffer ${bufferPct} exited ${code} after ${earning.length} days`);
  }
  const wallSeconds = (Date.now() - started) / 1000;

  // The saved chain: each Venus position's supply rate at the end of the replay.
  const deployment = JSON.parse(readFileSync(join(dir, "deployments", "local.json"), "utf8")) as {
    fund: Address;
    lens: Address;
  };
  const anvil = await startAnvil({ loadState: join(dir, ".devnet", "anvil-state.json") });
  let nav = 0n;
  let weighted = 0n;
  let supplied = 0n;
  try {
    const fund = await getFund(devClients(anvil.rpcUrl).publicClient, {
      lens: deployment.lens,
      fund: deployment.fund,
    });
    nav = fund.totalValue;
    for (const a of fund.assets) {
      // D18{USD} = {tok} * D18{USD/tok} / {tok}
      const value = (a.supplied * a.price) / 10n ** BigInt(a.decimals);
      weighted += value * a.supplyRatePerBlock;
      supplied += value;
    }
  } finally {
    await anvil.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  // {bps/year} = D18{1/block} * {block/year} * {bps} / D18, weighted by value
  const supplyApyBps =
    supplied === 0n ? 0 : Number((weighted * BLOCKS_PER_YEAR * 10_000n) / (supplied * WAD));
  return {
    bufferPct,
    days: earning.length,
    earningBps: earning,
    minBps: Math.min(...earning),
    meanBps: Math.round(earning.reduce((a, b) => a + b, 0) / earning.length),
    lastBps: earning[earning.length - 1] ?? 0,
    sweeps,
    rebalances,
    nav: nav.toString(),
    supplyApyBps,
    wallSeconds,
  };
}

const buffers = process.argv.slice(2).map(Number);
const list = buffers.length > 0 ? buffers : [10, 5, 3, 2];
if (list.some((b) => !Number.isFinite(b) || b < 0 || b >= 100)) {
  console.error("usage: npm run bench:earning [-- <buffer %> ...]  (each in [0, 100))");
  process.exit(2);
}
const runs: Run[] = [];
for (const b of list) {
  console.log(`buffer ${b} %: replaying ${DAYS} days from ${FROM} …`);
  runs.push(await measure(b));
}
const baseline = runs.find((r) => r.bufferPct === 10);
console.table(
  runs.map((r) => {
    // {USD/year} per $1M of NAV: the extra share earning, at the fund's measured supply APY.
    const extra = baseline === undefined ? undefined : ((r.meanBps - baseline.meanBps) / 10_000) * 1e6;
    return {
      "buffer %": r.bufferPct,
      "earning min %": (r.minBps / 100).toFixed(1),
      "earning mean %": (r.meanBps / 100).toFixed(1),
      "earning last %": (r.lastBps / 100).toFixed(1),
      "supply APY %": (r.supplyApyBps / 100).toFixed(2),
      "vs 10 %: $/year per $1M NAV": extra === undefined ? "" : Math.round((extra * r.supplyApyBps) / 10_000),
      "keeper sweeps": r.sweeps,
      "keeper rebalance steps": r.rebalances,
      "wall s": r.wallSeconds.toFixed(0),
    };
  }),
);
mkdirSync(dirname(resultFile), { recursive: true });
writeFileSync(resultFile, `${JSON.stringify({ days: DAYS, from: FROM, runs }, null, 2)}\n`);
console.log(`wrote ${join("bench", "results", "earning.json")}`);
