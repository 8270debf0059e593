export * from "./apy.js";
export * from "./builders.js";
export * from "./errors.js";
export * from "./reads.js";
