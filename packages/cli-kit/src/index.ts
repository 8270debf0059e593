export { UnknownAssetError, UsageError, WeightsSumError } from "./errors.js";
export { type FlagOptions, type FlagValues, parseCommand, parseFlags } from "./flags.js";
export { runMain } from "./run.js";
export { addressValue, type NumberRange, numberValue, percentBps, userPath } from "./values.js";
export { formatWeights, type ParseWeightsOptions, parseAssetValues, parseWeights } from "./weights.js";
