import { defineProject } from "vitest/config";

// Unit tests of the app's pure parts (src/**/*.test.ts) and the browser tests (test/browser.test.ts):
// Debian's Chromium driven by playwright-core against one devnet, indexer and app started for them.
export default defineProject({
  test: {
    name: "@blocketf/web",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
