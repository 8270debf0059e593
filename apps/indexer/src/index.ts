export {
  DEFAULT_SNAPSHOT_INTERVAL,
  IndexerConfigError,
  type IndexerDeployment,
  parseDeployment,
  readDeploymentFile,
} from "./config.js";
export {
  IndexerStartError,
  type IndexerStatus,
  PONDER_ROOT,
  type RunningIndexer,
  resolveSettings,
  type StartIndexerOptions,
  schemaName,
  startIndexer,
} from "./start.js";
