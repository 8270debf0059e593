import type { CheckRebalanceReturnType } from "./rebalanceRule.js";

/**
 * A fund's rebalance episode as the contract stores it (`IBlockETF.rebalanceEpisode()`; field types as
 * viem decodes them): the owner's bounds and the books of the current (or last) episode.
 */
export type RebalanceEpisode = {
  /** {s} Least time between two steps. */
  readonly minStepInterval: number;
  /** {s} No step of an episode after `startedAt + maxDuration`. */
  readonly maxDuration: number;
  /** Most steps in one episode. */
  readonly maxSteps: number;
  /** {bps} Most an episode may lose, of the over-weight value at its start. */
  readonly maxLossBps: number;
  /** {s} Start of the current or last episode; 0 = never. */
  readonly startedAt: bigint;
  /** {s} Last accepted step; 0 = never. */
  readonly lastStepAt: bigint;
  readonly steps: number;
  /** {D18 USD} */
  readonly lossBudget: bigint;
  /** {D18 USD} */
  readonly lost: bigint;
};

export type RebalanceEpisodeStatusParameters = {
  readonly episode: RebalanceEpisode;
  /** The fund's `rebalancing()`: an episode is open. */
  readonly open: boolean;
  /** {s} The fund's `lastRebalanceAt()`. */
  readonly lastRebalanceAt: bigint;
  /** {s} Time of the check. */
  readonly now: bigint;
};

/** What the episode allows at one time (the contracts' `RebalanceEpisodeLib.Status`). */
export type RebalanceEpisodeStatus = {
  /** Open and before its deadline: steps need neither the threshold nor the cooldown. */
  readonly active: boolean;
  /** Open but past its deadline: over, it ended at the deadline. */
  readonly expired: boolean;
  /** {s} `startedAt + maxDuration`; 0 when no episode ever started. */
  readonly deadline: bigint;
  /** {s} The rule's cooldown runs from it: the deadline of an expired episode, else `lastRebalanceAt`. */
  readonly cooldownFrom: bigint;
  /** {s} Earliest next step (the fund's own interval); 0 when no step ever ran. */
  readonly nextStepAt: bigint;
  readonly stepsLeft: bigint;
  /** {D18 USD} What the active episode may still lose; 0 when none is active. */
  readonly lossLeft: bigint;
};

/**
 * The episode's state at `now`, exactly as the contracts compute it
 * (`contracts/src/libraries/RebalanceEpisodeLib.sol`; both run `test-vectors/rebalance-episode.json`):
 *   deadline     = startedAt + maxDuration                  (0 when no episode ever started)
 *   active       = open and now <= deadline
 *   expired      = open and now > deadline
 *   cooldownFrom = expired ? deadline : lastRebalanceAt
 *   nextStepAt   = lastStepAt + minStepInterval             (0 when no step ever ran)
 *   stepsLeft    = active ? maxSteps - steps : maxSteps
 *   lossLeft     = active ? lossBudget - lost : 0
 */
export function rebalanceEpisodeStatus(p: RebalanceEpisodeStatusParameters): RebalanceEpisodeStatus {
  const e = p.episode;
  const deadline = e.startedAt === 0n ? 0n : e.startedAt + BigInt(e.maxDuration);
  const active = p.open && p.now <= deadline;
  const expired = p.open && !active;
  return {
    active,
    expired,
    deadline,
    cooldownFrom: expired ? deadline : p.lastRebalanceAt,
    nextStepAt: e.lastStepAt === 0n ? 0n : e.lastStepAt + BigInt(e.minStepInterval),
    stepsLeft: BigInt(active ? e.maxSteps - e.steps : e.maxSteps),
    lossLeft: active ? e.lossBudget - e.lost : 0n,
  };
}

/**
 * Whether a step is due: the rule holds (with the cooldown from `status.cooldownFrom`), or an active
 * episode goes on while any weight is off its target. The Lens's `rebalanceStatus().needsRebalance`.
 */
export function isStepDue(rule: CheckRebalanceReturnType, status: RebalanceEpisodeStatus): boolean {
  return rule.needsRebalance || (status.active && rule.maxDeviationBps > 0);
}
