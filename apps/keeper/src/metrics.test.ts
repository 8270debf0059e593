import { describe, expect, test } from "vitest";
import { createLogger } from "./log.js";
import { createMetrics } from "./metrics.js";

describe("createMetrics", () => {
  test("default: Prometheus text with the fund's labels", async () => {
    const m = createMetrics({ chain_id: "31337", fund: "0xF1" });
    m.ticks.inc({ outcome: "ok" });
    m.transactions.inc({ action: "rebalance", status: "success" });
    m.maxDeviation.set(812);
    const text = await m.registry.metrics();
    expect(text).toContain('blocketf_keeper_ticks_total{outcome="ok",chain_id="31337",fund="0xF1"} 1');
    expect(text).toContain(
      'blocketf_keeper_transactions_total{action="rebalance",status="success",chain_id="31337",fund="0xF1"} 1',
    );
    expect(text).toContain('blocketf_keeper_max_deviation_bps{chain_id="31337",fund="0xF1"} 812');
    expect(text).toContain("# TYPE blocketf_keeper_tick_duration_seconds histogram");
  });

  test("behavior: two keepers keep separate registries", async () => {
    const a = createMetrics({ chain_id: "1", fund: "a" });
    createMetrics({ chain_id: "1", fund: "b" }).ticks.inc({ outcome: "ok" });
    expect(await a.registry.metrics()).not.toContain('outcome="ok"');
  });
});

describe("createLogger", () => {
  test("default: one JSON line per entry, bigints as strings, bindings kept", () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l)).child({ fund: "0xF1" });
    log.info("plan", { sent: [1n, 2n], nested: { gas: 3n } });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "");
    expect(entry).toMatchObject({
      level: "info",
      fund: "0xF1",
      msg: "plan",
      sent: ["1", "2"],
      nested: { gas: "3" },
    });
    expect(lines[0]?.endsWith("\n")).toBe(true);
  });

  test("behavior: below the level is dropped; errors are name and message", () => {
    const lines: string[] = [];
    const log = createLogger((l) => lines.push(l), { level: "warn" });
    log.info("skip");
    log.warn("simulate", { error: new TypeError("boom") });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "").error).toEqual({ name: "TypeError", message: "boom" });
  });
});
