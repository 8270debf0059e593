// The local-chain deployer: anvil from npm, dev clients, Venus's core pool and PancakeSwap V3 from their
// published artifacts, the fund stack and the market moves the devnet (`npm start`) and the tests use.
export * from "./anvil.js";
export * from "./chain.js";
export * from "./dex/index.js";
export * from "./fund/deployFund.js";
export * from "./market.js";
export * from "./stack.js";
export * from "./venus/index.js";
