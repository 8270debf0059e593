export { BPS, BPS_BIG, NO_TRIGGER, YEAR_SECONDS } from "./constants.js";
export { BlockEtfCoreError, LengthMismatchError, StableIndexError, TargetWeightsError } from "./errors.js";
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
  MIN_TRADE_BPS,
  type PlanRebalanceStepParameters,
  planRebalanceStep,
  type RebalanceStepPlan,
} from "./rebalanceStep.js";
export { MIN_SWEEP_BPS, type SweepExcessParameters, sweepExcess } from "./sweep.js";
export {
  assertTargetWeights,
  type PlanRebalanceParameters,
  planRebalance,
  type Trade,
  type TradePlan,
} from "./tradePlanner.js";
export { d18ToUsd, usdToD18 } from "./units.js";
