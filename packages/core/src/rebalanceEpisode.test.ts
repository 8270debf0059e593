import { describe, expect, test } from "vitest";
import vectors from "../test-vectors/rebalance-episode.json" with { type: "json" };
import { isStepDue, type RebalanceEpisode, rebalanceEpisodeStatus } from "./rebalanceEpisode.js";
import { checkRebalance } from "./rebalanceRule.js";

const episodeOf = (e: (typeof vectors.vectors)[number]["input"]["episode"]): RebalanceEpisode => ({
  ...e,
  startedAt: BigInt(e.startedAt),
  lastStepAt: BigInt(e.lastStepAt),
  lossBudget: BigInt(e.lossBudget),
  lost: BigInt(e.lost),
});

describe("rebalanceEpisodeStatus", () => {
  test("behavior: the shared vectors ran", () => {
    expect(vectors.vectors.length).toBeGreaterThanOrEqual(10);
  });

  for (const vector of vectors.vectors) {
    test(`vector: ${vector.name}`, () => {
      const status = rebalanceEpisodeStatus({
        episode: episodeOf(vector.input.episode),
        open: vector.input.open,
        lastRebalanceAt: BigInt(vector.input.lastRebalanceAt),
        now: BigInt(vector.input.now),
      });
      const e = vector.expected;
      expect(status).toEqual({
        active: e.active,
        expired: e.expired,
        deadline: BigInt(e.deadline),
        cooldownFrom: BigInt(e.cooldownFrom),
        nextStepAt: BigInt(e.nextStepAt),
        stepsLeft: BigInt(e.stepsLeft),
        lossLeft: BigInt(e.lossLeft),
      });
    });
  }
});

describe("isStepDue", () => {
  const rule = (values: bigint[], lastRebalanceAt: number, now: number) =>
    checkRebalance({
      valuesUsd: values,
      targetWeightsBps: [5000, 5000],
      thresholdBps: 500,
      cooldownSeconds: 1800,
      lastRebalanceAt,
      now,
    });
  const episode: RebalanceEpisode = {
    minStepInterval: 60,
    maxDuration: 43_200,
    maxSteps: 20,
    maxLossBps: 100,
    startedAt: 1_000n,
    lastStepAt: 1_000n,
    steps: 1,
    lossBudget: 10n,
    lost: 0n,
  };

  test("behavior: an active episode goes on below the threshold", () => {
    const status = rebalanceEpisodeStatus({ episode, open: true, lastRebalanceAt: 0n, now: 2_000n });
    expect(isStepDue(rule([53n, 47n], 0, 2_000), status)).toBe(true);
  });

  test("behavior: an expired episode does not, and its deadline starts the cooldown", () => {
    const now = 1_000n + 43_200n + 60n;
    const status = rebalanceEpisodeStatus({ episode, open: true, lastRebalanceAt: 0n, now });
    expect(status.expired).toBe(true);
    // 10 % off: the rule would hold, but the cooldown runs from the deadline (60 s ago).
    const check = rule([60n, 40n], Number(status.cooldownFrom), Number(now));
    expect(check.cooldownElapsed).toBe(false);
    expect(isStepDue(check, status)).toBe(false);
  });

  test("behavior: at target, an active episode has nothing to do", () => {
    const status = rebalanceEpisodeStatus({ episode, open: true, lastRebalanceAt: 0n, now: 2_000n });
    expect(isStepDue(rule([50n, 50n], 0, 2_000), status)).toBe(false);
  });
});
