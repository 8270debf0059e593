export * from "./anvil.js";
export * from "./chain.js";
export * from "./fund/deployFund.js";
