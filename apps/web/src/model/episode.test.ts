import type { RebalanceEpisodeView } from "@blocketf/sdk";
import { describe, expect, test } from "vitest";
import type { EpisodeRow } from "../history/indexer.js";
import { describeEpisode } from "./episode.js";

const E18 = 10n ** 18n;
const T0 = 1_736_000_000; // 2025-01-04 14:13:20 UTC

const view = (over: {
  episode?: Partial<RebalanceEpisodeView["episode"]>;
  open?: boolean;
  status?: Partial<RebalanceEpisodeView["status"]>;
}): RebalanceEpisodeView => ({
  episode: {
    minStepInterval: 60,
    maxDuration: 12 * 3600,
    maxSteps: 20,
    maxLossBps: 100,
    startedAt: BigInt(T0),
    lastStepAt: BigInt(T0 + 120),
    steps: 3,
    lossBudget: 50n * E18,
    lost: 4n * E18,
    ...over.episode,
  },
  open: over.open ?? true,
  status: {
    active: true,
    expired: false,
    deadline: BigInt(T0 + 12 * 3600),
    cooldownFrom: 0n,
    nextStepAt: BigInt(T0 + 180),
    stepsLeft: 17n,
    lossLeft: 46n * E18,
    ...over.status,
  },
});

describe("describeEpisode", () => {
  test("default: an episode in progress says steps of max, loss against budget, deadline and next step", () => {
    const w = describeEpisode(view({}), T0 + 150);
    expect(w.state).toBe("In progress");
    expect(w.sentences).toEqual([
      "A rebalance episode is in progress since 2025-01-04 14:13 UTC: 3 of at most 20 steps taken, $4.00 of its $50.00 loss budget (8.00 %) lost so far.",
      "Its deadline is 2025-01-05 02:13 UTC (in 11 h 58 min); no step after it.",
      "The next step may run at 2025-01-04 14:16 UTC (in 30 s).",
    ]);
    expect(w.bounds).toBe(
      "Each rebalance episode may take at most 20 steps, 1 min apart, within 12 h of its first step, and lose at most 1.00 % of what it has to sell.",
    );
  });
  test("behavior: the rebalancer's longer interval sets the next step; a past time reads 'now'", () => {
    expect(describeEpisode(view({}), T0 + 150, undefined, BigInt(T0 + 400)).sentences[2]).toBe(
      "The next step may run at 2025-01-04 14:20 UTC (in 4 min).",
    );
    expect(describeEpisode(view({}), T0 + 500).sentences[2]).toBe("The next step may run now.");
  });
  test("behavior: a finished episode says how it ended, from the indexer", () => {
    const last: EpisodeRow = {
      id: `0xf-${T0}`,
      startedAt: T0,
      startTx: "0x01",
      overweightValue: 5_000n * E18,
      lossBudget: 50n * E18,
      lost: 4n * E18,
      deadline: T0 + 12 * 3600,
      maxSteps: 20,
      steps: 3,
      open: false,
      endReason: "Completed",
      endedAt: T0 + 120,
    };
    const w = describeEpisode(
      view({ open: false, status: { active: false, nextStepAt: BigInt(T0 + 180) } }),
      T0 + 3600,
      last,
    );
    expect(w.state).toBe("None in progress");
    expect(w.sentences).toEqual([
      "No rebalance episode is in progress. The last one, started 2025-01-04 14:13 UTC, ended on 2025-01-04 14:15 UTC: it completed: every weight came back near its target, after 3 steps (of at most 20), having lost $4.00 of its $50.00 loss budget (8.00 %).",
    ]);
  });
  test("behavior: an episode past its deadline, and a fund that never rebalanced", () => {
    const expired = describeEpisode(view({ status: { active: false, expired: true } }), T0 + 13 * 3600);
    expect(expired.state).toBe("Past its deadline");
    expect(expired.sentences[0]).toMatch(
      /passed its deadline \(2025-01-05 02:13 UTC\) after 3 of at most 20/,
    );
    const never = describeEpisode(
      view({ episode: { startedAt: 0n, steps: 0, lost: 0n }, open: false, status: { active: false } }),
      T0,
    );
    expect(never.sentences).toEqual(["No rebalance episode has run yet."]);
  });
});
