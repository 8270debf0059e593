import type { Scenario } from "./scenario.js";

const pct = (x: number) => `${+(x * 100).toFixed(4)}%`;

/** Every modelling assumption of a run, in words, printed with the figures. */
export function assumptions(scenario: Scenario): string[] {
  const { history } = scenario.market;
  const { v2 } = scenario;
  const named = (values: readonly number[], format: (x: number) => string) =>
    history.assets.map((asset, i) => `${asset} ${format(values[i] ?? 0)}`).join(", ");
  const stepHours = history.stepSeconds / 3600;
  return [
    `Prices: ${history.file}, Binance spot closes quoted in USDT; USDT's price is 1 by construction (no de-peg is modelled).`,
    `Trades execute at the bar's close through USDT in bounded steps, as the fund's rebalancer does: each step is sized by @blocketf/core's mirror of the contracts' step planner (planRebalanceStep) with at most $${(v2.maxTradeUsd[0] ?? 0).toLocaleString("en-US")} of each asset (V1: one uncapped trade), one step every ${v2.stepIntervalSeconds} s, until every weight is within ${v2.thresholdBps / 10} bps of its target; steps that do not fit in a bar go on at the next bar's prices. Venus's cash is assumed to cover every sell.`,
    `Costs: pool fee tier (${named(v2.poolFee, pct)}), plus linear price impact ${v2.impactK} × trade / depth with ASSUMED depths (${named(v2.depthUsd, (x) => (Number.isFinite(x) ? `$${(x / 1e6).toFixed(0)}M` : "n/a"))}), plus $${v2.gasUsd} gas per step (one transaction each) charged to the fund.`,
    `Fund size $${v2.initialNavUsd.toLocaleString("en-US")} at the start (matters only for impact and gas); the first close buys the targets at no cost and is not a rebalance.`,
    scenario.market.apySeriesPct === undefined
      ? `Yield (V2 ${v2.yieldOn ? "on" : "off"}): constant Venus supply APY ${named(v2.apyPct, (x) => `${x}%`)}, compounding every step on holdings × (1 − buffer ${(v2.bufferBps[0] ?? 0) / 100}%).`
      : `Yield (V2 ${v2.yieldOn ? "on" : "off"}): Venus supply APY series from --apy-file, compounding every step on holdings × (1 − buffer ${(v2.bufferBps[0] ?? 0) / 100}%).`,
    `Rule: absolute weight deviation ≥ ${v2.thresholdBps} bps, cooldown ${v2.cooldownSeconds} s. ${stepHours >= 24 ? "Daily bars are a day apart, so a cooldown shorter than a day never binds here; use --interval 4h or 1h (a cooldown binds only when it is longer than the bar)." : `Bars are ${stepHours} h apart; the cooldown binds when it exceeds that.`}`,
    `Management fee ${v2.managementFeeBps} bps/year, streamed every step as dilution of holders.`,
    `V1 baseline: the same risk weights rescaled to 100% (${weightsText(scenario.v1.targetBps, history.assets)}), no USDT sleeve, no yield; same rule and costs.`,
    "Metrics: volatility and Sharpe annualised on a 365-day year from step returns; Sharpe against the --risk-free-pct rate (default 0).",
  ];
}

export function weightsText(weightsBps: readonly number[], assets: readonly string[]): string {
  return assets
    .map((asset, i) => [asset, weightsBps[i] ?? 0] as const)
    .filter(([, weight]) => weight > 0)
    .map(([asset, weight]) => `${asset} ${weight / 100}%`)
    .join(", ");
}
