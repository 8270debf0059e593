// The devnet as a user runs it: a process that deploys, prints READY, replays days and stops; then a
// second run that resumes the saved chain instead of deploying again.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@blocketf/testkit";
import { afterAll, describe, expect, onTestFinished, test } from "vitest";

const main = new URL("./main.ts", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "blocketf-devnet-"));

function run(args: readonly string[]) {
  return spawnSync(
    process.execPath,
    // The web app and the indexer have their own test below; these runs are about the chain.
    [
      "--import",
      "tsx",
      main,
      ...args,
      "--dir",
      dir,
      "--seconds-per-day",
      "0",
      "--keeper-port",
      "0",
      "--no-web",
      "--no-indexer",
    ],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm start (the devnet)", () => {
  test("deploys, prints READY, replays, writes deployments/local.json; a second run resumes", async () => {
    const port = String(await freePort());
    const first = run(["--port", port, "--days", "2", "--fresh", "--from", "2025-10-09"]);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^READY http:\/\/127\.0\.0\.1:\d+ fund=0x[0-9a-fA-F]{40}/m);
    expect(first.stdout).toMatch(/day 2025-10-10: BTC 112775/); // the 2025-10-10 close, replayed
    // Each day says how much of the NAV earns on Venus (98 % once the keeper has swept the 2 % buffers).
    expect(first.stdout).toMatch(/^day 2025-10-10: .* · \d+\.\d % of NAV earning$/m);
    const deployment = JSON.parse(readFileSync(join(dir, "deployments", "local.json"), "utf8"));
    for (const key of ["rpcUrl", "fund", "lens", "factory"]) expect(deployment[key]).toMatch(/^(0x|http)/);
    expect(deployment.venus.comptroller).toMatch(/^0x/);
    expect(Object.keys(deployment.venus.vTokens).sort()).toEqual([
      "BTCB",
      "ETH",
      "SOL",
      "USDT",
      "WBNB",
      "XRP",
    ]);
    expect(Object.keys(deployment.tokens).sort()).toEqual(["BTCB", "ETH", "SOL", "USDT", "WBNB", "XRP"]);
    expect(deployment.dex.router).toMatch(/^0x/);
    // PancakeSwap V3's own contracts; WBNB in vWBNB, the native vBNB listed beside it.
    expect(deployment.dex.kind).toBe("pancakeswap-v3");
    expect(deployment.dex.poolDeployer).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(deployment.venus.vBNB).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(deployment.venus.vBNB).not.toBe(deployment.venus.vTokens.WBNB);
    expect(deployment.rebalancer).toMatch(/^0x[0-9a-fA-F]{40}$/);
    // The USDT router, the way most holders enter, is deployed and named.
    expect(deployment.router).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(first.stdout).toContain(`  router    ${deployment.router} (USDT router`);
    expect(deployment.venus.blocksPerYear).toBe(36_500);
    expect(deployment.accounts.keeper).toBe("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
    // The keeper runs with the devnet: its /health is printed with the addresses, and it sweeps the seed.
    expect(first.stdout).toMatch(/^ {2}keeper {4}health http:\/\/127\.0\.0\.1:\d+\/health/m);
    expect(first.stdout).toMatch(/^keeper: sweep success in block \d+/m);
    expect(deployment.replay.nextDay).toBe(3);

    const second = run(["--port", String(await freePort()), "--days", "1", "--from", "2025-10-09"]);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/Resumed the saved devnet/);
    expect(second.stdout).not.toMatch(/Deploying/);
    expect(second.stdout).toMatch(/day 2025-10-12:/);
    const resumed = JSON.parse(readFileSync(join(dir, "deployments", "local.json"), "utf8"));
    expect(resumed.fund).toBe(deployment.fund);
    expect(resumed.rebalancer).toBe(deployment.rebalancer);
    expect(resumed.router).toBe(deployment.router);

    // A chain saved on the former Uniswap V3 DEX (vBNB for WBNB) is deployed again, not resumed.
    writeFileSync(
      join(dir, "deployments", "local.json"),
      JSON.stringify({ ...resumed, dex: { ...resumed.dex, kind: "uniswap-v3 (PancakeSwap V3 interfaces)" } }),
    );
    const third = run([
      "--port",
      String(await freePort()),
      "--days",
      "1",
      "--from",
      "2025-10-09",
      "--no-keeper",
    ]);
    expect(third.status).toBe(0);
    expect(third.stdout).toMatch(/predates PancakeSwap V3's own contracts and vWBNB .*: deploying afresh/);
    expect(third.stdout).toMatch(/Deploying/);
    expect(JSON.parse(readFileSync(join(dir, "deployments", "local.json"), "utf8")).dex.kind).toBe(
      "pancakeswap-v3",
    );
  }, 240_000);

  test("behavior: Ctrl-C finishes the day and saves; the next run resumes at the following day", async () => {
    const port = String(await freePort());
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        main,
        "--fresh",
        "--from",
        "2025-03-01",
        "--dir",
        dir,
        "--port",
        port,
        "--seconds-per-day",
        "0",
        "--no-keeper",
        "--no-web",
        "--no-indexer",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        if ((stdout.match(/^day /gm) ?? []).length >= 2) resolve();
      });
    });
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/Stopped\.$/m);
    const days = [...stdout.matchAll(/^day (\d{4}-\d{2}-\d{2}):/gm)].map((m) => m[1] ?? "");
    const saved = JSON.parse(readFileSync(join(dir, "deployments", "local.json"), "utf8"));
    expect(saved.replay.nextDay).toBe(days.length + 1);

    const next = new Date(Date.parse(`${days.at(-1)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const resumed = run([
      "--port",
      String(await freePort()),
      "--days",
      "1",
      "--from",
      "2025-03-01",
      "--no-keeper",
    ]);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/Resumed the saved devnet/);
    expect(resumed.stdout).toMatch(new RegExp(`^day ${next}: .* in block \\d+, 100 blocks`, "m"));
  }, 180_000);

  test("behavior: serves the web app and the indexer, prints the app's URL in READY, stops them on Ctrl-C", async () => {
    const webDir = mkdtempSync(join(tmpdir(), "blocketf-devnet-web-"));
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        main,
        "--fresh",
        "--from",
        "2025-03-01",
        "--dir",
        webDir,
        "--port",
        String(await freePort()),
        "--seconds-per-day",
        "2",
        "--no-keeper",
        "--web-port",
        "0",
        "--indexer-port",
        "0",
      ],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: "" } },
    );
    let stdout = "";
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // A failed expectation must not leave the devnet (and its anvil and indexer) running.
    onTestFinished(async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM"); // the devnet's own shutdown stops anvil and the indexer
        const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(webDir, { recursive: true, force: true });
    });
    const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const m = /^READY \S+ fund=(0x[0-9a-fA-F]{40}) web=(http:\/\/127\.0\.0\.1:\d+) in [\d.]+ s$/m.exec(
          stdout,
        );
        if (m !== null) resolve(m);
      });
      child.once("exit", () => reject(new Error(`exited before READY:\n${stdout}`)));
    });
    const [, fund, web] = ready;
    const indexer = /^ {2}indexer {3}(http:\/\/127\.0\.0\.1:\d+)\/graphql/m.exec(stdout)?.[1];
    expect(indexer).toBeDefined();
    // The app's page, and its runtime config naming the devnet's fund and the indexer.
    expect(await (await fetch(`${web}/`)).text()).toContain('<div id="root">');
    const config = (await (await fetch(`${web}/config.json`)).json()) as {
      local: { fund: string };
      indexerUrl: string;
      faucet: boolean;
    };
    expect(config.local.fund).toBe(fund);
    expect(config.indexerUrl).toBe(indexer);
    expect(config.faucet).toBe(true);
    expect((await fetch(`${indexer}/health`)).ok).toBe(true);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/Stopped\.$/m);
    await expect(fetch(`${web}/`)).rejects.toThrow();
    await expect(fetch(`${indexer}/health`)).rejects.toThrow();
  }, 240_000);

  test("error: bad config is one clear line and exit code 2", () => {
    const result = run(["--weights", "BTCB=60,ETH=60"]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      "error: --weights: every asset needs a weight > 0 (the fund holds all); missing WBNB, XRP, SOL, USDT",
    );
    const early = run(["--from", "2019-01-01"]);
    expect(early.status).toBe(2);
    expect(early.stderr.trim()).toBe(
      "error: --from 2019-01-01 is before the first day of the data (2020-08-11): choose a date from 2020-08-11 to 2026-01-05",
    );
    const band = run(["--utilization", "50", "--utilization-band", "50"]);
    expect(band.status).toBe(2);
    expect(band.stderr.trim()).toBe(
      "error: --utilization 50 ± --utilization-band 50 leaves (0, 100) %: narrow the band or move the target",
    );
    // Process starts (tsx compiles the devnet each time): seconds on a busy machine, not milliseconds.
  }, 60_000);
});
