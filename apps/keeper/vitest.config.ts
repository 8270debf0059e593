import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "@blocketf/keeper",
    // keeper.test.ts starts its own anvil and deploys the whole stack once.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
