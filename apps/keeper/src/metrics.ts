import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The keeper's Prometheus metrics, on their own registry (no process defaults: one keeper, one set). */
export type KeeperMetrics = ReturnType<typeof createMetrics>;

export function createMetrics(labels: { chain_id: string; fund: string }) {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  const registers = [registry];
  return {
    registry,
    ticks: new Counter({
      name: "blocketf_keeper_ticks_total",
      help: "Ticks by outcome (ok: fetched, planned and acted; error: an RPC or unexpected failure).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    decisions: new Counter({
      name: "blocketf_keeper_decisions_total",
      help: "Decisions by action (rebalance, sweep, skip) and reason.",
      labelNames: ["action", "reason"] as const,
      registers,
    }),
    transactions: new Counter({
      name: "blocketf_keeper_transactions_total",
      help: "Transactions by action and status (success, reverted, timeout, simulate_failed, dry_run).",
      labelNames: ["action", "status"] as const,
      registers,
    }),
    rpcErrors: new Counter({
      name: "blocketf_keeper_rpc_errors_total",
      help: "Ticks that failed on an RPC or unexpected error (retried with backoff).",
      registers,
    }),
    lastTick: new Gauge({
      name: "blocketf_keeper_last_tick_timestamp_seconds",
      help: "Unix time of the last completed tick.",
      registers,
    }),
    tickDuration: new Histogram({
      name: "blocketf_keeper_tick_duration_seconds",
      help: "Wall time of a tick, fetch to confirm.",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    maxDeviation: new Gauge({
      name: "blocketf_keeper_max_deviation_bps",
      help: "Largest absolute weight deviation from target, bps.",
      registers,
    }),
    idleExcess: new Gauge({
      name: "blocketf_keeper_idle_excess_usd",
      help: "Idle value above the buffers that a sweep would supply, USD.",
      registers,
    }),
    poolDeviation: new Gauge({
      name: "blocketf_keeper_pool_deviation_bps",
      help: "Route pool spot price vs the oracle, bps.",
      labelNames: ["asset"] as const,
      registers,
    }),
    utilization: new Gauge({
      name: "blocketf_keeper_venus_utilization_bps",
      help: "Venus market utilisation, bps.",
      labelNames: ["asset"] as const,
      registers,
    }),
    findings: new Gauge({
      name: "blocketf_keeper_health_findings",
      help: "Health findings of the last tick by severity.",
      labelNames: ["severity"] as const,
      registers,
    }),
    gasBalance: new Gauge({
      name: "blocketf_keeper_gas_balance_bnb",
      help: "Native balance of the keeper account, BNB.",
      registers,
    }),
  };
}
