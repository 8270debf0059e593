// The fund's rebalance episode in plain words: in progress or not, steps taken of the most allowed, value
// lost against the episode's budget, its deadline and when the next step may run. From the Lens's
// `rebalanceEpisode` (the chain, now) and, for a finished episode, how it ended (the indexer).
import type { RebalanceEpisodeView } from "@blocketf/sdk";
import type { EpisodeEndReason, EpisodeRow } from "../history/indexer.js";
import { formatBps, formatDateTime, formatDuration, formatUsd } from "../lib/format.js";

export type EpisodeState = "In progress" | "Past its deadline" | "None in progress";

export type EpisodeWords = {
  readonly state: EpisodeState;
  /** What the current (or last) episode did, one sentence each. */
  readonly sentences: readonly string[];
  /** The owner's bounds on every episode. */
  readonly bounds: string;
};

const ENDINGS: Record<EpisodeEndReason, string> = {
  Completed: "it completed: every weight came back near its target",
  MaxSteps: "it reached its step cap",
  Stalled: "it stalled: nothing over its target could be sold",
  Expired: "its deadline passed",
  BoundsChanged: "the owner changed the episode bounds",
  RebalancerChanged: "the owner changed the rebalancer",
};

/** `$3.20 of its $50.00 budget (6.40 %)` */
function lossAgainstBudget(lost: bigint, budget: bigint): string {
  const share = budget === 0n ? "" : ` (${formatBps((lost * 10_000n) / budget)})`;
  return `${formatUsd(lost)} of its ${formatUsd(budget)} loss budget${share}`;
}

const steps = (n: number) => `${n} step${n === 1 ? "" : "s"}`;

/**
 * @param view The Lens's `rebalanceEpisode` at the latest block.
 * @param now {s} The chain's time at that block.
 * @param last The indexer's row of the same episode, if it has it (says how a finished one ended).
 * @param rebalancerNextStepAt {s} The rebalancer's own earliest next step (its interval may be longer).
 */
export function describeEpisode(
  view: RebalanceEpisodeView,
  now: number,
  last?: EpisodeRow,
  rebalancerNextStepAt = 0n,
): EpisodeWords {
  const e = view.episode;
  const s = view.status;
  const bounds = `Each rebalance episode may take at most ${steps(e.maxSteps)}, ${formatDuration(
    e.minStepInterval,
  )} apart, within ${formatDuration(e.maxDuration)} of its first step, and lose at most ${formatBps(
    e.maxLossBps,
  )} of what it has to sell.`;
  const sentences: string[] = [];
  const budget = lossAgainstBudget(e.lost, e.lossBudget);
  const started = formatDateTime(e.startedAt);
  if (s.active) {
    sentences.push(
      `A rebalance episode is in progress since ${started}: ${e.steps} of at most ${e.maxSteps} steps taken, ${budget} lost so far.`,
    );
    const deadline = Number(s.deadline);
    sentences.push(
      `Its deadline is ${formatDateTime(deadline)} (in ${formatDuration(deadline - now)}); no step after it.`,
    );
    const next = Number(s.nextStepAt > rebalancerNextStepAt ? s.nextStepAt : rebalancerNextStepAt);
    sentences.push(
      next > now
        ? `The next step may run at ${formatDateTime(next)} (in ${formatDuration(next - now)}).`
        : "The next step may run now.",
    );
    return { state: "In progress", sentences, bounds };
  }
  if (s.expired) {
    sentences.push(
      `The rebalance episode started ${started} passed its deadline (${formatDateTime(
        s.deadline,
      )}) after ${e.steps} of at most ${e.maxSteps} steps, having lost ${budget}; the next step must meet the rule again.`,
    );
    return { state: "Past its deadline", sentences, bounds };
  }
  if (e.startedAt === 0n) {
    sentences.push("No rebalance episode has run yet.");
    return { state: "None in progress", sentences, bounds };
  }
  // Closed: the Lens keeps the last episode's books; the indexer says why it ended.
  const same = last !== undefined && BigInt(last.startedAt) === e.startedAt ? last : undefined;
  const why = same?.endReason == null ? "" : `: ${ENDINGS[same.endReason]}`;
  const when = same?.endedAt == null ? "" : ` on ${formatDateTime(same.endedAt)}`;
  sentences.push(
    `No rebalance episode is in progress. The last one, started ${started}, ended${when}${why}, after ${steps(
      e.steps,
    )} (of at most ${e.maxSteps}), having lost ${budget}.`,
  );
  return { state: "None in progress", sentences, bounds };
}
