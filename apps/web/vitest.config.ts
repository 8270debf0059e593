import { defineProject } from "vitest/config";

// Unit tests of the app's pure parts (src/**/*.test.ts) and, in test/, the browser tests: Debian's
// Chromium driven by playwright-core against one devnet, indexer and app started for them.
export default defineProject({
  test: {
    name: "@blocketf/web",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
  },
});
