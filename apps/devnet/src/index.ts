// @blocketf/devnet as a library: what `npm start` is made of, for tests that drive a devnet step by step
// (the web app's browser tests deploy it, replay days on demand and run its faucet).
export { DEFAULT_CONFIG, type DevnetConfig } from "./config.js";
export {
  BORROWER_KEY_INDEX,
  DEVNET_CHAIN_ID,
  deployDevnet,
  devnetPaths,
  KEEPER_KEY_INDEX,
  type LocalDeployment,
  writeDeployment,
} from "./deployment.js";
export { FAUCET_KEY_INDEX, type FaucetGrant, formatGrant, runFaucet } from "./faucet/faucet.js";
export { type DailyPrices, loadDailyPrices } from "./prices.js";
export { replayDay, type TickReport } from "./replayer.js";
