// The keeper on anvil with the real stack: Venus's core pool and a V3 DEX from their published artifacts,
// the fund, its rebalancer with routes through the pools. Chain paths are never mocked.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { blockEtfAbi, blockEtfLensAbi, blockEtfRebalancerAbi } from "@blocketf/abi";
import {
  ANVIL_KEYS,
  type Anvil,
  type BasketSymbol,
  type DevClients,
  deployLocalDex,
  deployLocalStack,
  devClients,
  type LocalPools,
  type LocalStack,
  moveOracles,
  movePool,
  sendPadded,
  startAnvil,
  TEST_PRICES_USD,
  wireRebalancer,
} from "@blocketf/testkit";
import type { Address, Hex } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type KeeperConfig, parseKeeperArgs } from "./config.js";
import { Keeper } from "./keeper.js";
import { createLogger } from "./log.js";
import { startHealthServer } from "./server.js";

const PRICES = TEST_PRICES_USD;
const KEEPER_KEY = ANVIL_KEYS[4];

let anvil: Anvil;
let admin: DevClients;
let stack: LocalStack;
let pools: LocalPools;
let router: Address;
let rebalancer: Address;
let keeperAddress: Address;
let snapshot: Hex;

beforeAll(async () => {
  anvil = await startAnvil();
  admin = devClients(anvil.rpcUrl, 0);
  stack = await deployLocalStack(admin, devClients(anvil.rpcUrl, 1), devClients(anvil.rpcUrl, 2), {
    pricesUsd: PRICES,
    heartbeat: 2 * 86_400,
  });
  const local = await deployLocalDex(admin, stack, PRICES);
  pools = local.pools;
  router = local.dex.router;
  keeperAddress = devClients(anvil.rpcUrl, 4).account.address;
  rebalancer = await wireRebalancer(admin, {
    fund: stack.fund,
    router,
    tokens: stack.tokens,
    keeper: keeperAddress,
  });
  // The seed's idle excess goes to Venus now, so the tests start with positions and no sweep to do.
  await send({ address: stack.fund, abi: blockEtfAbi, functionName: "sweep" });
  snapshot = await admin.test.snapshot();
});

beforeEach(async () => {
  current = { ...PRICES };
  await admin.test.revert({ id: snapshot });
  snapshot = await admin.test.snapshot();
  await admin.test.setAutomine(true);
});

afterAll(async () => {
  await anvil?.stop();
});

async function send(request: Parameters<DevClients["wallet"]["writeContract"]>[0]): Promise<void> {
  const receipt = await sendPadded(admin, request);
  expect(receipt.status).toBe("success");
}

/** {USD} The oracle's prices as the tests moved them. */
let current: Record<BasketSymbol, number> = { ...PRICES };

/** A market shock: the feed, Venus's oracle and the pool all move `symbol` to `priceUsd`. */
async function shock(
  symbol: Exclude<BasketSymbol, "USDT">,
  priceUsd: number,
): Promise<{ block: bigint; time: bigint }> {
  current[symbol] = priceUsd;
  await moveOracles(admin, stack, symbol, priceUsd);
  await movePool(admin, { stack, pools, router }, symbol, priceUsd);
  const block = await admin.publicClient.getBlock({ blockTag: "latest" });
  return { block: block.number, time: block.timestamp };
}

/** Arbitrageurs put every pool back on the oracle (the keeper's own steps move them, as on mainnet). */
async function arbitrage(): Promise<void> {
  for (const symbol of Object.keys(pools) as Exclude<BasketSymbol, "USDT">[]) {
    await movePool(admin, { stack, pools, router }, symbol, current[symbol]);
  }
}

function keeperArgs(extra: readonly string[] = []): string[] {
  return [
    "--rpc",
    anvil.rpcUrl,
    "--fund",
    stack.fund,
    "--lens",
    stack.fundStack.lens,
    "--rebalancer",
    rebalancer,
    "--interval",
    "0.2",
    "--port",
    "0",
    "--failure-cooldown",
    "0",
    ...extra,
  ];
}

function keeperConfig(extra: readonly string[] = []): KeeperConfig {
  const c = parseKeeperArgs(keeperArgs(extra), { env: { KEEPER_PRIVATE_KEY: KEEPER_KEY } });
  if (c === "help") throw new Error("unexpected help");
  return c;
}

type Entry = {
  msg: string;
  action?: string;
  reason?: string;
  status?: string;
  block?: string;
  [k: string]: unknown;
};

function capture(): { lines: Entry[]; logger: ReturnType<typeof createLogger> } {
  const lines: Entry[] = [];
  return { lines, logger: createLogger((l) => lines.push(JSON.parse(l) as Entry), { level: "debug" }) };
}

async function steps(fromBlock: bigint) {
  const logs = await admin.publicClient.getContractEvents({
    address: rebalancer,
    abi: blockEtfRebalancerAbi,
    eventName: "RebalanceStep",
    fromBlock,
  });
  return logs;
}

async function status() {
  return admin.publicClient.readContract({
    address: stack.fundStack.lens,
    abi: blockEtfLensAbi,
    functionName: "rebalanceStatus",
    args: [stack.fund],
  });
}

/** anvil's clock moves on by `seconds` (the rebalancer's step interval) with one block. */
async function wait(seconds: number): Promise<void> {
  await admin.test.increaseTime({ seconds });
  await admin.test.mine({ blocks: 1 });
}

describe("Keeper on anvil", () => {
  test("behavior: a price shock is rebalanced in bounded steps, weights back within the threshold, Venus re-supplied", async () => {
    const { lines, logger } = capture();
    const keeper = new Keeper(keeperConfig(), { logger });
    const server = await startHealthServer(keeper, "127.0.0.1", 0);
    try {
      // Quiet before the shock: nothing to do.
      await keeper.tick();
      expect(lines.filter((l) => l.msg === "send")).toEqual([]);

      const wall = Date.now();
      const at = await shock("BTCB", 180_000);
      const before = await status();
      expect(before.needsRebalance).toBe(true);

      let ticks = 0;
      let done: Entry | undefined;
      while (done === undefined && ticks < 30) {
        const report = await keeper.tick();
        ticks++;
        expect(report).toBeDefined();
        if (report?.decision.reason === "step-interval") await wait(60);
        // The step's own swaps moved the pools: the next swap would fall below its oracle minimum, so the
        // keeper waits (no send, no back-off) until arbitrage puts them back, as on mainnet.
        const waiting = ["pool-off-oracle", "swap-below-minimum"];
        if (waiting.includes(String(report?.decision.reason))) await arbitrage();
        done = lines.find((l) => l.msg === "confirm" && l.action === "rebalance" && l.complete === true);
      }
      expect(done, "the rebalance completes").toBeDefined();
      const confirmed = lines.filter((l) => l.msg === "confirm" && l.action === "rebalance");
      expect(confirmed.every((l) => l.status === "success")).toBe(true);
      expect(confirmed.length).toBeGreaterThan(1); // bounded: $5,000 per step, ~$18,000 over-weight

      const after = await status();
      expect(after.needsRebalance).toBe(false);
      expect(after.maxDeviationBps).toBeLessThan(500n);
      // Venus positions are back: every asset supplied, idle at most its buffer (10 %) plus 1 %.
      const fund = await admin.publicClient.readContract({
        address: stack.fundStack.lens,
        abi: blockEtfLensAbi,
        functionName: "getFund",
        args: [stack.fund],
      });
      for (const a of fund.assets) {
        expect(a.supplied, a.symbol).toBeGreaterThan(0n);
        expect(a.idle * 10_000n, a.symbol).toBeLessThanOrEqual(a.holdings * 1_100n);
      }

      const first = confirmed[0];
      const doneBlock = BigInt(String(done?.block));
      const doneTime = (await admin.publicClient.getBlock({ blockNumber: doneBlock })).timestamp;
      const firstBlock = BigInt(String(first?.block));
      console.log(
        `keeper reaction: shock in block ${at.block}; first step confirmed in block ${firstBlock} (+${firstBlock - at.block} blocks), rebalance complete in block ${doneBlock} (+${doneBlock - at.block} blocks, +${doneTime - at.time} s chain time of which ${60 * (confirmed.length - 1)} s are the ${confirmed.length - 1} step interval(s)), ${confirmed.length} steps, ${ticks} ticks, ${Date.now() - wall} ms wall`,
      );
      expect(firstBlock - at.block).toBeLessThanOrEqual(2n);

      // /health and /metrics over HTTP.
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { status: string; lastTickBlock: string; findings: unknown[] };
      expect(["ok", "degraded"]).toContain(body.status);
      expect(BigInt(body.lastTickBlock)).toBeGreaterThanOrEqual(doneBlock - 1n);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(
        /blocketf_keeper_transactions_total\{action="rebalance",status="success",chain_id="31337",fund="0x[0-9a-fA-F]{40}"\} \d+/,
      );
      // Every decision is one JSON line; no private key anywhere.
      expect(JSON.stringify(lines)).not.toContain(KEEPER_KEY.slice(2));
      expect(lines.map((l) => l.msg)).toEqual(
        expect.arrayContaining(["plan", "simulate", "send", "confirm", "skip"]),
      );
    } finally {
      await server.close();
    }
  });

  test("behavior: a pool pushed beyond its route's bound → the keeper waits (no send, a health line), then steps once arbitrage puts it back", async () => {
    const { lines, logger } = capture();
    const keeper = new Keeper(keeperConfig(), { logger });
    const at = await shock("BTCB", 180_000);
    // The issue's case: BTCB's 0.05 % pool pushed 0.6 % against the fund, under the keeper's 100 bps flag
    // but beyond the route's own 30 bps bound (fee 5 + impact allowance 25).
    await movePool(admin, { stack, pools, router }, "BTCB", 180_000 * 0.994);
    const nonce = await admin.publicClient.getTransactionCount({ address: keeperAddress });
    for (let i = 0; i < 3; i++) {
      const report = await keeper.tick();
      expect(report?.decision).toEqual({ action: "skip", reason: "pool-off-oracle" });
    }
    const skip = lines.find((l) => l.msg === "skip" && l.reason === "pool-off-oracle");
    expect(String(skip?.detail)).toMatch(
      /BTCB pool 0x[0-9a-fA-F]{40} is \d+ bps from the oracle, beyond its route's 30 bps bound/,
    );
    const health = keeper.health();
    expect(health.httpStatus).toBe(200);
    expect(health.body.status).toBe("degraded");
    expect(health.body.findings.map((f) => f.message).join("\n")).toMatch(
      /beyond its route's 30 bps bound: rebalance steps through it wait/,
    );
    expect(lines.filter((l) => l.msg === "send")).toEqual([]);
    expect(await admin.publicClient.getTransactionCount({ address: keeperAddress })).toBe(nonce);
    expect(await steps(at.block)).toEqual([]);

    await arbitrage();
    const report = await keeper.tick();
    expect(report?.decision).toEqual({ action: "rebalance", reason: "confirmed" });
    expect(await steps(at.block)).toHaveLength(1);
  });

  test("behavior: --dry-run simulates the step and sends nothing", async () => {
    const { lines, logger } = capture();
    const keeper = new Keeper(keeperConfig(["--dry-run"]), { logger });
    const at = await shock("BTCB", 180_000);
    const nonce = await admin.publicClient.getTransactionCount({ address: keeperAddress });
    for (let i = 0; i < 3; i++) await keeper.tick();
    expect(
      lines.filter((l) => l.msg === "simulate" && l.action === "rebalance" && l.ok === true),
    ).toHaveLength(3);
    expect(lines.filter((l) => l.msg === "skip" && l.reason === "dry-run")).toHaveLength(3);
    expect(lines.filter((l) => l.msg === "send")).toEqual([]);
    expect(await admin.publicClient.getTransactionCount({ address: keeperAddress })).toBe(nonce);
    expect(await steps(at.block)).toEqual([]);
  });

  test("behavior: killed after send, before confirm, a restarted keeper waits for the pending step and does nothing twice", async () => {
    // One step only in this test: a day between steps.
    await send({
      address: rebalancer,
      abi: blockEtfRebalancerAbi,
      functionName: "setStepInterval",
      args: [86_400],
    });
    const at = await shock("BTCB", 180_000);
    const nonce = await admin.publicClient.getTransactionCount({ address: keeperAddress });
    await admin.test.setAutomine(false);

    const first = spawnKeeper();
    await first.until((l) => l.msg === "send");
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await steps(at.block)).toEqual([]); // Not mined yet: the transaction waits in the pool.

    const second = spawnKeeper();
    await second.until((l) => l.msg === "skip" && l.reason === "pending-transaction");
    await new Promise((r) => setTimeout(r, 1000)); // ~5 more ticks while the step is pending
    await admin.test.mine({ blocks: 1 });
    await admin.test.setAutomine(true);
    // After the step is mined, the restarted keeper sees it and waits for the step interval.
    await second.until((l) => l.msg === "skip" && l.reason === "step-interval");
    await new Promise((r) => setTimeout(r, 1000)); // ~5 more ticks after it
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    expect(second.lines.filter((l) => l.msg === "send")).toEqual([]);
    expect(await steps(at.block)).toHaveLength(1);
    expect(await admin.publicClient.getTransactionCount({ address: keeperAddress })).toBe(nonce + 1);
  });

  test("behavior: RPC failures are retried with backoff and the keeper recovers", async () => {
    const proxy = await failingProxy(anvil.rpcUrl);
    const { lines, logger } = capture();
    const config = { ...keeperConfig(), rpcUrl: proxy.url, staleAfterMs: 60_000 };
    const keeper = new Keeper(config, { logger });
    try {
      await keeper.tick();
      expect(keeper.health().httpStatus).toBe(200);
      proxy.failing = true;
      expect(await keeper.tick()).toBeUndefined();
      expect(await keeper.tick()).toBeUndefined();
      const errors = lines.filter((l) => l.msg === "tick-error");
      expect(errors.map((l) => l.attempt)).toEqual([1, 2]);
      expect(keeper.retryDelay()).toBeGreaterThanOrEqual(1600); // 2 s backoff, less at most 20 % jitter
      expect(keeper.health().body.consecutiveErrors).toBe(2);
      expect(
        await keeper.metrics.registry.getSingleMetricAsString("blocketf_keeper_rpc_errors_total"),
      ).toMatch(/ 2$/);

      proxy.failing = false;
      expect(await keeper.tick()).toBeDefined();
      expect(keeper.health().body.consecutiveErrors).toBe(0);
      expect(keeper.retryDelay()).toBe(config.intervalMs);
    } finally {
      await proxy.close();
    }
  });
});

/** The keeper as an operator runs it: a child process printing JSON lines. */
function spawnKeeper() {
  const main = new URL("./main.ts", import.meta.url).pathname;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", main, ...keeperArgs()], {
    env: { ...process.env, KEEPER_PRIVATE_KEY: KEEPER_KEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Entry[] = [];
  const waiters: { match: (l: Entry) => boolean; resolve: () => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    const entry = JSON.parse(line) as Entry;
    lines.push(entry);
    for (const w of [...waiters]) {
      if (w.match(entry)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    /** Resolves on the next line (from now) that matches. */
    until: (match: (l: Entry) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching keeper line; last: ${JSON.stringify(lines.at(-1))}`)),
          30_000,
        );
        waiters.push({
          match,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
  };
}

/** A JSON-RPC proxy to anvil that answers 503 while `failing`. */
async function failingProxy(
  target: string,
): Promise<{ url: string; failing: boolean; close: () => Promise<void> }> {
  const state = { failing: false };
  const server: Server = createServer((req, res) => {
    if (state.failing) {
      res.writeHead(503).end("unavailable");
      return;
    }
    const upstream = httpRequest(
      target,
      { method: "POST", headers: { "content-type": "application/json" } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { "content-type": "application/json" });
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
