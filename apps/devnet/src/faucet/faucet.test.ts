// The faucet as a newcomer runs it against a running devnet: basket tokens worth --usd each and BNB for
// gas; mistakes are one line and exit code 2.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { localNetwork } from "@blocketf/sdk";
import { BASKET } from "@blocketf/testkit";
import { erc20Abi, formatEther, parseEther } from "viem";
import { describe, expect } from "vitest";
import { devnetTest } from "../devnetTest.js";
import { loadDailyPrices } from "../prices.js";

const main = new URL("./main.ts", import.meta.url).pathname;
const holder = "0x000000000000000000000000000000000000bEEF";
// The devnet as `npm start` deploys it, once for the file (testkit's fixtures).
const test = devnetTest("2025-10-09", "blocketf-faucet-");

function faucet(args: readonly string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("npm run faucet", () => {
  test("default: basket tokens worth --usd each at the oracle's prices, and BNB for gas", async ({
    world: { chain, deployment, paths },
  }) => {
    const result = faucet(["--to", holder, "--usd", "1000", "--deployment", paths.deploymentFile]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^sent to 0x000000000000000000000000000000000000bEEF: .* \(\$1000 of each\) and 10 BNB for gas$/m,
    );
    const client = chain.clients().publicClient;
    const prices: Readonly<Record<string, number>> = loadDailyPrices("2025-10-09").prices[0] ?? {};
    for (const symbol of BASKET) {
      const balance = await client.readContract({
        address: deployment.tokens[symbol],
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [holder],
      });
      // $1,000 at the day's close the oracle holds, to the cent.
      expect(Number(formatEther(balance)) * (prices[symbol] ?? 0)).toBeCloseTo(1000, 1);
    }
    expect(await client.getBalance({ address: holder })).toBe(parseEther("10"));
  }, 60_000);

  test("behavior: the deployment names the USDT router, and the SDK reads the devnet from it", ({
    world: { deployment },
  }) => {
    const network = localNetwork(deployment);
    expect(network.router).toBe(deployment.router);
    expect(network.router).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(network.venusBlocksPerYear).toBe(36_500);
  });

  test("error: mistakes are one line and exit code 2", ({ world: { dir, paths } }) => {
    const bad = (args: readonly string[]) => {
      const r = faucet(args);
      return { status: r.status, line: r.stderr.trim() };
    };
    expect(bad(["--to", holder, "--bogus", "--deployment", paths.deploymentFile])).toEqual({
      status: 2,
      line: "error: unknown option --bogus (see --help)",
    });
    expect(bad(["--to", "0x123", "--deployment", paths.deploymentFile])).toEqual({
      status: 2,
      line: 'error: --to needs an address (0x and 40 hex digits), got "0x123"',
    });
    expect(bad(["--to", holder, "--usd=-5", "--deployment", paths.deploymentFile])).toEqual({
      status: 2,
      line: 'error: --usd needs a number >= 0, got "-5"',
    });
    const missing = join(dir, "none.json");
    expect(bad(["--to", holder, "--deployment", missing])).toEqual({
      status: 2,
      line: `error: no devnet deployment at ${missing}: start the devnet with npm start (one started with --dir <path> writes <path>/deployments/local.json)`,
    });
  }, 60_000);
});
