import type { PriceHistory } from "../data/prices.js";

/**
 * Everything one simulated fund needs, aligned to `PriceHistory.assets` (the stablecoin included).
 * Plain data, so it crosses to sweep workers by structured clone.
 */
export type EngineConfig = {
  readonly label: string;
  /** {bps} Target weights summing to 10000; the stablecoin has its own. */
  readonly targetBps: readonly number[];
  /** {bps} The rule's threshold on the absolute weight deviation. */
  readonly thresholdBps: number;
  /** {s} The rule's cooldown. */
  readonly cooldownSeconds: number;
  /**
   * {USD} Largest trade of each asset in one rebalance step: the route's `maxTradeValue` (the fund spec's
   * step bound; `Infinity` for V1, which traded in one go). A rebalance goes on in steps until complete.
   */
  readonly maxTradeUsd: readonly number[];
  /** {s} Least time between two steps (the rebalancer's `stepInterval`): how many steps fit in a bar. */
  readonly stepIntervalSeconds: number;
  /** Whether idle holdings earn the Venus supply APY (V2) or not (V1). */
  readonly yieldOn: boolean;
  /** {%/year} Constant Venus supply APY per asset, used when the market has no APY series. */
  readonly apyPct: readonly number[];
  /** {bps} Part of each holding kept liquid in the fund (not supplied), the contracts' `bufferBps`. */
  readonly bufferBps: readonly number[];
  /** {bps/year} Management fee, streamed every step as the contracts' fee shares dilute holders. */
  readonly managementFeeBps: number;
  /** {fraction} Pool fee tier of each asset's pool against the stablecoin. */
  readonly poolFee: readonly number[];
  /** {USD} Assumed pool depth: a trade of this size moves the price by `impactK` (linear impact). */
  readonly depthUsd: readonly number[];
  /** {1} Impact coefficient: impact fraction = impactK * tradeUsd / depthUsd, capped at 1. */
  readonly impactK: number;
  /** {USD} Gas charged to the fund per rebalance. */
  readonly gasUsd: number;
  /** {USD} Fund size at the start; matters only for price impact and gas. */
  readonly initialNavUsd: number;
  /** {%/year} Risk-free rate for the Sharpe ratio. */
  readonly riskFreePct: number;
};

/** Prices plus an optional APY series, shared by every configuration of a run or sweep. */
export type Market = {
  readonly history: PriceHistory;
  /** {%/year} Step-major APY per asset (same layout as prices), when a series file was given. */
  readonly apySeriesPct: Float64Array | undefined;
};

export type StepWindow = { readonly start: number; readonly end: number };

/** {bps} Deviation levels for "time spent above" (1, 2, 3, 5 and 10%). */
export const DEVIATION_LEVELS_BPS = [100, 200, 300, 500, 1000] as const;

/** One rebalance: from the bar the rule fired in until its last step left every weight near target. */
export type RebalanceEvent = {
  /** Bar index the rule fired in. */
  readonly step: number;
  readonly label: string;
  /** Bounded steps (transactions) it took. */
  readonly steps: number;
  readonly triggerAsset: string;
  /** {bps} The trigger's deviation, i.e. the largest, before trading. */
  readonly deviationBps: number;
  /** {USD} Sells plus buys, over all its steps. */
  readonly tradedUsd: number;
  /** {USD} Pool fees plus price impact plus gas, over all its steps. */
  readonly costUsd: number;
  /** {USD} NAV after its last step. */
  readonly navUsd: number;
};

export type RunSummary = {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly steps: number;
  /** Completed rebalances (an unfinished one at the window's end is not counted). */
  readonly rebalances: number;
  /** Bounded steps of all rebalances, the unfinished one included: one transaction each. */
  readonly rebalanceSteps: number;
  readonly initialNavUsd: number;
  readonly finalNavUsd: number;
  /** {fraction} final / initial - 1. */
  readonly totalReturn: number;
  readonly cagr: number;
  /** {fraction} Annualised standard deviation of step returns (365-day year). */
  readonly volatility: number;
  /** {fraction} Largest peak-to-trough fall of NAV, as a positive number. */
  readonly maxDrawdown: number;
  readonly sharpe: number;
  /** {fraction} One-way turnover: (sells + buys) / 2 / average NAV. */
  readonly turnover: number;
  readonly tradedUsd: number;
  readonly poolFeesUsd: number;
  readonly priceImpactUsd: number;
  readonly gasUsd: number;
  readonly tradingCostUsd: number;
  readonly managementFeeUsd: number;
  readonly interestUsd: number;
  /** {USD} Interest by asset, aligned to the market's assets. */
  readonly interestByAssetUsd: readonly number[];
  /** {fraction} Share of steps whose largest deviation was at or above each DEVIATION_LEVELS_BPS. */
  readonly timeAboveDeviation: readonly number[];
  readonly maxDeviationBps: number;
};

/** Per-step series for the report (only when asked: sweeps skip them). */
export type RunSeries = {
  /** {USD} NAV after any trade at each step. */
  readonly navUsd: Float64Array;
  /** {bps} Step-major weights after any trade. */
  readonly weightsBps: Int32Array;
  /** {USD} Step-major cumulative interest by asset. */
  readonly interestCumUsd: Float64Array;
  /** {fraction} Drawdown from the running peak (≤ 0). */
  readonly drawdown: Float64Array;
};

export type RunResult = {
  readonly summary: RunSummary;
  readonly events: readonly RebalanceEvent[];
  readonly series: RunSeries | undefined;
};
