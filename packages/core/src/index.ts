export { BPS, BPS_BIG, NO_TRIGGER, YEAR_SECONDS } from "./constants.js";
export { BlockEtfCoreError, LengthMismatchError, StableIndexError } from "./errors.js";
export {
  BASKET,
  type BasketSymbol,
  CT5U,
  checkFundSpec,
  type FundSpec,
  type FundSpecAsset,
  type PooledSymbol,
  requireSymbol,
  resolveSymbol,
  type SpecRoute,
  specRoutes,
  specTable,
  specWeightsBps,
  UnknownSymbolError,
} from "./fundSpec.js";
export { fundSpecJson } from "./fundSpecJson.js";
export {
  isStepDue,
  type RebalanceEpisode,
  type RebalanceEpisodeStatus,
  type RebalanceEpisodeStatusParameters,
  rebalanceEpisodeStatus,
} from "./rebalanceEpisode.js";
export {
  type CheckRebalanceParameters,
  type CheckRebalanceReturnType,
  checkRebalance,
  deviationsBps,
  isCooldownElapsed,
  maxDeviationIndex,
  type RebalanceRule,
  rebalanceTrigger,
  weightsBpsDown,
  weightsBpsDownInto,
} from "./rebalanceRule.js";
export {
  COMPLETE_DIVISOR,
  isRebalanceComplete,
  MIN_TRADE_BPS,
  type PlanRebalanceStepParameters,
  planRebalanceStep,
  type RebalanceStepPlan,
} from "./rebalanceStep.js";
export { MIN_SWEEP_BPS, type SweepExcessParameters, sweepExcess } from "./sweep.js";
export { d18ToUsd, usdToD18 } from "./units.js";
