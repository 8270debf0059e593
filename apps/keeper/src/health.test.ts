import { StaleOracleError } from "@blocketf/sdk";
import { parseEther } from "viem";
import { describe, expect, test } from "vitest";
import { evaluateHealth, healthStatus } from "./health.js";
import type { Snapshot } from "./state.js";
import { due, inEpisode, REBALANCER, snapshot, withEpisode } from "./test/snapshot.js";

const options = {
  poolDeviationBps: 100,
  maxUtilizationBps: 9500,
  minGasBalance: parseEther("0.01"),
  rebalancer: REBALANCER,
};

function withAsset(s: Snapshot, index: number, patch: Partial<Snapshot["fund"]["assets"][number]>): Snapshot {
  const assets = s.fund.assets.map((a, i) => (i === index ? { ...a, ...patch } : a));
  return { ...s, fund: { ...s.fund, assets } };
}

describe("evaluateHealth", () => {
  test("default: a healthy fund has no findings", () => {
    expect(evaluateHealth(snapshot(), options)).toEqual([]);
  });

  test("behavior: a stale feed is critical, with the oracle's reason", () => {
    const s = {
      ...snapshot(),
      oracleErrors: [{ index: 0, error: new StaleOracleError("The price feed of X is stale") }],
    };
    expect(evaluateHealth(s, options)).toEqual([
      { kind: "oracle", severity: "critical", asset: "BTCB", message: "The price feed of X is stale" },
    ]);
  });

  test("behavior: Venus redeem paused with a position is critical, mint paused a warning", () => {
    const s = withAsset(withAsset(snapshot(), 0, { redeemPaused: true }), 1, { mintPaused: true });
    const findings = evaluateHealth(s, options);
    expect(findings.map((f) => [f.kind, f.severity, f.asset])).toEqual([
      ["venus-paused", "critical", "BTCB"],
      ["venus-paused", "warning", "ETH"],
    ]);
  });

  test("behavior: a Venus position the fund cannot value is critical; a written-off one a warning", () => {
    const s = withAsset(withAsset(snapshot(), 1, { positionOk: false, supplied: 0n }), 0, {
      writtenOff: true,
    });
    const unvalued = { ...s, fund: { ...s.fund, holdingsOk: false, totalValue: 0n } };
    const findings = evaluateHealth(unvalued, options);
    expect(findings.map((f) => [f.kind, f.severity, f.asset])).toEqual([
      ["venus-written-off", "warning", "BTCB"],
      ["venus-unvalued", "critical", "ETH"],
    ]);
    expect(findings[1]?.message).toMatch(/writeOffVenus\(1\)/);
    const status = healthStatus({ now: 1, lastTickAt: 1, staleAfterMs: 60_000, findings });
    expect(status.httpStatus).toBe(503);
  });

  test("behavior: Venus short of cash and highly utilised are warnings", () => {
    const s = { ...withAsset(snapshot(), 0, { venusCash: 1n }), utilizationBps: [9600, 5000, undefined] };
    expect(evaluateHealth(s, options).map((f) => f.kind)).toEqual(["venus-illiquid", "venus-utilization"]);
  });

  test("behavior: a pool off the oracle by more than N bps is flagged, N itself is not", () => {
    const pool = { index: 0, pool: REBALANCER, fee: 500, poolPrice: 0n, oraclePrice: 1n, boundBps: 500 };
    const s = {
      ...snapshot(),
      pools: [
        { ...pool, deviationBps: 100 },
        { ...pool, index: 1, deviationBps: 101 },
      ],
    };
    expect(evaluateHealth(s, options).map((f) => [f.kind, f.asset])).toEqual([["pool-price", "ETH"]]);
  });

  test("behavior: a pool beyond its route's own bound says steps through it wait", () => {
    const pool = { index: 0, pool: REBALANCER, fee: 500, poolPrice: 0n, oraclePrice: 1n, boundBps: 30 };
    const s = {
      ...snapshot(),
      pools: [
        { ...pool, deviationBps: 30 },
        { ...pool, index: 1, deviationBps: 60 },
      ],
    };
    const findings = evaluateHealth(s, options);
    expect(findings.map((f) => [f.kind, f.severity, f.asset])).toEqual([["pool-price", "warning", "ETH"]]);
    expect(findings[0]?.message).toMatch(
      /60 bps from the oracle, beyond its route's 30 bps bound: rebalance steps through it wait/,
    );
  });

  test("behavior: an episode with no loss budget left is a warning", () => {
    const s = inEpisode(snapshot(), { lost: parseEther("60") });
    expect(evaluateHealth(s, options).map((f) => [f.kind, f.severity])).toEqual([["episode", "warning"]]);
  });

  test("behavior: core and the Lens disagreeing on the episode is critical", () => {
    const s = inEpisode(snapshot());
    // The Lens says the episode is over; the fund's books (and core) say it is active.
    const wrong = { ...s, episode: { ...s.episode, status: { ...s.episode.status, active: false } } };
    expect(evaluateHealth(wrong, options).map((f) => f.kind)).toContain("rule-mismatch");
    // An expired one agrees: its deadline passed.
    const expired = withEpisode(s, { startedAt: s.timestamp - 43_201n }, true);
    expect(expired.episode.status.expired).toBe(true);
    expect(evaluateHealth(expired, options)).toEqual([]);
  });

  test("behavior: wrong roles are critical", () => {
    const s = snapshot();
    const other = "0x0000000000000000000000000000000000000bad" as const;
    const findings = evaluateHealth({ ...s, roles: { rebalancer: other, keeper: other } }, options);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ["roles", "critical"],
      ["roles", "critical"],
    ]);
  });

  test("behavior: core and the Lens disagreeing on the rule is critical", () => {
    // On target, but the Lens says due.
    expect(evaluateHealth(due(snapshot()), options).map((f) => f.kind)).toEqual(["rule-mismatch"]);
  });

  test("behavior: low gas balance and a pending transaction are warnings", () => {
    const s = snapshot();
    const findings = evaluateHealth({ ...s, keeper: { ...s.keeper, balance: 0n, noncePending: 4 } }, options);
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([
      ["gas-balance", "warning"],
      ["pending-transaction", "warning"],
    ]);
  });
});

describe("healthStatus", () => {
  const base = { now: 100_000, staleAfterMs: 30_000, findings: [] };
  test("default: a recent tick without findings is ok (200)", () => {
    expect(healthStatus({ ...base, lastTickAt: 90_000 })).toEqual({
      status: "ok",
      httpStatus: 200,
      stale: false,
    });
  });
  test("behavior: before the first tick → starting (503)", () => {
    expect(healthStatus({ ...base, lastTickAt: undefined }).httpStatus).toBe(503);
  });
  test("behavior: stale ticks → unhealthy (503)", () => {
    expect(healthStatus({ ...base, lastTickAt: 60_000 })).toEqual({
      status: "unhealthy",
      httpStatus: 503,
      stale: true,
    });
  });
  test("behavior: warnings degrade (200), a critical finding is unhealthy (503)", () => {
    const warning = { kind: "gas-balance", severity: "warning", message: "" } as const;
    const critical = { kind: "oracle", severity: "critical", message: "" } as const;
    expect(healthStatus({ ...base, lastTickAt: 90_000, findings: [warning] }).status).toBe("degraded");
    expect(healthStatus({ ...base, lastTickAt: 90_000, findings: [warning, critical] })).toMatchObject({
      status: "unhealthy",
      httpStatus: 503,
    });
  });
});
