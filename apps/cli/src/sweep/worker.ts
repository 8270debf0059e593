import { parentPort, workerData } from "node:worker_threads";
import { simulate } from "../engine/simulate.js";
import type { WorkerInit, WorkerReply, WorkerTask } from "./messages.js";

// Started through workerBoot.mjs; gets the market once, then batches of configurations.
const { market, window } = workerData as WorkerInit;
const port = parentPort;
port?.on("message", (task: WorkerTask) => {
  task.configs.forEach((config, k) => {
    const reply: WorkerReply = {
      type: "result",
      index: task.first + k,
      summary: simulate(market, config, window).summary,
    };
    port.postMessage(reply);
  });
  port.postMessage({ type: "idle" } satisfies WorkerReply);
});
