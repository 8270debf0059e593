import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { simulate } from "../engine/simulate.js";
import type { EngineConfig, Market, RunSummary, StepWindow } from "../engine/types.js";
import type { WorkerInit, WorkerReply, WorkerTask } from "./messages.js";

export type SweepOptions = {
  /** Worker threads; 1 runs in this thread. Default: the cores available. */
  readonly workers?: number;
  /** Configurations per message to a worker. */
  readonly batch?: number;
  readonly onProgress?: (done: number, total: number) => void;
};

/**
 * Runs every configuration over the same window and returns the summaries in input order, so the
 * result does not depend on the number of workers.
 */
export async function runSweep(
  market: Market,
  window: StepWindow,
  configs: readonly EngineConfig[],
  options: SweepOptions = {},
): Promise<RunSummary[]> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), configs.length));
  if (workers === 1) {
    return configs.map((config, index) => {
      const { summary } = simulate(market, config, window);
      options.onProgress?.(index + 1, configs.length);
      return summary;
    });
  }
  const pool = new SweepPool(market, window, workers);
  try {
    return await pool.run(configs, options);
  } finally {
    await pool.close();
  }
}

/**
 * Worker threads that hold the market: the price matrix goes to each worker once, on shared memory;
 * configurations go in small batches to whichever worker is idle. Reusable across runs.
 */
export class SweepPool {
  private readonly workers: Worker[];

  constructor(market: Market, window: StepWindow, size: number) {
    const init: WorkerInit = { market: shareMarket(market), window };
    this.workers = Array.from(
      { length: size },
      () => new Worker(new URL("./workerBoot.mjs", import.meta.url), { workerData: init }),
    );
  }

  async run(
    configs: readonly EngineConfig[],
    options: Omit<SweepOptions, "workers"> = {},
  ): Promise<RunSummary[]> {
    const total = configs.length;
    const batch = options.batch ?? Math.max(1, Math.min(64, Math.ceil(total / (this.workers.length * 4))));
    const results: (RunSummary | undefined)[] = new Array(total);
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const onMessage = (reply: WorkerReply) => {
              if (reply.type === "result") {
                results[reply.index] = reply.summary;
                done++;
                options.onProgress?.(done, total);
              } else {
                feed();
              }
            };
            const onError = (error: Error) => finish(error);
            const onExit = (code: number) => finish(new Error(`Sweep worker exited with code ${code}.`));
            const finish = (error?: Error) => {
              worker.off("message", onMessage).off("error", onError).off("exit", onExit);
              if (error === undefined) resolve();
              else reject(error);
            };
            const feed = () => {
              if (next >= total) {
                finish();
                return;
              }
              const task: WorkerTask = {
                type: "run",
                first: next,
                configs: configs.slice(next, next + batch),
              };
              next += task.configs.length;
              worker.postMessage(task);
            };
            worker.on("message", onMessage).on("error", onError).on("exit", onExit);
            feed();
          }),
      ),
    );
    return results.map((summary, index) => {
      if (summary === undefined) throw new Error(`Sweep lost result ${index}.`);
      return summary;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** Copies the market's typed arrays onto shared memory so workers read them without a copy each. */
export function shareMarket(market: Market): Market {
  const { history } = market;
  return {
    history: { ...history, prices: shared(history.prices), times: shared(history.times) },
    apySeriesPct: market.apySeriesPct === undefined ? undefined : shared(market.apySeriesPct),
  };
}

function shared(array: Float64Array): Float64Array {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const out = new Float64Array(new SharedArrayBuffer(array.byteLength));
  out.set(array);
  return out;
}
