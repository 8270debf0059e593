import {
  BPS,
  isRebalanceComplete,
  maxDeviationIndex,
  NO_TRIGGER,
  rebalanceTrigger,
  weightsBpsDownInto,
  YEAR_SECONDS,
} from "@blocketf/core";
import { capsD18, executeStep } from "./step.js";
import {
  DEVIATION_LEVELS_BPS,
  type EngineConfig,
  type Market,
  type RebalanceEvent,
  type RunResult,
  type RunSeries,
  type StepWindow,
} from "./types.js";

/** A rebalance in progress: the bar the rule fired in and what its steps did so far. */
type Episode = {
  readonly step: number;
  readonly trigger: number;
  readonly deviation: number;
  steps: number;
  traded: number;
  cost: number;
};

export type SimulateOptions = {
  /** Record per-step series for charts (off in sweeps). */
  readonly series?: boolean;
  /** Record the list of rebalances (off in sweeps, which keep the count). */
  readonly events?: boolean;
};

/**
 * Replays one fund over `window` of the market. Each step, in order:
 *  1. interest accrues on the supplied part of every holding, holdings × (1 − buffer), compounding
 *     per step at (1 + APY)^(dt / year) − 1;
 *  2. the management fee dilutes holders by feeBps × dt / (10000 × year), as the contract's fee shares;
 *  3. holdings are valued at the bar's close, and the core rule decides on the integer weights;
 *  4. when it fires, the fund trades in bounded steps, each sized by the core mirror of the on-chain
 *     step planner (`planRebalanceStep`: per-asset caps from the routes) and executed at the close less
 *     the pool fee and the linear price impact, gas charged per step; steps go on (as many per bar as the
 *     step interval allows, then at the next bars) until every weight is within threshold / 10.
 * The start bar buys the targets at no cost; it is not a rebalance. Allocation-free per step.
 */
export function simulate(
  market: Market,
  config: EngineConfig,
  window: StepWindow,
  options: SimulateOptions = {},
): RunResult {
  const { history, apySeriesPct } = market;
  const { prices, times, assets, stableIndex } = history;
  const n = assets.length;
  const { start, end } = window;
  const steps = end - start;
  const target = Int32Array.from(config.targetBps);
  const rule = { thresholdBps: config.thresholdBps, cooldownSeconds: config.cooldownSeconds };

  const holdings = new Float64Array(n);
  const values = new Float64Array(n);
  const weights = new Int32Array(n);
  const supplied = new Float64Array(n);
  const constantApy = new Float64Array(n);
  const growth = new Float64Array(n);
  const interestByAsset = new Float64Array(n);
  const above = new Float64Array(DEVIATION_LEVELS_BPS.length);
  const levels = Int32Array.from(DEVIATION_LEVELS_BPS);
  for (let i = 0; i < n; i++) {
    supplied[i] = 1 - (config.bufferBps[i] ?? 0) / BPS;
    constantApy[i] = config.yieldOn ? (config.apyPct[i] ?? 0) / 100 : 0;
  }
  const useSeries = config.yieldOn && apySeriesPct !== undefined;

  const series: RunSeries | undefined = options.series
    ? {
        navUsd: new Float64Array(steps),
        weightsBps: new Int32Array(steps * n),
        interestCumUsd: new Float64Array(steps * n),
        drawdown: new Float64Array(steps),
      }
    : undefined;
  const events: RebalanceEvent[] = [];

  // Initial purchase at the first close, at target weights.
  let nav = config.initialNavUsd;
  for (let i = 0; i < n; i++) {
    holdings[i] = (nav * (target[i] ?? 0)) / BPS / (prices[start * n + i] ?? 1);
  }

  let lastRebalanceAt = 0;
  let rebalances = 0;
  let rebalanceSteps = 0;
  let episode: Episode | undefined;
  const caps = capsD18(config.maxTradeUsd);
  let tradedUsd = 0;
  let poolFeesUsd = 0;
  let priceImpactUsd = 0;
  let gasUsd = 0;
  let managementFeeUsd = 0;
  let sumReturn = 0;
  let sumReturnSq = 0;
  let sumNav = nav;
  let peak = nav;
  let maxDrawdown = 0;
  let maxDeviationSeen = 0;
  let cachedDt = -1;
  let prevNav = nav;
  recordSeries(series, 0, n, nav, holdings, prices, start, interestByAsset, peak);

  for (let t = start + 1; t < end; t++) {
    const row = t * n;
    const now = times[t] ?? 0;
    const dt = now - (times[t - 1] ?? 0);

    // 1. Interest on the supplied part, compounding per step.
    if (useSeries) {
      for (let i = 0; i < n; i++) {
        growth[i] = (1 + (apySeriesPct[row + i] ?? 0) / 100) ** (dt / YEAR_SECONDS) - 1;
      }
    } else if (dt !== cachedDt) {
      for (let i = 0; i < n; i++) growth[i] = (1 + (constantApy[i] ?? 0)) ** (dt / YEAR_SECONDS) - 1;
      cachedDt = dt;
    }
    // 2. Management fee as dilution of holders.
    const feeFraction = (config.managementFeeBps * dt) / (BPS * YEAR_SECONDS);
    nav = 0;
    for (let i = 0; i < n; i++) {
      const price = prices[row + i] ?? 0;
      const held = holdings[i] ?? 0;
      const earned = held * (supplied[i] ?? 0) * (growth[i] ?? 0);
      interestByAsset[i] = (interestByAsset[i] ?? 0) + earned * price;
      const grown = held + earned;
      managementFeeUsd += grown * feeFraction * price;
      const after = grown * (1 - feeFraction);
      holdings[i] = after;
      values[i] = after * price;
      nav += after * price;
    }

    // 3. The shared rule on integer weights.
    weightsBpsDownInto(values, weights);
    const worst = maxDeviationIndex(weights, target);
    const deviation = Math.abs((weights[worst] ?? 0) - (target[worst] ?? 0));
    if (deviation > maxDeviationSeen) maxDeviationSeen = deviation;
    for (let l = 0; l < levels.length; l++) if (deviation >= (levels[l] ?? 0)) above[l] = (above[l] ?? 0) + 1;
    const trigger = rebalanceTrigger(weights, target, rule, lastRebalanceAt, now);

    // 4. A rebalance starts when the rule fires and goes on in bounded steps, as many as the step interval
    // fits in the bar, until every weight is within a tenth of the threshold (the contracts' rule).
    if (episode === undefined && trigger !== NO_TRIGGER) {
      episode = { step: t, trigger, deviation, steps: 0, traded: 0, cost: 0 };
    }
    if (episode !== undefined) {
      const budget = Math.max(1, Math.floor(dt / config.stepIntervalSeconds));
      let done = false;
      for (let k = 0; k < budget && !done; k++) {
        const outcome = executeStep(config, caps, holdings, prices, row, stableIndex);
        nav = 0;
        for (let i = 0; i < n; i++) {
          values[i] = (holdings[i] ?? 0) * (prices[row + i] ?? 0);
          nav += values[i] ?? 0;
        }
        if (outcome.planned) {
          rebalanceSteps++;
          episode.steps++;
          episode.traded += outcome.traded;
          episode.cost += outcome.fees + outcome.impact + outcome.gas;
          tradedUsd += outcome.traded;
          poolFeesUsd += outcome.fees;
          priceImpactUsd += outcome.impact;
          gasUsd += outcome.gas;
        }
        weightsBpsDownInto(values, weights);
        // Nothing left to plan (every leg is dust) also ends it: the fund would have no step to send.
        done = !outcome.planned || isRebalanceComplete(weights, target, config.thresholdBps);
        if (done) lastRebalanceAt = now + k * config.stepIntervalSeconds;
      }
      if (done) {
        rebalances++;
        if (options.events) {
          events.push({
            step: episode.step,
            label: history.labels[episode.step] ?? "",
            steps: episode.steps,
            triggerAsset: assets[episode.trigger] ?? "",
            deviationBps: episode.deviation,
            tradedUsd: episode.traded,
            costUsd: episode.cost,
            navUsd: nav,
          });
        }
        episode = undefined;
      }
    }

    // Streaming metrics.
    const r = prevNav > 0 ? nav / prevNav - 1 : 0;
    sumReturn += r;
    sumReturnSq += r * r;
    sumNav += nav;
    if (nav > peak) peak = nav;
    const drawdown = peak > 0 ? nav / peak - 1 : 0;
    if (-drawdown > maxDrawdown) maxDrawdown = -drawdown;
    prevNav = nav;
    recordSeries(series, t - start, n, nav, holdings, prices, t, interestByAsset, peak);
  }

  const returns = steps - 1;
  const periodsPerYear = YEAR_SECONDS / Math.max(1, history.stepSeconds);
  const mean = returns > 0 ? sumReturn / returns : 0;
  const variance = returns > 1 ? (sumReturnSq - returns * mean * mean) / (returns - 1) : 0;
  const stdev = Math.sqrt(Math.max(0, variance));
  const riskFreePerStep = (1 + config.riskFreePct / 100) ** (1 / periodsPerYear) - 1;
  const years = ((times[end - 1] ?? 0) - (times[start] ?? 0)) / YEAR_SECONDS;
  const growthTotal = nav / config.initialNavUsd;
  let interestUsd = 0;
  for (let i = 0; i < n; i++) interestUsd += interestByAsset[i] ?? 0;
  return {
    summary: {
      label: config.label,
      from: history.labels[start] ?? "",
      to: history.labels[end - 1] ?? "",
      steps,
      rebalances,
      rebalanceSteps,
      initialNavUsd: config.initialNavUsd,
      finalNavUsd: nav,
      totalReturn: growthTotal - 1,
      cagr: years > 0 && growthTotal > 0 ? growthTotal ** (1 / years) - 1 : 0,
      volatility: stdev * Math.sqrt(periodsPerYear),
      maxDrawdown,
      sharpe: stdev > 0 ? ((mean - riskFreePerStep) / stdev) * Math.sqrt(periodsPerYear) : 0,
      turnover: tradedUsd / 2 / (sumNav / steps),
      tradedUsd,
      poolFeesUsd,
      priceImpactUsd,
      gasUsd,
      tradingCostUsd: poolFeesUsd + priceImpactUsd + gasUsd,
      managementFeeUsd,
      interestUsd,
      interestByAssetUsd: Array.from(interestByAsset),
      timeAboveDeviation: Array.from(above, (count) => count / Math.max(1, returns)),
      maxDeviationBps: maxDeviationSeen,
    },
    events,
    series,
  };
}

function recordSeries(
  series: RunSeries | undefined,
  k: number,
  n: number,
  nav: number,
  holdings: Float64Array,
  prices: Float64Array,
  t: number,
  interestByAsset: Float64Array,
  peak: number,
): void {
  if (series === undefined) return;
  series.navUsd[k] = nav;
  series.drawdown[k] = peak > 0 ? nav / peak - 1 : 0;
  for (let i = 0; i < n; i++) {
    const value = (holdings[i] ?? 0) * (prices[t * n + i] ?? 0);
    series.weightsBps[k * n + i] = nav > 0 ? Math.floor((value * BPS) / nav) : 0;
    series.interestCumUsd[k * n + i] = interestByAsset[i] ?? 0;
  }
}
