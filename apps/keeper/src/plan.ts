import { type CheckRebalanceReturnType, checkRebalance, isStepDue, sweepExcess } from "@blocketf/core";
import { zeroAddress } from "viem";
import type { Snapshot } from "./state.js";

/** Why a tick sends nothing. */
export type SkipReason =
  /** A transaction of the keeper's account is still pending (maybe from a previous run): wait for it. */
  | "pending-transaction"
  | "fund-paused"
  /** The oracle refuses a price: no rule, no step (health reports the feed). */
  | "prices-refused"
  /** A Venus position cannot be valued: no NAV, no rule (health reports the market). */
  | "holdings-unvalued"
  /** Rule met but the rebalancer's step interval runs. */
  | "step-interval"
  /** Rule met but this account may not trigger (not the fund's keeper): a configuration problem. */
  | "not-permitted"
  /** Rule met but the rebalancer cannot plan a step (its preview reverts) or plans nothing. */
  | "nothing-to-trade"
  /**
   * A pool the step trades in prices its asset further from the oracle than the route's own bound: the
   * swap would lose up to that bound (or revert), so the keeper waits for arbitrage.
   */
  | "pool-off-oracle"
  /** The active episode has no loss budget left: the fund refuses any step that loses value until it ends. */
  | "episode-budget-spent"
  /** Rule not met, and the idle excess is not worth a sweep. */
  | "idle-below-threshold";

export type SweepCandidate = {
  readonly index: number;
  /** {tok} What `sweep` would supply of the asset. */
  readonly amount: bigint;
  /** D18{USD} */
  readonly valueUsd: bigint;
};

export type Decision =
  | {
      readonly action: "rebalance";
      readonly rule: CheckRebalanceReturnType;
      /** {tok} What the step sends per asset (the rebalancer's preview). */
      readonly sent: readonly bigint[];
      /** {tok of stablecoin} What it spends per asset. */
      readonly spend: readonly bigint[];
      /** True when an episode is already under way (a previous step did not complete it). */
      readonly continuing: boolean;
      /**
       * True when the rebalancer can sell nothing while the fund's episode is open: the call closes the
       * episode (the fund ends it as stalled), so the rule and the cooldown apply again.
       */
      readonly closing: boolean;
    }
  | {
      readonly action: "sweep";
      readonly candidates: readonly SweepCandidate[];
      /** D18{USD} Total idle excess over the buffers. */
      readonly excessUsd: bigint;
    }
  | {
      readonly action: "skip";
      readonly reason: SkipReason;
      readonly detail: string;
      /** {s} Chain time worth re-checking at, when known. */
      readonly retryAt?: bigint;
      readonly rule?: CheckRebalanceReturnType;
    };

export type PlanOptions = {
  /** D18{USD} Sweep only when the idle excess is worth at least this. */
  readonly sweepMinUsd: bigint;
};

/**
 * The rule of packages/core applied to the Lens's values (the backtester runs the same function), the
 * cooldown running from the end of the last episode (its deadline if it expired).
 */
export function ruleOf(s: Snapshot): CheckRebalanceReturnType {
  return checkRebalance({
    valuesUsd: s.fund.assets.map((a) => a.value),
    targetWeightsBps: s.fund.assets.map((a) => a.weightBps),
    thresholdBps: s.rule.thresholdBps,
    cooldownSeconds: s.rule.cooldownSeconds,
    lastRebalanceAt: Number(s.episode.status.cooldownFrom),
    now: Number(s.timestamp),
  });
}

/** The routes a step trades through whose pool is further from the oracle than the route's bound. */
export function poolsOffOracle(s: Snapshot, sent: readonly bigint[], spend: readonly bigint[]) {
  return s.pools.filter(
    (p) => p.deviationBps > p.boundBps && ((sent[p.index] ?? 0n) > 0n || (spend[p.index] ?? 0n) > 0n),
  );
}

/** The idle excess `sweep` would supply, per asset with an open Venus market and a price. */
export function sweepCandidates(s: Snapshot): SweepCandidate[] {
  const out: SweepCandidate[] = [];
  for (const [index, a] of s.fund.assets.entries()) {
    if (a.vToken === zeroAddress || !a.yieldEnabled || a.mintPaused || !a.priceOk) continue;
    const amount = sweepExcess({ idle: a.idle, holdings: a.holdings, bufferBps: a.bufferBps });
    if (amount === 0n) continue;
    // D18{USD} = {tok} * D18{USD/tok} / {tok}
    out.push({ index, amount, valueUsd: (amount * a.price) / 10n ** BigInt(a.decimals) });
  }
  return out;
}

/**
 * One tick's decision, from the chain's state only (no clock, no I/O): a rebalance step when the rule
 * holds (or the fund's episode is active, which goes on to target) and the rebalancer lets this account
 * step, the fund's own bounds allow it and every pool the step trades in is within its route's bound of the
 * oracle; a close of the open episode when nothing can be sold; else a sweep when the idle excess is worth
 * the minimum, else a skip with its reason. A rebalance comes first: it withdraws what it sells and
 * re-supplies what it buys, so a sweep before it would only churn.
 */
export function planTick(s: Snapshot, options: PlanOptions): Decision {
  if (s.keeper.noncePending > s.keeper.nonceLatest) {
    return {
      action: "skip",
      reason: "pending-transaction",
      detail: `nonce ${s.keeper.nonceLatest} is pending (${s.keeper.noncePending - s.keeper.nonceLatest} transaction(s)); waiting for it before sending anything`,
    };
  }
  if (s.fund.paused) return { action: "skip", reason: "fund-paused", detail: "the fund is paused" };
  if (!s.fund.pricesOk) {
    return {
      action: "skip",
      reason: "prices-refused",
      detail: `the oracle refuses the price of ${s.fund.assets
        .filter((a) => !a.priceOk)
        .map((a) => a.symbol)
        .join(", ")}`,
    };
  }
  if (!s.fund.holdingsOk) {
    return {
      action: "skip",
      reason: "holdings-unvalued",
      detail: `the fund cannot value its Venus position in ${s.fund.assets
        .filter((a) => !a.positionOk)
        .map((a) => a.symbol)
        .join(", ")}`,
    };
  }
  const rule = ruleOf(s);
  const episode = s.episode.status;
  if (isStepDue(rule, episode) || episode.active) {
    const r = s.rebalancer;
    if (!r.canRebalance.allowed) {
      if (r.canRebalance.nextStepAt > s.timestamp) {
        return {
          action: "skip",
          reason: "step-interval",
          detail: `next step allowed at ${r.canRebalance.nextStepAt} (chain time ${s.timestamp})`,
          retryAt: r.canRebalance.nextStepAt,
          rule,
        };
      }
      return {
        action: "skip",
        reason: "not-permitted",
        detail: `${s.keeper.address} may not trigger: the fund's keeper is ${s.roles.keeper}`,
        rule,
      };
    }
    if (r.preview.status === "error") {
      return { action: "skip", reason: "nothing-to-trade", detail: r.preview.error.shortMessage, rule };
    }
    const { sent, spend } = r.preview;
    if (!sent.some((x) => x > 0n)) {
      // Nothing can be sold (routes, Venus paused or out of cash): an open episode is closed, not left open.
      if (s.episode.open) {
        return { action: "rebalance", rule, sent, spend, continuing: true, closing: true };
      }
      return {
        action: "skip",
        reason: "nothing-to-trade",
        detail: "the rebalancer plans no sale (routes missing or no liquidity)",
        rule,
      };
    }
    if (episode.active && episode.lossLeft === 0n) {
      return {
        action: "skip",
        reason: "episode-budget-spent",
        detail: `the episode has lost its whole budget (${s.episode.episode.lossBudget} USD, D18): no step until it ends at ${episode.deadline}`,
        retryAt: episode.deadline + 1n,
        rule,
      };
    }
    const off = poolsOffOracle(s, sent, spend);
    if (off.length > 0) {
      return {
        action: "skip",
        reason: "pool-off-oracle",
        detail: off
          .map(
            (p) =>
              `${s.fund.assets[p.index]?.symbol ?? p.index} pool ${p.pool} is ${p.deviationBps} bps from the oracle, beyond its route's ${p.boundBps} bps bound`,
          )
          .join("; "),
        rule,
      };
    }
    return { action: "rebalance", rule, sent, spend, continuing: episode.active, closing: false };
  }
  const candidates = sweepCandidates(s);
  const excessUsd = candidates.reduce((sum, c) => sum + c.valueUsd, 0n);
  if (candidates.length > 0 && excessUsd >= options.sweepMinUsd) {
    return { action: "sweep", candidates, excessUsd };
  }
  return {
    action: "skip",
    reason: "idle-below-threshold",
    detail: `max deviation ${rule.maxDeviationBps} bps < ${s.rule.thresholdBps} bps${rule.cooldownElapsed ? "" : " or cooldown"}; idle excess ${excessUsd} (D18 USD) < ${options.sweepMinUsd}`,
    rule,
  };
}

/** D18{USD} What `gas` units cost at `gasPrice` wei with the native token at `nativePriceUsd`. */
export function gasCostUsd(gas: bigint, gasPrice: bigint, nativePriceUsd: bigint): bigint {
  // D18{USD} = {gas} * {wei/gas} * D18{USD/BNB} / {wei/BNB}; Up: never understate a cost.
  const numerator = gas * gasPrice * nativePriceUsd;
  const wei = 10n ** 18n;
  return (numerator + wei - 1n) / wei;
}

/**
 * Whether a sweep pays for itself: its gas costs at most `maxGasBps` of the value it supplies. The value
 * is what the simulation says `sweep` supplies (supply caps and paused markets already counted).
 */
export function sweepWorthGas(p: { suppliedUsd: bigint; gasCostUsd: bigint; maxGasBps: number }): boolean {
  return p.gasCostUsd * 10_000n <= p.suppliedUsd * BigInt(p.maxGasBps);
}
