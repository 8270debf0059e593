// The deploy command's flow as a dry run on the devnet: the same preflight checks, deployment, ownership
// hand-over and post-deploy checks that run against BNB Chain, with the devnet's addresses.
import { blockEtfAbi, chainlinkOracleAbi } from "@blocketf/abi";
import {
  type Anvil,
  acquireToken,
  BASKET,
  type DevClients,
  deployLocalDex,
  deployLocalStack,
  devClients,
  type LocalStack,
  startAnvil,
  TEST_PRICES_USD,
  VenusTxRunner,
  venusArtifacts,
} from "@blocketf/testkit";
import { getAddress, isAddressEqual, parseEther, zeroAddress } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ChecksFailedError, preflightChecks } from "./checks.js";
import { deployNetwork } from "./deploy.js";
import { fromLocal, type NetworkConfig } from "./network.js";

let anvil: Anvil;
let admin: DevClients;
let stack: LocalStack;
let network: NetworkConfig;
const PRICES = TEST_PRICES_USD;

const venusClientsOf = (c: DevClients) => ({ publicClient: c.publicClient, walletClient: c.wallet });

beforeAll(async () => {
  anvil = await startAnvil();
  admin = devClients(anvil.rpcUrl, 0);
  stack = await deployLocalStack(admin, devClients(anvil.rpcUrl, 1), devClients(anvil.rpcUrl, 2), {
    pricesUsd: PRICES,
  });
  const { dex, pools } = await deployLocalDex(admin, stack, PRICES);
  network = fromLocal({
    chainId: admin.chain.id,
    tokens: stack.tokens,
    feeds: stack.feeds,
    venus: { comptroller: stack.venus.comptroller, vTokens: stack.vTokens },
    dex: { factory: dex.factory, router: dex.router, pools },
  });
  // The deployer holds the seed: $2,000 of each asset covers a $1,000 seed at any weight.
  for (const s of BASKET) {
    await acquireToken(admin, stack.tokens, stack.tokens[s], parseEther(String(2_000 / PRICES[s])));
  }
}, 120_000);

afterAll(async () => {
  await anvil?.stop();
});

describe("deploy (dry run on the devnet)", () => {
  test("preflight, deploy, hand ownership to the timelock, post-deploy checks", async () => {
    const timelock = devClients(anvil.rpcUrl, 4).account.address;
    const record = await deployNetwork(admin, network, {
      owner: timelock,
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

  test("error: ChecksFailedError names what does not match the config", async () => {
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

  test("error: WBNB on the native vBNB market fails the preflight (no underlying(): not vWBNB)", async () => {
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

  test("error: a vToken the core comptroller does not list fails the preflight", async () => {
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

  test("error: a fee tier without a pool fails the preflight", async () => {
    const wrong: NetworkConfig = {
      ...network,
      assets: network.assets.map((a) => (a.symbol === "XRP" ? { ...a, poolFee: 10_000 } : a)),
    };
    const results = await preflightChecks(admin.publicClient, wrong);
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.name)).toEqual(["XRP/USDT pool"]);
    expect(failed[0]?.detail).toMatch(/no pool at fee tier 1 %/);
  });

  test("error: a feed older than its heartbeat fails the preflight", async () => {
    const snapshot = await admin.test.snapshot();
    await admin.test.increaseTime({ seconds: 2 * 86_400 + 1 });
    await admin.test.mine({ blocks: 1 });
    const results = await preflightChecks(admin.publicClient, network);
    expect(results.filter((r) => !r.ok).map((r) => r.name)).toEqual(BASKET.map((s) => `${s} feed`));
    await admin.test.revert({ id: snapshot });
  });
});
