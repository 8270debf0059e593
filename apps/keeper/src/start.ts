import { describeConfig, type KeeperConfig } from "./config.js";
import { Keeper, type KeeperOptions } from "./keeper.js";
import { startHealthServer } from "./server.js";

export type RunningKeeper = {
  readonly keeper: Keeper;
  /** Base URL of /health and /metrics. */
  readonly url: string;
  /** Stops after the tick in progress and closes the HTTP server. */
  readonly stop: () => Promise<void>;
};

/** Starts the HTTP server and the tick loop (used by the CLI and by `npm start`'s devnet). */
export async function startKeeper(config: KeeperConfig, options: KeeperOptions = {}): Promise<RunningKeeper> {
  const keeper = new Keeper(config, options);
  const server = await startHealthServer(keeper, config.host, config.port);
  keeper.log.info("config", {
    decision: "config",
    ...describeConfig(config),
    health: `${server.url}/health`,
  });
  const done = keeper.run();
  return {
    keeper,
    url: server.url,
    stop: async () => {
      await keeper.stop();
      await done;
      await server.close();
    },
  };
}
