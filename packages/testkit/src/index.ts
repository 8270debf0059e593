export * from "./anvil.js";
export * from "./chain.js";
export * from "./dex/index.js";
export * from "./fund/deployFund.js";
export * from "./market.js";
export * from "./stack.js";
export * from "./venus/index.js";
