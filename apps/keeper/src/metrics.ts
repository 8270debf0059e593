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
    replacements: new Counter({
      name: "blocketf_keeper_replacements_total",
      help: "Transactions not mined in --replace-after, re-sent at the same nonce with a higher gas price.",
      labelNames: ["action"] as const,
      registers,
    }),
    recoveries: new Counter({
      name: "blocketf_keeper_recoveries_total",
      help: "Outages (consecutive failed ticks) the keeper recovered from.",
      registers,
    }),
    // The fund itself, from the Lens's getFund at the tick's block.
    navPerShare: new Gauge({
      name: "blocketf_fund_nav_per_share_usd",
      help: "NAV per share, USD (absent while the fund has no NAV: a refused price or an unvalued Venus position).",
      registers,
    }),
    tvl: new Gauge({
      name: "blocketf_fund_tvl_usd",
      help: "Total value of the fund's holdings, USD.",
      registers,
    }),
    weight: new Gauge({
      name: "blocketf_fund_weight_bps",
      help: "Each asset's current weight by oracle value, bps.",
      labelNames: ["asset"] as const,
      registers,
    }),
    targetWeight: new Gauge({
      name: "blocketf_fund_target_weight_bps",
      help: "Each asset's target weight, bps.",
      labelNames: ["asset"] as const,
      registers,
    }),
    earning: new Gauge({
      name: "blocketf_fund_earning_share_bps",
      help: "Share of NAV supplied on Venus (earning interest), bps.",
      registers,
    }),
    assetApy: new Gauge({
      name: "blocketf_fund_asset_supply_apy_percent",
      help: "Each asset's Venus supply APY now, percent (needs the chain's Venus blocks per year).",
      labelNames: ["asset"] as const,
      registers,
    }),
    fundApy: new Gauge({
      name: "blocketf_fund_apy_percent",
      help: "What the whole NAV earns now: each asset's Venus APY weighted by the value it has supplied, percent.",
      registers,
    }),
    episodeActive: new Gauge({
      name: "blocketf_fund_episode_active",
      help: "1 while a rebalance episode is open and before its deadline, else 0.",
      registers,
    }),
    episodeSteps: new Gauge({
      name: "blocketf_fund_episode_steps",
      help: "Steps taken in the current (or last) rebalance episode.",
      registers,
    }),
  };
}
