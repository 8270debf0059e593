// The deploy command's flow as a dry run on the devnet: the same preflight checks, deployment, ownership
// hand-over and post-deploy checks that run against BNB Chain, with the devnet's addresses.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blockEtfAbi, chainlinkOracleAbi } from "@blocketf/abi";
import {
  acquireToken,
  BASKET,
  type DevClients,
  TEST_PRICES_USD,
  VenusTxRunner,
  venusArtifacts,
} from "@blocketf/testkit";
import { deployTestStack, localChainTest } from "@blocketf/testkit/fixtures";
import { getAddress, isAddressEqual, parseEther, zeroAddress } from "viem";
import { describe, expect } from "vitest";
import { ChecksFailedError, preflightChecks } from "./checks.js";
import { deployNetwork } from "./deploy.js";
import { fromLocal, type NetworkConfig } from "./network.js";

const deployMain = new URL("./main.ts", import.meta.url).pathname;
const PRICES = TEST_PRICES_USD;

const venusClientsOf = (c: DevClients) => ({ publicClient: c.publicClient, walletClient: c.wallet });

// The devnet's stack and DEX once for the file (testkit's fixtures); the tests build on each other's chain.
const test = localChainTest(
  async (chain) => {
    const { admin, stack, dex, pools } = await deployTestStack(chain, { pricesUsd: PRICES, dex: true });
    const network: NetworkConfig = fromLocal({
      chainId: admin.chain.id,
      tokens: stack.tokens,
      feeds: stack.feeds,
      venus: { comptroller: stack.venus.comptroller, vTokens: stack.vTokens },
      dex: { factory: dex.factory, router: dex.router, pools },
    });
    // What `npm start` writes (the parts the deploy command reads), in a directory of its own as --dir makes.
    const dir = mkdtempSync(join(tmpdir(), "blocketf-deploy-"));
    const deploymentFile = join(dir, "deployments", "local.json");
    mkdirSync(join(dir, "deployments"), { recursive: true });
    writeFileSync(
      deploymentFile,
      JSON.stringify({
        rpcUrl: chain.rpcUrl,
        chainId: admin.chain.id,
        tokens: stack.tokens,
        feeds: stack.feeds,
        venus: { comptroller: stack.venus.comptroller, vTokens: stack.vTokens },
        dex: { factory: dex.factory, router: dex.router, pools },
      }),
    );
    // The deployer holds the seed: $2,000 of each asset covers a $1,000 seed at any weight.
    for (const s of BASKET) {
      await acquireToken(admin, stack.tokens, stack.tokens[s], parseEther(String(2_000 / PRICES[s])));
    }
    return { admin, stack, network, dir, deploymentFile, clients: chain.clients };
  },
  { isolate: false, teardown: ({ dir }) => rmSync(dir, { recursive: true, force: true }) },
);

/** `npm run deploy -- …` as an operator runs it (anvil's first dev key deploys on local). */
function deployCli(args: readonly string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", deployMain, ...args], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, DEPLOYER_PRIVATE_KEY: "" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

describe("npm run deploy (the command line)", () => {
  test("error: an unknown flag is one line and exit 2, and nothing is deployed (--chek-only once deployed a fund)", async ({
    world: { admin, deploymentFile },
  }) => {
    const nonce = await admin.publicClient.getTransactionCount({ address: admin.account.address });
    const r = deployCli(["--network", "local", "--deployment", deploymentFile, "--chek-only"]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({
      status: 2,
      stderr: "error: unknown option --chek-only (see --help)",
    });
    expect(await admin.publicClient.getTransactionCount({ address: admin.account.address })).toBe(nonce);
  }, 60_000);

  test("error: --owner 0x123 is refused before any check", ({ world: { deploymentFile } }) => {
    const r = deployCli([
      "--network",
      "local",
      "--deployment",
      deploymentFile,
      "--owner",
      "0x123",
      "--check-only",
    ]);
    expect({ status: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({
      status: 2,
      stderr: 'error: --owner needs an address (0x and 40 hex digits), got "0x123"',
      stdout: "",
    });
  }, 60_000);

  test("behavior: --check-only runs every check (depth against the step, owner, seed) and ends with a summary", async ({
    world: { admin, deploymentFile },
  }) => {
    const nonce = await admin.publicClient.getTransactionCount({ address: admin.account.address });
    const r = deployCli(["--network", "local", "--deployment", deploymentFile, "--check-only"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^preflight: all \d+ checks passed$/);
    expect(r.stdout).toMatch(/✓ seed funds: 0x[0-9a-fA-F]{40} holds the \$1000 seed/);
    expect(r.stdout).toMatch(/✓ owner is a contract: 0x[0-9a-fA-F]{40} is an EOA/);
    // The devnet's $5M full-range pools: $2.5M of USDT each side; a $5,000 step costs ~20 bps of impact,
    // against the route's own bound: its 0.25 % fee + the spec's 25 bps local impact allowance.
    expect(r.stdout).toMatch(
      /✓ XRP\/USDT pool: .*fee 0.25 %, depth \$2.50M: a \$5,000 step costs ~45.0 bps \(fee \+ 20.0 impact\) of the 50 bps swap bound/,
    );
    expect(await admin.publicClient.getTransactionCount({ address: admin.account.address })).toBe(nonce);
  }, 120_000);

  test("error: an owner without code needs --owner-is-eoa; a deployer without the seed fails; exit 2", ({
    world: { deploymentFile, clients },
  }) => {
    const eoa = clients(7).account.address;
    const r = deployCli([
      "--network",
      "local",
      "--deployment",
      deploymentFile,
      "--owner",
      eoa,
      "--check-only",
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(
      `✗ owner is a contract: ${eoa} has no code: give a timelock or multisig, or pass --owner-is-eoa`,
    );
    expect(r.stdout.trim().split("\n").at(-1)).toBe("preflight: 1 of 27 checks failed: owner is a contract");
    const poor = deployCli([
      "--network",
      "local",
      "--deployment",
      deploymentFile,
      "--owner",
      eoa,
      "--owner-is-eoa",
      "--check-only",
      "--seed-usd",
      "1000000",
    ]);
    expect(poor.status).toBe(2);
    expect(poor.stdout).toMatch(/✗ seed funds: 0x[0-9a-fA-F]{40} holds too little for the seed: BTCB /);
  }, 120_000);

  test("default: a contract owner passes; the command deploys and writes the record where --out says", async ({
    world: { admin, stack, dir, deploymentFile },
  }) => {
    const owner = getAddress(stack.fundStack.oracle); // any contract stands in for the timelock
    const out = join(dir, "local-fund.json");
    const r = deployCli([
      "--network",
      "local",
      "--deployment",
      deploymentFile,
      "--owner",
      owner,
      "--out",
      out,
    ]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`✓ owner is a contract: ${owner} holds \\d+ bytes of code`));
    expect(r.stdout).toMatch(/^deployed fund 0x[0-9a-fA-F]{40}; written .*local-fund\.json$/m);
    const record = JSON.parse(readFileSync(out, "utf8"));
    const pending = await admin.publicClient.readContract({
      address: record.fund,
      abi: blockEtfAbi,
      functionName: "pendingOwner",
    });
    expect(pending).toBe(owner);
  }, 180_000);

  test("error: a devnet started elsewhere (--dir) is named by --deployment; a missing file says so", ({
    world: { dir },
  }) => {
    const missing = join(dir, "elsewhere", "deployments", "local.json");
    const r = deployCli(["--network", "local", "--deployment", missing, "--check-only"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `error: no devnet deployment at ${missing}: start the devnet with npm start, or pass --deployment <dir>/deployments/local.json for one started with --dir`,
    );
    // A process start (tsx compiles the command): seconds on a busy machine.
  }, 60_000);
});

describe("deploy (dry run on the devnet)", () => {
  test("preflight, deploy, hand ownership to the timelock, post-deploy checks", async ({
    world: { admin, stack, network, clients },
  }) => {
    const timelock = clients(4).account.address;
    const record = await deployNetwork(admin, network, {
      owner: timelock,
      ownerIsEoa: true, // anvil's account #4 stands in for the timelock here
      guardian: timelock,
      keeper: admin.account.address,
      feeRecipient: timelock,
      managementFeeBps: 100,
      redeemFeeBps: 0,
      seedUsd: parseEther("1000"),
      seedShares: parseEther("1"),
      name: "BlockETF CT5 + USDT",
      symbol: "CT5U",
      salt: "0x0000000000000000000000000000000000000000000000000000000000000001",
    });
    expect(record.preflight.every((c) => c.ok)).toBe(true);
    expect(record.preflight.map((c) => c.name)).toContain("WBNB Venus market");
    // BNB is held as WBNB and supplied to the ERC-20 vWBNB market, as on BNB Chain's core pool.
    expect(record.preflight.find((c) => c.name === "WBNB Venus market")?.detail).toBe(
      `${getAddress(stack.vTokens.WBNB)} listed in the core comptroller, underlying ${getAddress(stack.tokens.WBNB)}`,
    );
    expect(record.preflight.find((c) => c.name === "XRP/USDT pool")?.detail).toMatch(/fee 0.25 %/);
    expect(record.postDeploy.every((c) => c.ok)).toBe(true);
    expect(record.postDeploy.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "rebalancer wired",
        "route BTCB",
        "route SOL",
        `rebalancer ownership handed to ${timelock}`,
      ]),
    );
    const rebalancerOf = await admin.publicClient.readContract({
      address: record.fund,
      abi: blockEtfAbi,
      functionName: "rebalancer",
    });
    expect(isAddressEqual(rebalancerOf, record.rebalancer)).toBe(true);
    const pending = await admin.publicClient.readContract({
      address: record.oracle,
      abi: chainlinkOracleAbi,
      functionName: "pendingOwner",
    });
    expect(pending).toBe(timelock);
  });

  test("error: ChecksFailedError names what does not match the config", async ({
    world: { admin, network },
  }) => {
    const wrong: NetworkConfig = {
      ...network,
      assets: network.assets.map((a) => (a.symbol === "USDT" ? { ...a, decimals: 6 } : a)),
    };
    const results = await preflightChecks(admin.publicClient, wrong);
    const failed = results.filter((r) => !r.ok).map((r) => r.name);
    expect(failed).toEqual(["USDT decimals"]);
    await expect(
      deployNetwork(admin, wrong, {
        owner: admin.account.address,
        ownerIsEoa: true,
        guardian: admin.account.address,
        keeper: admin.account.address,
        feeRecipient: admin.account.address,
        managementFeeBps: 0,
        redeemFeeBps: 0,
        seedUsd: parseEther("1000"),
        seedShares: parseEther("1"),
        name: "x",
        symbol: "x",
      }),
    ).rejects.toBeInstanceOf(ChecksFailedError);
  });

  test("error: WBNB on the native vBNB market fails the preflight (no underlying(): not vWBNB)", async ({
    world: { admin, stack, network },
  }) => {
    const vBnb = stack.venus.vTokens.BNB;
    if (vBnb === undefined) throw new Error("the devnet's Venus has no vBNB");
    const wrong: NetworkConfig = {
      ...network,
      assets: network.assets.map((a) => (a.symbol === "WBNB" ? { ...a, vToken: vBnb } : a)),
    };
    const failed = (await preflightChecks(admin.publicClient, wrong)).filter((r) => !r.ok);
    expect(failed.map((r) => r.name)).toEqual(["WBNB Venus market"]);
    expect(failed[0]?.detail).toMatch(
      /has no underlying\(\) \(native vBNB\); WBNB's market is the ERC-20 vWBNB/,
    );
  });

  test("error: a vToken the core comptroller does not list fails the preflight", async ({
    world: { admin, stack, network },
  }) => {
    // A vWBNB twin pointing at the same comptroller, never passed to _supportMarket.
    const unlisted = await new VenusTxRunner(venusClientsOf(admin)).deploy("unlisted vWBNB", {
      abi: venusArtifacts.vBep20DelegatorAbi,
      bytecode: venusArtifacts.vBep20DelegatorBytecode,
      args: [
        stack.tokens.WBNB,
        stack.venus.comptroller,
        stack.venus.markets.WBNB?.interestRateModel ?? zeroAddress,
        2n * 10n ** 26n,
        "Venus WBNB (unlisted)",
        "vWBNB",
        8,
        admin.account.address,
        stack.venus.vBep20Delegate,
        "0x",
      ],
    });
    const wrong: NetworkConfig = {
      ...network,
      assets: network.assets.map((a) => (a.symbol === "WBNB" ? { ...a, vToken: unlisted } : a)),
    };
    const failed = (await preflightChecks(admin.publicClient, wrong)).filter((r) => !r.ok);
    expect(failed.map((r) => r.name)).toEqual(["WBNB Venus market"]);
    expect(failed[0]?.detail).toBe(
      `${getAddress(unlisted)} is not listed in the core comptroller ${getAddress(stack.venus.comptroller)}`,
    );
  });

  test("error: a fee tier without a pool fails the preflight", async ({ world: { admin, network } }) => {
    const wrong: NetworkConfig = {
      ...network,
      assets: network.assets.map((a) => (a.symbol === "XRP" ? { ...a, poolFee: 10_000 } : a)),
    };
    const results = await preflightChecks(admin.publicClient, wrong);
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.name)).toEqual(["XRP/USDT pool"]);
    expect(failed[0]?.detail).toMatch(/no pool at fee tier 1 %/);
  });

  test("error: a feed older than its heartbeat fails the preflight", async ({
    world: { admin, network },
  }) => {
    const snapshot = await admin.test.snapshot();
    await admin.test.increaseTime({ seconds: 2 * 86_400 + 1 });
    await admin.test.mine({ blocks: 1 });
    const results = await preflightChecks(admin.publicClient, network);
    expect(results.filter((r) => !r.ok).map((r) => r.name)).toEqual(BASKET.map((s) => `${s} feed`));
    await admin.test.revert({ id: snapshot });
  });
});
