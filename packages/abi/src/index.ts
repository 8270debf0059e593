export * from "./generated/index.js";
export { linkBytecode, UnlinkedLibraryError } from "./link.js";
