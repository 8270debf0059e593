export * from "./base.js";
export * from "./contract.js";
export * from "./decode.js";
export * from "./format.js";
