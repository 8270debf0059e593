import { describe, expect, test } from "vitest";
import { buildScenario } from "../cli/scenario.js";
import { buildGrid } from "./grid.js";
import { runSweep } from "./pool.js";

describe("runSweep", () => {
  test("behavior: deterministic and independent of the number of workers", async () => {
    const scenario = buildScenario({ from: "2022-01-01", to: "2023-12-31" });
    const { configs } = buildGrid(scenario.v2, scenario.market.history.stableIndex, {
      thresholdsBps: [200, 500, 1000],
      stableWeightsBps: [0, 1000, 2000],
      buffersBps: [0, 500],
      cooldownsSeconds: [1800],
    });
    const inline = await runSweep(scenario.market, scenario.window, configs, { workers: 1 });
    const parallel = await runSweep(scenario.market, scenario.window, configs, { workers: 2, batch: 4 });
    const again = await runSweep(scenario.market, scenario.window, configs, { workers: 2, batch: 7 });
    expect(parallel).toEqual(inline);
    expect(again).toEqual(inline);
    expect(inline.map((summary) => summary.label)).toEqual(configs.map((config) => config.label));
  }, 30_000); // two rounds of workers, each loading TypeScript through tsx: 2–5 s on a busy 2-core machine
});
