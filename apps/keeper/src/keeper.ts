import { blockEtfAbi, blockEtfRebalancerAbi, episodeEndNames } from "@blocketf/abi";
import {
  bsc,
  buildRebalance,
  buildSweep,
  decodeBlockEtfError,
  type PrepareWriteReturnType,
  prepareWrite,
} from "@blocketf/sdk";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  decodeFunctionResult,
  defineChain,
  formatEther,
  http,
  type PublicClient,
  parseEventLogs,
  type Transport,
  type WalletClient,
} from "viem";
import { backoffDelay, sleep } from "./backoff.js";
import { DEVNET_CHAIN_ID, type KeeperConfig, KeeperConfigError } from "./config.js";
import { fundFigures } from "./figures.js";
import { evaluateHealth, type Finding, healthStatus } from "./health.js";
import { createLogger, type Logger } from "./log.js";
import { createMetrics, type KeeperMetrics } from "./metrics.js";
import { type Decision, gasCostUsd, planTick, sweepWorthGas } from "./plan.js";
import { type ActionOutcome, ActionSender } from "./sender.js";
import { fetchSnapshot, type Snapshot, type SnapshotCache } from "./state.js";
import { verifyAddresses } from "./verify.js";

/** The last tick, as /health reports it. */
export type TickReport = {
  readonly at: number;
  readonly blockNumber: bigint;
  readonly decision: ActionOutcome;
  readonly findings: readonly Finding[];
};

export type KeeperOptions = {
  readonly logger?: Logger;
  /** Replaces the HTTP transport (tests point it at a failing proxy). */
  readonly transport?: Transport;
};

/**
 * fetch → plan → simulate → send → confirm, once per tick. Ticks are idempotent: everything is re-read
 * from the chain, and right before sending the keeper re-reads the step clock and its nonces, so a step
 * mined by a previous run (or still pending from it) is never sent again.
 */
export class Keeper {
  readonly config: KeeperConfig;
  readonly metrics: KeeperMetrics;
  log: Logger;
  private readonly transport: Transport;
  private client: PublicClient<Transport, Chain> | undefined;
  private wallet: WalletClient<Transport, Chain, Account | undefined> | undefined;
  /** The keeper's account, or with `--dry-run` and no key the fund's `keeper()` it simulates as. */
  private sender: Address | undefined;
  /** Venus's blocks per year on this chain (APY metrics): the config's, or BNB Chain's on chain 56. */
  private blocksPerYear: number | undefined;
  /** {ms} When the current run of failed ticks began. */
  private outageSince: number | undefined;
  private readonly cache: SnapshotCache = { pools: new Map() };
  private readonly actions: ActionSender;
  private consecutiveErrors = 0;
  private lastTick: TickReport | undefined;
  private lastError: string | undefined;
  private lastSkip: string | undefined;
  private stopping = false;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  ticks = 0;

  constructor(config: KeeperConfig, options: KeeperOptions = {}) {
    this.config = config;
    this.transport =
      options.transport ?? http(config.rpcUrl, { retryCount: 2, retryDelay: 250, timeout: 15_000 });
    this.log = (options.logger ?? createLogger(undefined, { level: config.logLevel })).child({
      fund: config.fund,
    });
    this.metrics = createMetrics({ chain_id: "", fund: config.fund });
    this.actions = new ActionSender({
      config,
      metrics: this.metrics,
      log: () => this.log,
      wallet: () => this.requireWallet(),
    });
  }

  /**
   * Connects: reads the chain id and checks that each address is what it claims (`verifyAddresses`),
   * retrying with backoff while the node is unreachable. A wrong address is a KeeperConfigError (exit 2).
   */
  async connect(): Promise<void> {
    if (this.client !== undefined) return;
    const probe = createPublicClient({ transport: this.transport });
    let connected: { chainId: number; keeper: Address } | undefined;
    const started = Date.now();
    let attempt = 1;
    for (; connected === undefined; attempt++) {
      try {
        const chainId = await probe.getChainId();
        if (this.config.devKey && chainId !== DEVNET_CHAIN_ID) {
          throw new KeeperConfigError(
            `--devnet uses anvil's public dev key, refused on chain ${chainId}: set KEEPER_PRIVATE_KEY`,
          );
        }
        const { keeper } = await verifyAddresses(probe, this.config);
        connected = { chainId, keeper };
      } catch (error: unknown) {
        if (this.stopping || error instanceof KeeperConfigError) throw error;
        const delay = backoffDelay(attempt, { baseMs: 500, maxMs: 30_000 });
        this.log.warn("connect", {
          decision: "retry",
          rpc: this.config.rpcUrl,
          attempt,
          retryInMs: delay,
          error: decodeIfRevert(error),
        });
        await sleep(delay, this.abort.signal);
      }
    }
    const { chainId } = connected;
    if (attempt > 2) {
      this.log.info("recovered", {
        decision: "recovered",
        phase: "connect",
        failures: attempt - 2,
        downForMs: Date.now() - started,
      });
    }
    this.sender = this.config.account?.address ?? connected.keeper;
    this.blocksPerYear =
      this.config.venusBlocksPerYear ?? (chainId === bsc.chainId ? bsc.venusBlocksPerYear : undefined);
    const chain = defineChain({
      id: chainId,
      name: `chain ${chainId}`,
      nativeCurrency: { name: "BNB", symbol: "BNB", decimals: 18 },
      rpcUrls: { default: { http: [this.config.rpcUrl] } },
    });
    this.client = createPublicClient({ chain, transport: this.transport, pollingInterval: 250 });
    this.wallet = createWalletClient({
      chain,
      transport: this.transport,
      account: this.config.account,
      pollingInterval: 250,
    });
    this.metrics.registry.setDefaultLabels({ chain_id: String(chainId), fund: this.config.fund });
    this.log = this.log.child({ chainId });
    this.log.info("verified", {
      decision: "verified",
      fund: this.config.fund,
      lens: this.config.lens,
      rebalancer: this.config.rebalancer,
      router: this.config.router ?? null,
      sender: this.sender,
      signs: this.config.account !== undefined,
    });
  }

  /** One tick. Never throws for a chain or RPC failure: it logs, counts and backs off instead. */
  async tick(): Promise<TickReport | undefined> {
    const started = Date.now();
    try {
      await this.connect();
      const report = await this.tickOnce();
      if (this.consecutiveErrors > 0) {
        // The outage is over: one line saying how long it lasted, so an operator sees the end of it.
        this.metrics.recoveries.inc();
        this.log.info("recovered", {
          decision: "recovered",
          phase: "tick",
          failures: this.consecutiveErrors,
          downForMs: Date.now() - (this.outageSince ?? started),
          lastError: this.lastError,
          block: report.blockNumber,
        });
      }
      this.outageSince = undefined;
      this.consecutiveErrors = 0;
      this.lastError = undefined;
      this.lastTick = report;
      this.ticks++;
      this.metrics.ticks.inc({ outcome: "ok" });
      this.metrics.lastTick.set(report.at / 1000);
      return report;
    } catch (error: unknown) {
      if (error instanceof KeeperConfigError) throw error;
      this.consecutiveErrors++;
      this.outageSince ??= started;
      const retryInMs = this.retryDelay();
      this.lastError = error instanceof Error ? error.message.split("\n")[0] : String(error);
      this.metrics.ticks.inc({ outcome: "error" });
      this.metrics.rpcErrors.inc();
      this.log.error("tick-error", {
        decision: "retry",
        attempt: this.consecutiveErrors,
        retryInMs,
        error: decodeIfRevert(error),
      });
      return undefined;
    } finally {
      this.metrics.tickDuration.observe((Date.now() - started) / 1000);
    }
  }

  /** {ms} Wait before the next tick: the interval, or the backoff while ticks fail. */
  retryDelay(): number {
    if (this.consecutiveErrors === 0) return this.config.intervalMs;
    return Math.max(
      Math.min(this.config.intervalMs, 1000),
      backoffDelay(this.consecutiveErrors, { baseMs: 1000, maxMs: 60_000 }),
    );
  }

  private async tickOnce(): Promise<TickReport> {
    const client = this.requireClient();
    const s = await fetchSnapshot(client, {
      fund: this.config.fund,
      lens: this.config.lens,
      rebalancer: this.config.rebalancer,
      keeper: this.requireSender(),
      cache: this.cache,
    });
    const findings = evaluateHealth(s, {
      poolDeviationBps: this.config.poolDeviationBps,
      maxUtilizationBps: this.config.maxUtilizationBps,
      minGasBalance: this.config.minGasBalance,
      rebalancer: this.config.rebalancer,
    });
    for (const f of findings) {
      if (f.kind === "pending-transaction") continue; // Reported by the skip below.
      this.log.warn("health", { ...f, block: s.blockNumber });
    }
    const decision = planTick(s, { sweepMinUsd: this.config.sweepMinUsd });
    this.observe(s, decision, findings);
    const outcome = await this.act(s, decision);
    return {
      at: Date.now(),
      blockNumber: s.blockNumber,
      decision: outcome,
      findings,
    };
  }

  private observe(s: Snapshot, d: Decision, findings: readonly Finding[]): void {
    const m = this.metrics;
    if (d.action !== "sweep" && d.rule !== undefined) m.maxDeviation.set(d.rule.maxDeviationBps);
    m.idleExcess.set(d.action === "sweep" ? Number(formatEther(d.excessUsd)) : 0);
    for (const p of s.pools)
      m.poolDeviation.set({ asset: s.fund.assets[p.index]?.symbol ?? "" }, p.deviationBps);
    for (const [i, u] of s.utilizationBps.entries()) {
      if (u !== undefined) m.utilization.set({ asset: s.fund.assets[i]?.symbol ?? "" }, u);
    }
    m.findings.set({ severity: "warning" }, findings.filter((f) => f.severity === "warning").length);
    m.findings.set({ severity: "critical" }, findings.filter((f) => f.severity === "critical").length);
    m.gasBalance.set(Number(formatEther(s.keeper.balance)));
    // The fund: NaN (Prometheus's "no value") where it has no figure, never a made-up 0.
    const f = fundFigures(s.fund, this.blocksPerYear);
    const or = (x: number | undefined) => x ?? Number.NaN;
    m.navPerShare.set(or(f.navPerShareUsd));
    m.tvl.set(or(f.tvlUsd));
    m.earning.set(or(f.earningBps));
    m.fundApy.set(or(f.fundApy === undefined ? undefined : f.fundApy * 100));
    for (const a of f.assets) {
      m.weight.set({ asset: a.symbol }, a.currentWeightBps);
      m.targetWeight.set({ asset: a.symbol }, a.targetWeightBps);
      if (a.supplyApy !== undefined) m.assetApy.set({ asset: a.symbol }, a.supplyApy * 100);
    }
    m.episodeActive.set(s.episode.status.active ? 1 : 0);
    m.episodeSteps.set(s.episode.episode.steps);
  }

  private skip(reason: string, detail: string, fields: Record<string, unknown> = {}) {
    this.metrics.decisions.inc({ action: "skip", reason });
    // The same skip tick after tick is one info line, then debug: a quiet fund does not flood the log.
    const level = reason === this.lastSkip ? "debug" : "info";
    this.lastSkip = reason;
    this.log[level]("skip", { decision: "skip", reason, detail, ...fields });
    return { action: "skip" as const, reason };
  }

  private async act(s: Snapshot, d: Decision): Promise<TickReport["decision"]> {
    const block = s.blockNumber;
    if (d.action === "skip") {
      return this.skip(d.reason, d.detail, {
        block,
        ...(d.rule === undefined ? {} : { maxDeviationBps: d.rule.maxDeviationBps }),
        ...(d.retryAt === undefined ? {} : { retryAt: d.retryAt }),
      });
    }
    const blocked = this.actions.cooling(d.action);
    if (blocked !== undefined) {
      return this.skip("failure-cooldown", `${d.action} failed ${blocked.failures} time(s); retrying later`, {
        block,
        retryInMs: blocked.until - Date.now(),
      });
    }
    this.lastSkip = undefined;
    this.metrics.decisions.inc({ action: d.action, reason: "planned" });
    if (d.action === "rebalance") {
      this.log.info("plan", {
        decision: "plan",
        action: "rebalance",
        block,
        maxDeviationBps: d.rule.maxDeviationBps,
        triggerIndex: d.rule.triggerIndex,
        currentWeightsBps: d.rule.currentWeightsBps,
        sent: d.sent,
        spend: d.spend,
        continuing: d.continuing,
        closing: d.closing,
        episode: {
          active: s.episode.status.active,
          startedAt: s.episode.episode.startedAt,
          steps: s.episode.episode.steps,
          stepsLeft: s.episode.status.stepsLeft,
          lost: s.episode.episode.lost,
          lossBudget: s.episode.episode.lossBudget,
          deadline: s.episode.status.deadline,
        },
      });
      return this.rebalance(s);
    }
    this.log.info("plan", {
      decision: "plan",
      action: "sweep",
      block,
      excessUsd: formatEther(d.excessUsd),
      assets: d.candidates.map((c) => ({
        symbol: s.fund.assets[c.index]?.symbol,
        amount: c.amount,
        usd: formatEther(c.valueUsd),
      })),
    });
    return this.sweep(s);
  }

  private async rebalance(s: Snapshot): Promise<TickReport["decision"]> {
    const client = this.requireClient();
    const account = this.requireSender();
    // The SDK's write, in two halves: simulate + estimate + its one gas padding here, send after the
    // idempotency checks below.
    let prepared: PrepareWriteReturnType;
    try {
      prepared = await prepareWrite(this.requireWallet(), {
        account: this.config.account ?? account,
        request: buildRebalance({ rebalancer: this.config.rebalancer }),
        fund: this.config.fund,
      });
      const complete = decodeFunctionResult({
        abi: blockEtfRebalancerAbi,
        functionName: "rebalance",
        data: prepared.returnData,
      });
      this.log.info("simulate", {
        decision: "simulate",
        action: "rebalance",
        ok: true,
        complete,
        gas: prepared.gas,
      });
    } catch (error: unknown) {
      const typed = decodeBlockEtfError(error);
      // A swap below its oracle minimum is a pool off the oracle (often moved by the last step) or too
      // shallow for the trade: not a keeper failure, so no back-off; it waits for arbitrage, tick by tick.
      if (typed.errorName === "SwapFailed") {
        return this.skip("swap-below-minimum", typed.shortMessage, { block: s.blockNumber, error: typed });
      }
      return this.actions.failed("rebalance", "simulate", error);
    }
    if (this.config.dryRun) return this.dryRun("rebalance");
    // Idempotency: nothing moved since the snapshot (no step mined by a previous run, nothing pending).
    const rebalancerAt = { address: this.config.rebalancer, abi: blockEtfRebalancerAbi } as const;
    const [lastStepAt, lastRebalanceAt, nonce, pending] = await Promise.all([
      client.readContract({ ...rebalancerAt, functionName: "lastStepAt" }),
      client.readContract({ address: this.config.fund, abi: blockEtfAbi, functionName: "lastRebalanceAt" }),
      client.getTransactionCount({ address: account, blockTag: "latest" }),
      client.getTransactionCount({ address: account, blockTag: "pending" }),
    ]);
    if (
      lastStepAt !== s.rebalancer.lastStepAt ||
      lastRebalanceAt !== s.rule.lastRebalanceAt ||
      pending !== nonce ||
      nonce !== s.keeper.nonceLatest
    ) {
      return this.skip(
        "state-moved",
        "a step or a transaction landed since the snapshot; re-planning next tick",
        {
          lastStepAt,
          lastRebalanceAt,
          nonce,
          pending,
        },
      );
    }
    return this.actions.send("rebalance", prepared, nonce, s.gasPrice, (receipt) => {
      const [step] = parseEventLogs({
        abi: blockEtfRebalancerAbi,
        eventName: "RebalanceStep",
        logs: receipt.logs,
      });
      const episodes = parseEventLogs({
        abi: blockEtfAbi,
        eventName: ["RebalanceEpisodeStarted", "RebalanceEpisodeEnded"],
        logs: receipt.logs,
      }).map((l) =>
        l.eventName === "RebalanceEpisodeStarted"
          ? { started: l.args.startedAt, lossBudget: l.args.lossBudget, deadline: l.args.deadline }
          : {
              ended: l.args.startedAt,
              reason: episodeEndNames[l.args.reason] ?? l.args.reason,
              steps: l.args.steps,
              lost: l.args.lost,
              lossBudget: l.args.lossBudget,
            },
      );
      return { complete: step?.args.complete, sent: step?.args.sent, spend: step?.args.spend, episodes };
    });
  }

  private async sweep(s: Snapshot): Promise<TickReport["decision"]> {
    const client = this.requireClient();
    const account = this.requireSender();
    let prepared: PrepareWriteReturnType;
    let suppliedUsd = 0n;
    try {
      prepared = await prepareWrite(this.requireWallet(), {
        account: this.config.account ?? account,
        request: buildSweep({ fund: this.config.fund }),
        fund: this.config.fund,
      });
      const supplied = decodeFunctionResult({
        abi: blockEtfAbi,
        functionName: "sweep",
        data: prepared.returnData,
      });
      for (const [i, amount] of supplied.entries()) {
        const a = s.fund.assets[i];
        // D18{USD} = {tok} * D18{USD/tok} / {tok}
        if (a !== undefined) suppliedUsd += (amount * a.price) / 10n ** BigInt(a.decimals);
      }
    } catch (error: unknown) {
      return this.actions.failed("sweep", "simulate", error);
    }
    const estimate = prepared.gasEstimate;
    const gas = prepared.gas;
    if (s.nativePriceUsd === undefined) {
      return this.skip("no-native-price", "the oracle has no WBNB price, so the gas cannot be valued");
    }
    const cost = gasCostUsd(estimate, s.gasPrice, s.nativePriceUsd);
    const worth = sweepWorthGas({ suppliedUsd, gasCostUsd: cost, maxGasBps: this.config.sweepMaxGasBps });
    this.log.info("simulate", {
      decision: "simulate",
      action: "sweep",
      ok: true,
      suppliedUsd: formatEther(suppliedUsd),
      gasCostUsd: formatEther(cost),
      maxGasBps: this.config.sweepMaxGasBps,
      worth,
      gas,
    });
    if (!worth) {
      return this.skip(
        "gas-exceeds-value",
        `gas ${formatEther(cost)} USD > ${this.config.sweepMaxGasBps} bps of ${formatEther(suppliedUsd)} USD supplied`,
      );
    }
    if (this.config.dryRun) return this.dryRun("sweep");
    const [nonce, pending] = await Promise.all([
      client.getTransactionCount({ address: account, blockTag: "latest" }),
      client.getTransactionCount({ address: account, blockTag: "pending" }),
    ]);
    if (pending !== nonce || nonce !== s.keeper.nonceLatest) {
      return this.skip("state-moved", "a transaction landed since the snapshot; re-planning next tick", {
        nonce,
        pending,
      });
    }
    return this.actions.send("sweep", prepared, nonce, s.gasPrice, (receipt) => ({
      supplied: parseEventLogs({ abi: blockEtfAbi, eventName: "Supply", logs: receipt.logs }).map((l) => ({
        index: l.args.index,
        amount: l.args.amount,
      })),
    }));
  }

  private dryRun(action: string): TickReport["decision"] {
    this.metrics.transactions.inc({ action, status: "dry_run" });
    return this.skip("dry-run", `--dry-run: ${action} simulated, not sent`);
  }

  /** The /health body and HTTP status. */
  health(now = Date.now()) {
    const findings = this.lastTick?.findings ?? [];
    const { status, httpStatus, stale } = healthStatus({
      now,
      lastTickAt: this.lastTick?.at,
      staleAfterMs: this.config.staleAfterMs,
      findings,
    });
    return {
      httpStatus,
      body: {
        status,
        stale,
        keeper: this.sender ?? this.config.account?.address ?? null,
        fund: this.config.fund,
        dryRun: this.config.dryRun,
        ticks: this.ticks,
        lastTickAt: this.lastTick === undefined ? null : new Date(this.lastTick.at).toISOString(),
        lastTickAgeSeconds: this.lastTick === undefined ? null : (now - this.lastTick.at) / 1000,
        lastTickBlock: this.lastTick?.blockNumber.toString() ?? null,
        lastDecision: this.lastTick?.decision ?? null,
        consecutiveErrors: this.consecutiveErrors,
        lastError: this.lastError ?? null,
        findings,
      },
    };
  }

  /** Ticks until `stop()`; resolves when the last tick has finished. */
  run(): Promise<void> {
    if (this.running !== undefined) return this.running;
    this.running = (async () => {
      this.log.info("start", {
        decision: "start",
        pid: process.pid,
        keeper: this.config.account?.address ?? "(none: --dry-run simulates as the fund's keeper())",
        dryRun: this.config.dryRun,
      });
      while (!this.stopping) {
        await this.tick();
        if (this.stopping) break;
        await sleep(this.retryDelay(), this.abort.signal);
      }
      this.log.info("stop", { decision: "stop", ticks: this.ticks });
    })();
    return this.running;
  }

  /** Stops after the tick in progress (a transaction sent is still confirmed). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.running;
  }

  private requireClient(): PublicClient<Transport, Chain> {
    if (this.client === undefined) throw new Error("keeper not connected");
    return this.client;
  }

  private requireSender(): Address {
    if (this.sender === undefined) throw new Error("keeper not connected");
    return this.sender;
  }

  private requireWallet(): WalletClient<Transport, Chain, Account | undefined> {
    if (this.wallet === undefined) throw new Error("keeper not connected");
    return this.wallet;
  }
}

/** A revert becomes its typed error; anything else (transport, timeout) is logged as it is. */
function decodeIfRevert(error: unknown): unknown {
  const typed = decodeBlockEtfError(error);
  return typed.name === "UnknownRevertError" ? error : typed;
}
