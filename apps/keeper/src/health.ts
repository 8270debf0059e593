import { isStepDue, rebalanceEpisodeStatus } from "@blocketf/core";
import { isAddressEqual, zeroAddress } from "viem";
import { ruleOf } from "./plan.js";
import type { Snapshot } from "./state.js";

export type Severity = "warning" | "critical";

/** One thing an operator should know, with the figures that show it. */
export type Finding = {
  readonly kind:
    | "oracle"
    | "venus-paused"
    | "venus-illiquid"
    | "venus-utilization"
    | "venus-unvalued"
    | "venus-written-off"
    | "pool-price"
    | "episode"
    | "roles"
    | "rule-mismatch"
    | "gas-balance"
    | "pending-transaction"
    | "failing";
  readonly severity: Severity;
  readonly asset?: string;
  readonly message: string;
};

export type HealthOptions = {
  readonly poolDeviationBps: number;
  readonly maxUtilizationBps: number;
  /** {wei} */
  readonly minGasBalance: bigint;
  readonly rebalancer: `0x${string}`;
};

/** The fund's and the keeper's health at a snapshot: pure, so it is tested without a chain. */
export function evaluateHealth(s: Snapshot, o: HealthOptions): Finding[] {
  const out: Finding[] = [];
  for (const { index, error } of s.oracleErrors) {
    out.push({
      kind: "oracle",
      severity: "critical",
      asset: s.fund.assets[index]?.symbol ?? String(index),
      message: error.shortMessage,
    });
  }
  for (const [index, a] of s.fund.assets.entries()) {
    if (a.vToken === zeroAddress) continue;
    if (a.writtenOff && a.vShares > 0n) {
      out.push({
        kind: "venus-written-off",
        severity: "warning",
        asset: a.symbol,
        message: `${a.symbol}'s Venus position (${a.vShares} vTokens) is written off: it counts as zero, and redemptions pay its vTokens pro-rata in kind`,
      });
    }
    if (!a.positionOk) {
      out.push({
        kind: "venus-unvalued",
        severity: "critical",
        asset: a.symbol,
        message: `the fund cannot value its ${a.symbol} Venus position (the market's rate cannot be read): NAV is unknown and minting is refused for everyone; redemptions pay it in vTokens. If it persists, the guardian can writeOffVenus(${index})`,
      });
    }
    if (a.redeemPaused && a.supplied > 0n) {
      out.push({
        kind: "venus-paused",
        severity: "critical",
        asset: a.symbol,
        message: `Venus redeem is paused for ${a.symbol}: the fund's ${a.supplied} supplied cannot be withdrawn (redemptions pay in vTokens, rebalances cannot sell it)`,
      });
    }
    if (a.mintPaused && a.yieldEnabled) {
      out.push({
        kind: "venus-paused",
        severity: "warning",
        asset: a.symbol,
        message: `Venus mint is paused for ${a.symbol}: sweeps leave it idle`,
      });
    }
    if (a.supplied > a.venusCash) {
      out.push({
        kind: "venus-illiquid",
        severity: "warning",
        asset: a.symbol,
        message: `Venus holds ${a.venusCash} ${a.symbol} of cash, less than the fund's ${a.supplied} supplied`,
      });
    }
    const u = s.utilizationBps[index];
    if (u !== undefined && u > o.maxUtilizationBps) {
      out.push({
        kind: "venus-utilization",
        severity: "warning",
        asset: a.symbol,
        message: `Venus ${a.symbol} market is ${u} bps utilised (> ${o.maxUtilizationBps})`,
      });
    }
  }
  for (const p of s.pools) {
    const symbol = s.fund.assets[p.index]?.symbol ?? String(p.index);
    if (p.deviationBps > p.boundBps) {
      out.push({
        kind: "pool-price",
        severity: "warning",
        asset: symbol,
        message: `pool ${p.pool} prices ${symbol} ${p.deviationBps} bps from the oracle, beyond its route's ${p.boundBps} bps bound: rebalance steps through it wait (pool ${p.poolPrice}, oracle ${p.oraclePrice}, D18)`,
      });
    } else if (p.deviationBps > o.poolDeviationBps) {
      out.push({
        kind: "pool-price",
        severity: "warning",
        asset: symbol,
        message: `pool ${p.pool} prices ${symbol} ${p.deviationBps} bps from the oracle (pool ${p.poolPrice}, oracle ${p.oraclePrice}, D18; flag > ${o.poolDeviationBps})`,
      });
    }
  }
  const episode = s.episode.status;
  if (episode.active && episode.lossLeft === 0n) {
    out.push({
      kind: "episode",
      severity: "warning",
      message: `the rebalance episode has lost its whole budget (${s.episode.episode.lossBudget} USD, D18): no step until it ends at ${episode.deadline}`,
    });
  }
  if (!isAddressEqual(s.roles.rebalancer, o.rebalancer)) {
    out.push({
      kind: "roles",
      severity: "critical",
      message: `the fund's rebalancer is ${s.roles.rebalancer}, not the configured ${o.rebalancer}`,
    });
  }
  if (!isAddressEqual(s.roles.keeper, s.keeper.address)) {
    out.push({
      kind: "roles",
      severity: "critical",
      message: `the fund's keeper is ${s.roles.keeper}, not this account ${s.keeper.address}: it can only step after the public delay`,
    });
  }
  // packages/core's episode status from the fund's own books must be the Lens's.
  const core = rebalanceEpisodeStatus({
    episode: s.episode.episode,
    open: s.episode.open,
    lastRebalanceAt: s.rule.lastRebalanceAt,
    now: s.timestamp,
  });
  const lens = s.episode.status;
  if (
    core.active !== lens.active ||
    core.expired !== lens.expired ||
    core.cooldownFrom !== lens.cooldownFrom ||
    core.nextStepAt !== lens.nextStepAt ||
    core.lossLeft !== lens.lossLeft
  ) {
    out.push({
      kind: "rule-mismatch",
      severity: "critical",
      message: `packages/core reads the episode as active=${core.active} expired=${core.expired}, the Lens as active=${lens.active} expired=${lens.expired}: the two differ, report it`,
    });
  }
  if (s.status.ok && s.fund.pricesOk) {
    const rule = ruleOf(s);
    // The Lens also reports an active episode as due.
    const expected = isStepDue(rule, lens);
    if (expected !== s.status.value.needsRebalance) {
      out.push({
        kind: "rule-mismatch",
        severity: "critical",
        message: `packages/core says needsRebalance=${expected}, the Lens says ${s.status.value.needsRebalance}: the two rules differ, report it`,
      });
    }
  }
  if (s.keeper.balance < o.minGasBalance) {
    out.push({
      kind: "gas-balance",
      severity: "warning",
      message: `the keeper holds ${s.keeper.balance} wei of gas, less than ${o.minGasBalance}`,
    });
  }
  if (s.keeper.noncePending > s.keeper.nonceLatest) {
    out.push({
      kind: "pending-transaction",
      severity: "warning",
      message: `${s.keeper.noncePending - s.keeper.nonceLatest} transaction(s) pending from nonce ${s.keeper.nonceLatest}`,
    });
  }
  return out;
}

export type HealthStatus = "starting" | "ok" | "degraded" | "unhealthy";

/**
 * The status /health reports: unhealthy (503) when no tick completed within `staleAfterMs` or a finding
 * is critical; degraded (200) with warnings; starting (503) before the first tick.
 */
export function healthStatus(p: {
  readonly now: number;
  readonly lastTickAt: number | undefined;
  readonly staleAfterMs: number;
  readonly findings: readonly Finding[];
}): { status: HealthStatus; httpStatus: 200 | 503; stale: boolean } {
  if (p.lastTickAt === undefined) return { status: "starting", httpStatus: 503, stale: true };
  const stale = p.now - p.lastTickAt > p.staleAfterMs;
  if (stale || p.findings.some((f) => f.severity === "critical"))
    return { status: "unhealthy", httpStatus: 503, stale };
  if (p.findings.length > 0) return { status: "degraded", httpStatus: 200, stale };
  return { status: "ok", httpStatus: 200, stale };
}
