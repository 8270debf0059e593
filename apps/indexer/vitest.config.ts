import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@blocketf/indexer",
    // Each suite file starts its own anvil, deploys the whole stack and runs the indexer (Ponder) on it.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
