export * from "./apy.js";
export * from "./builders.js";
export * from "./deploy/clients.js";
export * from "./deploy/fund.js";
export * from "./errors.js";
export * from "./networks/bsc.js";
export * from "./reads.js";
export * from "./rebalancer.js";
