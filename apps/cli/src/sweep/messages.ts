import type { EngineConfig, Market, RunSummary, StepWindow } from "../engine/types.js";

/** What every sweep worker gets once: the market (typed arrays on shared memory) and the window. */
export type WorkerInit = { readonly market: Market; readonly window: StepWindow };

export type WorkerTask = {
  readonly type: "run";
  readonly first: number;
  readonly configs: readonly EngineConfig[];
};

export type WorkerReply =
  | { readonly type: "result"; readonly index: number; readonly summary: RunSummary }
  | { readonly type: "idle" };
