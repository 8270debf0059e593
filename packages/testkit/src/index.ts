// @blocketf/testkit: the local-chain deployer (src/local/). Its vitest fixtures are a separate entry,
// `@blocketf/testkit/fixtures` (src/fixtures/), so that the devnet never loads vitest.
export * from "./local/index.js";
