export { backoffDelay, sleep } from "./backoff.js";
export {
  DEVNET_CHAIN_ID,
  DEVNET_KEEPER_KEY,
  describeConfig,
  HELP,
  type KeeperConfig,
  KeeperConfigError,
  parseKeeperArgs,
} from "./config.js";
export { evaluateHealth, type Finding, type HealthStatus, healthStatus } from "./health.js";
export { Keeper, type KeeperOptions, type TickReport } from "./keeper.js";
export { createLogger, jsonable, type Logger } from "./log.js";
export { createMetrics, type KeeperMetrics } from "./metrics.js";
export { type Decision, gasCostUsd, planTick, ruleOf, sweepCandidates, sweepWorthGas } from "./plan.js";
export { type HealthServer, startHealthServer } from "./server.js";
export { type RunningKeeper, startKeeper } from "./start.js";
export { fetchSnapshot, type Snapshot } from "./state.js";
