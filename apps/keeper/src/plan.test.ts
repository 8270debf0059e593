import { parseEther } from "viem";
import { describe, expect, test } from "vitest";
import { gasCostUsd, planTick, sweepCandidates, sweepWorthGas } from "./plan.js";
import type { Snapshot } from "./state.js";
import { inEpisode, snapshot, withEpisode } from "./test/snapshot.js";

const options = { sweepMinUsd: parseEther("100") };
/** BTCB up to 60 % of the fund: 1,000 bps over its 50 % target. */
const shocked = (): Snapshot => {
  const s = snapshot([60_000n, 25_000n, 15_000n]);
  return {
    ...s,
    rebalancer: {
      ...s.rebalancer,
      preview: { status: "ok", sent: [5n, 0n, 0n], spend: [0n, 4n, 0n] },
    },
  };
};

describe("planTick", () => {
  test("default: balanced, nothing idle → skip", () => {
    const d = planTick(snapshot(), options);
    expect(d.action).toBe("skip");
    if (d.action === "skip") expect(d.reason).toBe("idle-below-threshold");
  });

  test("behavior: rule met → rebalance with the rebalancer's preview", () => {
    const d = planTick(shocked(), options);
    expect(d.action).toBe("rebalance");
    if (d.action !== "rebalance") return;
    expect(d.rule.maxDeviationBps).toBe(1000);
    expect(d.rule.triggerIndex).toBe(0);
    expect(d.sent).toEqual([5n, 0n, 0n]);
    expect(d.continuing).toBe(false);
  });

  test("behavior: an episode under way is continuing", () => {
    const d = planTick(inEpisode(shocked()), options);
    expect(d.action === "rebalance" && d.continuing && !d.closing).toBe(true);
  });

  test("behavior: an active episode goes on below the threshold and inside the cooldown", () => {
    const s = shocked();
    const d = planTick(
      inEpisode({ ...s, rule: { ...s.rule, thresholdBps: 5_000, lastRebalanceAt: s.timestamp - 700n } }),
      options,
    );
    expect(d.action).toBe("rebalance");
    if (d.action === "rebalance") expect(d.rule.needsRebalance).toBe(false);
  });

  test("behavior: an expired episode does not go on; its deadline starts the cooldown", () => {
    const s = shocked();
    // Started 12 h 10 min ago: over since 10 minutes, so the 30-minute cooldown runs from its deadline.
    const expired = inEpisode(s, { startedAt: s.timestamp - 43_800n });
    expect(expired.episode.status.expired).toBe(true);
    const d = planTick(expired, options);
    expect(d.action).toBe("skip");
    if (d.action === "skip") expect(d.rule?.cooldownElapsed).toBe(false);
  });

  test("behavior: nothing can be sold while an episode is open → close it (rebalance, closing)", () => {
    const s = inEpisode(shocked());
    const d = planTick(
      {
        ...s,
        rebalancer: { ...s.rebalancer, preview: { status: "ok", sent: [0n, 0n, 0n], spend: [0n, 0n, 0n] } },
      },
      options,
    );
    expect(d).toMatchObject({ action: "rebalance", closing: true });
  });

  test("behavior: no loss budget left → skip until the deadline", () => {
    const s = inEpisode(shocked(), { lost: parseEther("60") });
    const d = planTick(s, options);
    expect(d).toMatchObject({
      action: "skip",
      reason: "episode-budget-spent",
      retryAt: s.episode.status.deadline + 1n,
    });
  });

  test("behavior: a pool the step trades in is off the oracle beyond its route's bound → wait", () => {
    const s = shocked();
    const pool = { pool: s.roles.rebalancer, fee: 500, poolPrice: 0n, oraclePrice: 1n, boundBps: 30 };
    // BTCB is sold (sent) and ETH bought (spend): either pool off its bound holds the step.
    for (const index of [0, 1]) {
      const d = planTick({ ...s, pools: [{ ...pool, index, deviationBps: 31 }] }, options);
      expect(d).toMatchObject({ action: "skip", reason: "pool-off-oracle" });
      if (d.action === "skip")
        expect(d.detail).toMatch(/31 bps from the oracle, beyond its route's 30 bps bound/);
    }
    // At the bound, or off in a pool the step does not use, the step goes.
    expect(planTick({ ...s, pools: [{ ...pool, index: 0, deviationBps: 30 }] }, options).action).toBe(
      "rebalance",
    );
    const unused = withEpisode({ ...s, pools: [{ ...pool, index: 2, deviationBps: 500 }] }, {}, false);
    expect(planTick(unused, options).action).toBe("rebalance");
  });

  test("behavior: the step interval runs → skip until nextStepAt", () => {
    const s = shocked();
    const nextStepAt = s.timestamp + 30n;
    const d = planTick(
      { ...s, rebalancer: { ...s.rebalancer, canRebalance: { allowed: false, nextStepAt } } },
      options,
    );
    expect(d).toMatchObject({ action: "skip", reason: "step-interval", retryAt: nextStepAt });
  });

  test("behavior: not the keeper → skip not-permitted", () => {
    const s = shocked();
    const d = planTick(
      { ...s, rebalancer: { ...s.rebalancer, canRebalance: { allowed: false, nextStepAt: 0n } } },
      options,
    );
    expect(d).toMatchObject({ action: "skip", reason: "not-permitted" });
  });

  test("behavior: cooldown after the last episode ended → no step", () => {
    const s = shocked();
    // The Lens's episode status carries the fund's lastRebalanceAt as the cooldown's start.
    const d = planTick(
      withEpisode({ ...s, rule: { ...s.rule, lastRebalanceAt: s.timestamp - 60n } }, {}, false),
      options,
    );
    expect(d.action).toBe("skip");
  });

  test("behavior: a pending transaction (a previous run's) blocks everything", () => {
    const s = shocked();
    const d = planTick({ ...s, keeper: { ...s.keeper, noncePending: s.keeper.nonceLatest + 1 } }, options);
    expect(d).toMatchObject({ action: "skip", reason: "pending-transaction" });
  });

  test("behavior: paused fund and refused prices → skip", () => {
    const s = shocked();
    expect(planTick({ ...s, fund: { ...s.fund, paused: true } }, options)).toMatchObject({
      reason: "fund-paused",
    });
    expect(planTick({ ...s, fund: { ...s.fund, pricesOk: false } }, options)).toMatchObject({
      reason: "prices-refused",
    });
    expect(planTick({ ...s, fund: { ...s.fund, holdingsOk: false } }, options)).toMatchObject({
      reason: "holdings-unvalued",
    });
  });

  test("behavior: preview reverting or planning nothing → skip nothing-to-trade", () => {
    const s = shocked();
    const none = {
      ...s,
      rebalancer: { ...s.rebalancer, preview: { status: "ok", sent: [0n, 0n, 0n], spend: [0n, 0n, 0n] } },
    } as Snapshot;
    expect(planTick(none, options)).toMatchObject({ action: "skip", reason: "nothing-to-trade" });
  });

  test("behavior: idle above the buffers and the minimum → sweep", () => {
    const s = snapshot();
    const btc = s.fund.assets[0];
    if (btc === undefined) throw new Error("fixture");
    // All BTCB idle: 90 % of it is above the 10 % buffer.
    const assets = [{ ...btc, idle: btc.holdings, supplied: 0n }, ...s.fund.assets.slice(1)];
    const d = planTick({ ...s, fund: { ...s.fund, assets } }, options);
    expect(d.action).toBe("sweep");
    if (d.action === "sweep") expect(d.excessUsd).toBe(parseEther("45000"));
  });

  test("behavior: idle excess below the minimum → skip", () => {
    const s = snapshot();
    const btc = s.fund.assets[0];
    if (btc === undefined) throw new Error("fixture");
    const assets = [{ ...btc, idle: btc.idle + btc.holdings / 1000n }, ...s.fund.assets.slice(1)];
    const d = planTick({ ...s, fund: { ...s.fund, assets } }, { sweepMinUsd: parseEther("1000") });
    expect(d).toMatchObject({ action: "skip", reason: "idle-below-threshold" });
  });

  test("behavior: paused Venus minting is not a sweep candidate", () => {
    const s = snapshot();
    const btc = s.fund.assets[0];
    if (btc === undefined) throw new Error("fixture");
    const assets = [{ ...btc, idle: btc.holdings, mintPaused: true }, ...s.fund.assets.slice(1)];
    expect(sweepCandidates({ ...s, fund: { ...s.fund, assets } })).toEqual([]);
  });
});

describe("gasCostUsd / sweepWorthGas", () => {
  test("default: 1M gas at 1 gwei with BNB at 700 USD costs 0.70 USD", () => {
    expect(gasCostUsd(1_000_000n, 1_000_000_000n, parseEther("700"))).toBe(parseEther("0.7"));
  });

  test("behavior: worth it at or under maxGasBps of the supplied value", () => {
    const cost = parseEther("0.7");
    // 10 bps of 700 USD = 0.70 USD: exactly at the bound.
    expect(sweepWorthGas({ suppliedUsd: parseEther("700"), gasCostUsd: cost, maxGasBps: 10 })).toBe(true);
    expect(sweepWorthGas({ suppliedUsd: parseEther("699"), gasCostUsd: cost, maxGasBps: 10 })).toBe(false);
    expect(sweepWorthGas({ suppliedUsd: 0n, gasCostUsd: cost, maxGasBps: 10 })).toBe(false);
  });
});
