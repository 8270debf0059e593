export * from "./deployDex.js";
export * from "./errors.js";
export * as dexArtifacts from "./generated/index.js";
export * from "./math.js";
