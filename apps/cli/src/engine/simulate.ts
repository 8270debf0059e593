import {
  BPS,
  d18ToUsd,
  maxDeviationIndex,
  NO_TRIGGER,
  planRebalance,
  rebalanceTrigger,
  usdToD18,
  weightsBpsDownInto,
  YEAR_SECONDS,
} from "@blocketf/core";
import { tradeCost } from "./costs.js";
import {
  DEVIATION_LEVELS_BPS,
  type EngineConfig,
  type Market,
  type RebalanceEvent,
  type RunResult,
  type RunSeries,
  type StepWindow,
} from "./types.js";

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
 *  4. when it fires, the core planner sizes the trades (D18 USD), and they execute at the close price
 *     less the pool fee and the linear price impact; gas is charged to the fund.
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

    // 4. Trade through the stablecoin with the shared planner.
    if (trigger !== NO_TRIGGER) {
      const plan = planRebalance({
        valuesUsd: Array.from(values, usdToD18),
        targetWeightsBps: config.targetBps,
        stableIndex,
      });
      let traded = 0;
      let fees = 0;
      let impact = 0;
      for (const sell of plan.sells) {
        const usd = d18ToUsd(sell.valueUsd);
        const price = prices[row + sell.index] ?? 1;
        holdings[sell.index] = Math.max(0, (holdings[sell.index] ?? 0) - usd / price);
        const fee = usd * (config.poolFee[sell.index] ?? 0);
        const slip = tradeCost(usd, config.impactK, config.depthUsd[sell.index] ?? 0, usd - fee);
        holdings[stableIndex] = (holdings[stableIndex] ?? 0) + usd - fee - slip;
        traded += usd;
        fees += fee;
        impact += slip;
      }
      // Gas: from the stablecoin when it can pay, else pro rata from every holding.
      const gasPaid = Math.min(config.gasUsd, nav);
      if ((holdings[stableIndex] ?? 0) >= gasPaid) {
        holdings[stableIndex] = (holdings[stableIndex] ?? 0) - gasPaid;
      } else if (nav > 0) {
        for (let i = 0; i < n; i++) holdings[i] = (holdings[i] ?? 0) * (1 - gasPaid / nav);
      }
      let wanted = 0;
      for (const buy of plan.buys) wanted += d18ToUsd(buy.valueUsd);
      // Costs on the sells can leave less stablecoin than planned: buys scale Down, never overspend.
      const cash = holdings[stableIndex] ?? 0;
      const scale = wanted > cash ? Math.max(0, cash) / wanted : 1;
      for (const buy of plan.buys) {
        const spend = d18ToUsd(buy.valueUsd) * scale;
        const price = prices[row + buy.index] ?? 1;
        const fee = spend * (config.poolFee[buy.index] ?? 0);
        const slip = tradeCost(spend, config.impactK, config.depthUsd[buy.index] ?? 0, spend - fee);
        holdings[stableIndex] = (holdings[stableIndex] ?? 0) - spend;
        holdings[buy.index] = (holdings[buy.index] ?? 0) + (spend - fee - slip) / price;
        traded += spend;
        fees += fee;
        impact += slip;
      }
      nav = 0;
      for (let i = 0; i < n; i++) nav += (holdings[i] ?? 0) * (prices[row + i] ?? 0);
      rebalances++;
      lastRebalanceAt = now;
      tradedUsd += traded;
      poolFeesUsd += fees;
      priceImpactUsd += impact;
      gasUsd += gasPaid;
      if (options.events) {
        events.push({
          step: t,
          label: history.labels[t] ?? "",
          triggerAsset: assets[trigger] ?? "",
          deviationBps: deviation,
          tradedUsd: traded,
          costUsd: fees + impact + gasPaid,
          navUsd: nav,
        });
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
