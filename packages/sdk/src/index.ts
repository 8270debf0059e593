export * from "./apy.js";
export * from "./builders.js";
export * from "./errors.js";
export * from "./networks/bsc.js";
export * from "./reads.js";
