// Test-only: the devnet as `npm start` deploys it, once per test file, through testkit's fixtures.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BasketSymbol } from "@blocketf/testkit";
import { type LocalChain, localChainTest } from "@blocketf/testkit/fixtures";
import { DEFAULT_CONFIG } from "./config.js";
import {
  BORROWER_KEY_INDEX,
  type DevnetPaths,
  deployDevnet,
  devnetPaths,
  KEEPER_KEY_INDEX,
  type LocalDeployment,
  writeDeployment,
} from "./deployment.js";
import { loadDailyPrices } from "./prices.js";

export type TestDevnet = {
  readonly chain: LocalChain;
  readonly deployment: LocalDeployment;
  /** A directory of its own, as `npm start --dir` makes: `deployments/local.json` is written there. */
  readonly dir: string;
  readonly paths: DevnetPaths;
};

/**
 * A `test` whose file-scoped world is the devnet `npm start` deploys (its accounts, the default config,
 * the closes of `from`), with its deployment file written to a temporary directory removed after the file.
 * The tests of a file share the chain (no snapshot between them).
 */
export function devnetTest(
  from: string,
  prefix: string,
  options: {
    /** More of the file's setup, on the deployed devnet (e.g. funding an account). */
    readonly afterDeploy?: (devnet: TestDevnet) => Promise<void>;
    /** {ms} For the whole setup (default 300,000). */
    readonly setupTimeoutMs?: number;
  } = {},
) {
  return localChainTest(
    async (chain): Promise<TestDevnet> => {
      const prices = loadDailyPrices(from).prices[0];
      if (prices === undefined) throw new Error(`no prices on ${from}`);
      const deployment = await deployDevnet(
        {
          admin: chain.clients(0),
          lender: chain.clients(1),
          borrower: chain.clients(BORROWER_KEY_INDEX),
          user: chain.clients(3),
          keeper: chain.clients(KEEPER_KEY_INDEX),
        },
        { ...DEFAULT_CONFIG, from },
        prices as Record<BasketSymbol, number>,
      );
      const dir = mkdtempSync(join(tmpdir(), prefix));
      const paths = devnetPaths(dir);
      writeDeployment(paths, deployment);
      const devnet = { chain, deployment, dir, paths };
      await options.afterDeploy?.(devnet);
      return devnet;
    },
    {
      isolate: false,
      teardown: ({ dir }) => rmSync(dir, { recursive: true, force: true }),
      ...(options.setupTimeoutMs === undefined ? {} : { setupTimeoutMs: options.setupTimeoutMs }),
    },
  );
}
