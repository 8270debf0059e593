export * from "./deployDex.js";
export * from "./errors.js";
export * from "./math.js";
