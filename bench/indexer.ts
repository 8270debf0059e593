// Indexer benchmark: `npm run bench:indexer [-- --days N --paced-days M --keep-states K]`. Not a timed
// test: it prints figures and writes bench/results/indexer.json.
//
// 1. A devnet as `npm start` builds it (same deploy, same market replay of data/, the keeper on the fund),
//    on an anvil that keeps every block's state (a backfill reads each indexed block's state).
// 2. Following: the indexer starts with the chain and follows it while the replay runs at the devnet's
//    pace (5 s per replayed day) for --paced-days; the lag behind the head (blocks) is sampled every
//    250 ms. Then it stops and the rest of the days are replayed as fast as the replayer goes.
// 3. Backfill: a second indexer, cold (new PGlite database), indexes the whole replayed chain from block 0;
//    blocks/s from Ponder's own backfill log lines, and its progress (the last indexed block) sampled every
//    200 ms.
//
// A backfill reads the Lens at each snapshot block, so anvil must hold the blocks' states: it keeps the
// latest in memory and writes older ones to a directory in the bench's work dir (removed at the end).
// On disk a state costs 2-4 MB with the full stack, so a 365-day chain (36,700 blocks, ~110 GB) does not
// fit on this machine's disk: --keep-states K keeps only the last K (default: every block). Below them the
// backfill still indexes every event but the Lens cannot be read there, so those snapshots are missing
// (counted in `missingSnapshots`), and the progress samples give the rate over the blocks with state apart
// from the rate over those without.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLogger, parseKeeperArgs, type RunningKeeper, startKeeper } from "@blocketf/keeper";
import { DEVNET_BLOCKS_PER_DAY, devClients, startAnvil } from "@blocketf/testkit";
import { type PublicClient, zeroAddress } from "viem";
import { DEFAULT_CONFIG } from "../apps/devnet/src/config.js";
import {
  BORROWER_KEY_INDEX,
  deployDevnet,
  devnetPaths,
  KEEPER_KEY_INDEX,
  writeDeployment,
} from "../apps/devnet/src/deployment.js";
import { loadDailyPrices } from "../apps/devnet/src/prices.js";
import { replayDay } from "../apps/devnet/src/replayer.js";
import { type RunningIndexer, startIndexer } from "../apps/indexer/src/start.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultFile = join(root, "bench", "results", "indexer.json");

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    days: { type: "string", default: "180" },
    "paced-days": { type: "string", default: "20" },
    "keep-states": { type: "string" },
  },
});
const days = Number(values.days);
const pacedDays = Math.min(days, Number(values["paced-days"]));
const keepStatesArg = values["keep-states"] === undefined ? undefined : Number(values["keep-states"]);

/** Size of a directory tree in MB (anvil's states written to disk). */
function diskMB(dir: string): number {
  if (!existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return Math.round(bytes / 1e6);
}

/** The oldest block at which the node answers a state read (binary search; states go oldest first). */
async function oldestState(client: PublicClient, last: bigint): Promise<number> {
  const readable = (blockNumber: bigint) =>
    client.getBalance({ address: zeroAddress, blockNumber }).then(
      () => true,
      () => false,
    );
  let lo = 0n;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if (await readable(mid)) hi = mid;
    else lo = mid + 1n;
  }
  return Number(lo);
}

type Lag = { samples: number; median: number; p95: number; max: number };
function lagStats(samples: number[]): Lag {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { samples: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? 0 };
}

/** Samples the last indexed block every 200 ms until stopped; `stop(reached)` adds the moment it arrived. */
function sampleProgress(indexer: () => RunningIndexer | undefined) {
  const samples: { ms: number; block: number }[] = [];
  let running = true;
  const t0 = Date.now();
  const loop = (async () => {
    while (running) {
      const s = await indexer()
        ?.status()
        .catch(() => undefined);
      if (s !== undefined) samples.push({ ms: Date.now() - t0, block: s.block });
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    stop: async (reached?: number) => {
      const at = Date.now() - t0;
      running = false;
      await loop;
      if (reached !== undefined) samples.push({ ms: at, block: reached });
      return samples;
    },
  };
}

/** Blocks/s between the first samples at or past `from` and `to` (null without two such samples). */
function rateBetween(samples: readonly { ms: number; block: number }[], from: number, to: number) {
  const a = samples.find((s) => s.block >= from);
  const b = samples.find((s) => s.block >= to);
  if (a === undefined || b === undefined || b.ms <= a.ms) return null;
  return {
    fromBlock: a.block,
    toBlock: b.block,
    seconds: (b.ms - a.ms) / 1000,
    blocksPerSecond: Math.round((b.block - a.block) / ((b.ms - a.ms) / 1000)),
  };
}

/** Samples head − indexed block every 250 ms until stopped. */
function sampleLag(indexer: RunningIndexer, head: () => Promise<bigint>) {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const [h, s] = await Promise.all([head(), indexer.status().catch(() => undefined)]);
      if (s !== undefined) samples.push(Math.max(0, Number(h) - s.block));
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    stop: async (): Promise<number[]> => {
      running = false;
      await loop;
      return samples;
    },
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "blocketf-indexer-bench-"));
  const history = loadDailyPrices(DEFAULT_CONFIG.from);
  const first = history.prices[0];
  if (first === undefined) throw new Error("no price history");
  const expectedBlocks = days * DEVNET_BLOCKS_PER_DAY + 1_000;
  const keepStates = Math.min(expectedBlocks, keepStatesArg ?? expectedBlocks);
  const statesDir = join(work, "anvil-states");
  const anvil = await startAnvil({
    timestamp: Math.floor(Date.parse(`${history.dates[0]}T00:00:00Z`) / 1000),
    statesOnDisk: { dir: statesDir, max: keepStates },
    startTimeoutMs: 30_000,
  });
  const clients = (i: number) => devClients(anvil.rpcUrl, i);
  const paths = devnetPaths(work);
  let keeper: RunningKeeper | undefined;
  const indexers: RunningIndexer[] = [];
  try {
    const config = { ...DEFAULT_CONFIG, port: anvil.port, days, dir: work };
    const deployment = await deployDevnet(
      {
        admin: clients(0),
        lender: clients(1),
        borrower: clients(BORROWER_KEY_INDEX),
        user: clients(3),
        keeper: clients(KEEPER_KEY_INDEX),
      },
      config,
      first,
    );
    writeDeployment(paths, deployment);
    const keeperConfig = parseKeeperArgs(
      [
        "--devnet",
        "--deployment",
        paths.deploymentFile,
        "--rpc",
        anvil.rpcUrl,
        "--port",
        "0",
        "--interval",
        "1",
      ],
      { env: {} },
    );
    if (keeperConfig === "help") throw new Error("unexpected --help");
    keeper = await startKeeper(keeperConfig, { logger: createLogger(() => {}) });

    const head = () => clients(0).publicClient.getBlockNumber({ cacheTime: 0 });
    const follower = await startIndexer({
      deployment: paths.deploymentFile,
      dataDir: join(work, "follow"),
      databaseUrl: "",
    });
    indexers.push(follower);
    await follower.ready();
    process.stdout.write(
      `following from block ${(await follower.status())?.block}; replaying ${days} days\n`,
    );

    const replayClients = { admin: clients(0), borrower: clients(BORROWER_KEY_INDEX) };
    const replay = async (day: number) => {
      const prices = history.prices[day];
      const date = history.dates[day];
      if (prices === undefined || date === undefined) throw new Error(`no prices for day ${day}`);
      const tick = await replayDay(replayClients, deployment, date, prices, {
        utilization: config.utilization,
      });
      if (day % 25 === 0) process.stdout.write(`  day ${day} (${date}) block ${await head()}\n`);
      return tick.ms;
    };
    const sampler = sampleLag(follower, head);
    for (let day = 1; day <= pacedDays; day++) {
      const wait = DEFAULT_CONFIG.secondsPerDay * 1000 - (await replay(day));
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const pacedLag = await sampler.stop();
    const pacedEnd = await head();
    const catchUpStart = Date.now();
    await follower.waitForBlock(pacedEnd, 600_000);
    const catchUpMs = Date.now() - catchUpStart;
    const followed = (await (
      await fetch(`${follower.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: "{ snapshots(limit: 1) { totalCount } funds { items { missingSnapshots } } }",
        }),
      })
    ).json()) as {
      data: { snapshots: { totalCount: number }; funds: { items: { missingSnapshots: number }[] } };
    };
    await follower.stop();

    let fastMs = 0;
    for (let day = pacedDays + 1; day <= days && day < history.dates.length; day++)
      fastMs += await replay(day);
    await keeper.stop();
    keeper = undefined;
    const lastBlock = await head();

    // The oldest block whose state anvil still holds (the chain stands still from here on).
    const firstWithState = await oldestState(clients(0).publicClient, lastBlock);

    // Cold backfill of the same chain, new database.
    const logs: { time: number; msg: string; block_range?: string }[] = [];
    const t0 = Date.now();
    let coldIndexer: RunningIndexer | undefined;
    const progress = sampleProgress(() => coldIndexer);
    const cold = await startIndexer({
      deployment: paths.deploymentFile,
      dataDir: join(work, "backfill"),
      databaseUrl: "",
      // Ponder's lines are JSON; the indexer's own warnings (a block whose state is gone) are not.
      log: (line) => {
        if (line.startsWith("{")) logs.push(JSON.parse(line) as (typeof logs)[number]);
      },
    });
    coldIndexer = cold;
    indexers.push(cold);
    await cold.ready(3_600_000);
    await cold.waitForBlock(lastBlock, 600_000);
    const wallMs = Date.now() - t0;
    const samples = await progress.stop(Number(lastBlock));
    const started = logs.find((l) => l.msg === "Started backfill indexing");
    const done = logs.find((l) => l.msg === "Completed backfill indexing across all chains");
    const range = JSON.parse(started?.block_range ?? "[0,0]") as [number, number];
    const backfillMs = (done?.time ?? 0) - (started?.time ?? 0);
    const backfillBlocks = range[1] - range[0] + 1;
    const counts = (await (
      await fetch(`${cold.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query:
            "{ snapshots(limit: 1) { totalCount } activitys(limit: 1) { totalCount } rebalanceSteps(limit: 1) { totalCount } funds { items { missingSnapshots } } }",
        }),
      })
    ).json()) as {
      data: {
        snapshots: { totalCount: number };
        activitys: { totalCount: number };
        rebalanceSteps: { totalCount: number };
        funds: { items: { missingSnapshots: number }[] };
      };
    };

    const result = {
      command: `npm run bench:indexer -- --days ${days} --paced-days ${pacedDays}${
        keepStatesArg === undefined ? "" : ` --keep-states ${keepStatesArg}`
      }`,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "?",
        loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
      },
      database: "PGlite (embedded)",
      devnet: {
        days,
        from: history.dates[1],
        blocks: Number(lastBlock),
        blocksPerDay: DEVNET_BLOCKS_PER_DAY,
        keeper: "on (as npm start)",
        anvilStatesKept: keepStates,
        anvilStatesOnDiskMB: diskMB(statesDir),
        firstBlockWithState: firstWithState,
      },
      following: {
        secondsPerDay: DEFAULT_CONFIG.secondsPerDay,
        days: pacedDays,
        blocks: Number(pacedEnd),
        lagBlocks: lagStats(pacedLag),
        catchUpAfterLastBlockMs: catchUpMs,
        snapshots: followed.data.snapshots.totalCount,
        missingSnapshots: followed.data.funds.items[0]?.missingSnapshots ?? null,
      },
      fastReplayMsPerDay: Math.round(fastMs / Math.max(1, days - pacedDays)),
      backfill: {
        blocks: backfillBlocks,
        seconds: Number((backfillMs / 1000).toFixed(1)),
        blocksPerSecond: Math.round(backfillBlocks / (backfillMs / 1000)),
        wallSecondsToHead: Number((wallMs / 1000).toFixed(1)),
        snapshots: counts.data.snapshots.totalCount,
        activityRows: counts.data.activitys.totalCount,
        rebalanceSteps: counts.data.rebalanceSteps.totalCount,
        missingSnapshots: counts.data.funds.items[0]?.missingSnapshots ?? null,
        progressSamples: samples.length,
        // From the progress samples (they include Ponder's start-up before its first indexed block).
        withoutState: firstWithState > 0 ? rateBetween(samples, 1, firstWithState) : null,
        withState: rateBetween(samples, firstWithState, Number(lastBlock)),
        // [ms since the indexer was started, last indexed block]
        progress: samples.map((p) => [p.ms, p.block]),
      },
    };
    mkdirSync(dirname(resultFile), { recursive: true });
    writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten ${resultFile}\n`);
  } finally {
    await keeper?.stop();
    for (const i of indexers) await i.stop().catch(() => undefined);
    await anvil.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
