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

/**
 * Starts the HTTP server (a busy port is a KeeperConfigError), connects and checks every address (a wrong
 * one is a KeeperConfigError; an unreachable node is retried, /health answering `starting` meanwhile), then
 * the tick loop. Used by the CLI and by `npm start`'s devnet.
 */
export async function startKeeper(config: KeeperConfig, options: KeeperOptions = {}): Promise<RunningKeeper> {
  const keeper = new Keeper(config, options);
  const server = await startHealthServer(keeper, config.host, config.port);
  // The fund is already the logger's binding.
  const { fund: _, ...described } = describeConfig(config);
  keeper.log.info("config", {
    decision: "config",
    ...described,
    health: `${server.url}/health`,
  });
  try {
    await keeper.connect();
  } catch (error: unknown) {
    await server.close();
    throw error;
  }
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
