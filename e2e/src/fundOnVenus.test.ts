// The fund on Venus's own core-pool contracts (deployed from Venus's npm artifacts) on anvil: the
// behaviour the forge tests prove against the Venus double, checked where it meets the real thing.
import { blockEtfAbi, blockEtfLensAbi } from "@blocketf/abi";
import { buildCall, decodeBlockEtfError, StaleOracleError, write } from "@blocketf/sdk";
import {
  addBorrower,
  BASKET,
  DEVNET_BLOCKS_PER_DAY,
  type DevClients,
  type LocalStack,
  pauseVenusAction,
  sendPadded,
  setSupplyCap,
  TEST_PRICES_USD,
  VenusAction,
  type VenusClients,
  venusArtifacts,
} from "@blocketf/testkit";
import { deployTestStack, localChainTest } from "@blocketf/testkit/fixtures";
import { type Address, erc20Abi, getAddress, parseEther, parseEventLogs } from "viem";
import { describe, expect } from "vitest";

const PRICES = TEST_PRICES_USD;

type World = {
  readonly admin: DevClients;
  /** A holder (anvil's dev account #3). */
  readonly alice: DevClients;
  readonly stack: LocalStack;
};

const venusClients = (c: DevClients): VenusClients => ({
  publicClient: c.publicClient,
  walletClient: c.wallet,
});
const vTokenAbi = venusArtifacts.vBep20DelegateAbi;

async function mine(world: World, blocks: number): Promise<void> {
  const { admin } = world;
  for (let left = blocks; left > 0; left -= 500) await admin.test.mine({ blocks: Math.min(500, left) });
}

/** Sends with a padded gas limit (testkit's `sendPadded`) and expects success. */
async function sendAs(who: DevClients, request: Parameters<DevClients["wallet"]["writeContract"]>[0]) {
  const receipt = await sendPadded(who, request);
  expect(receipt.status).toBe("success");
  return receipt;
}

async function holdings(world: World): Promise<readonly bigint[]> {
  const { admin, stack } = world;
  return admin.publicClient.readContract({ address: stack.fund, abi: blockEtfAbi, functionName: "holdings" });
}

async function assetOf(world: World, i: number) {
  const { admin, stack } = world;
  return admin.publicClient.readContract({
    address: stack.fund,
    abi: blockEtfAbi,
    functionName: "asset",
    args: [BigInt(i)],
  });
}

/** Venus's own accrual to the current block, by simulating `exchangeRateCurrent`. */
async function venusRate(world: World, vToken: Address, blockNumber?: bigint): Promise<bigint> {
  const { admin } = world;
  const { result } = await admin.publicClient.simulateContract({
    ...(blockNumber === undefined ? {} : { blockNumber }),
    account: admin.account,
    address: vToken,
    abi: vTokenAbi,
    functionName: "exchangeRateCurrent",
  });
  return result;
}

async function balanceOf(world: World, token: Address, who: Address): Promise<bigint> {
  const { admin } = world;
  return admin.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [who],
  });
}

/** alice mints `shares`, paying what the Lens previews; returns the amounts paid. */
async function mintAs(world: World, who: DevClients, shares: bigint): Promise<readonly bigint[]> {
  const { admin, stack } = world;
  const amounts = await admin.publicClient.readContract({
    address: stack.fundStack.lens,
    abi: blockEtfLensAbi,
    functionName: "previewMintExactShares",
    args: [stack.fund, shares],
  });
  for (const [i, symbol] of BASKET.entries()) {
    const token = stack.tokens[symbol];
    const amount = amounts[i] ?? 0n;
    if (symbol === "WBNB") {
      await write(who.wallet, {
        request: buildCall({
          address: token,
          abi: venusArtifacts.wbnbAbi,
          functionName: "deposit",
          value: amount,
        }),
      });
    } else {
      await sendAs(who, {
        address: token,
        abi: venusArtifacts.mockTokenAbi,
        functionName: "faucet",
        args: [amount],
      });
    }
    await sendAs(who, { address: token, abi: erc20Abi, functionName: "approve", args: [stack.fund, amount] });
  }
  await sendAs(who, {
    address: stack.fund,
    abi: blockEtfAbi,
    functionName: "mintExactShares",
    args: [shares, amounts, who.account.address],
  });
  return amounts;
}

async function sweep(world: World) {
  const { admin, stack } = world;
  return sendAs(admin, { address: stack.fund, abi: blockEtfAbi, functionName: "sweep" });
}

async function redeemAs(world: World, who: DevClients, shares: bigint) {
  const { stack } = world;
  return sendAs(who, {
    address: stack.fund,
    abi: blockEtfAbi,
    functionName: "redeem",
    args: [shares, who.account.address, BASKET.map(() => 0n)],
  });
}

// The local stack on Venus's own core pool, once for the file (testkit's fixtures); every test starts from it.
const test = localChainTest(
  async (chain): Promise<World> => {
    const { admin, stack } = await deployTestStack(chain, { pricesUsd: PRICES });
    return { admin, alice: chain.clients(3), stack };
  },
  { setupTimeoutMs: 180_000 },
);

describe("the fund on the real Venus core pool", () => {
  test("holdings equal idle + vTokens at Venus's own accrued exchange rate (the view replica is exact)", async ({
    world,
  }) => {
    const { alice, stack } = world;
    await mintAs(world, alice, parseEther("50"));
    await sweep(world);
    await mine(world, 300);
    const held = await holdings(world);
    for (const [i, symbol] of BASKET.entries()) {
      const asset = await assetOf(world, i);
      expect(asset.vShares, `${symbol} supplied`).toBeGreaterThan(0n);
      const rate = await venusRate(world, stack.vTokens[symbol]);
      expect(held[i], symbol).toBe(asset.idle + (asset.vShares * rate) / 10n ** 18n);
    }
  });

  test("mint → sweep → borrowers pay interest → redeem returns more than was put in (WBNB on vWBNB included)", async ({
    world,
  }) => {
    const { admin, alice, stack } = world;
    const shares = parseEther("50");
    const paid = await mintAs(world, alice, shares);
    await sweep(world);
    const before = await holdings(world);
    await mine(world, 500);
    const after = await holdings(world);
    const me = alice.account.address;
    const balancesBefore = await Promise.all(BASKET.map((s) => balanceOf(world, stack.tokens[s], me)));
    await redeemAs(world, alice, shares);
    for (const [i, symbol] of BASKET.entries()) {
      expect(after[i] ?? 0n, `${symbol} holdings grew with Venus interest`).toBeGreaterThan(before[i] ?? 0n);
      const got = (await balanceOf(world, stack.tokens[symbol], me)) - (balancesBefore[i] ?? 0n);
      expect(got, `${symbol}: redeemed more than paid`).toBeGreaterThan(paid[i] ?? 0n);
    }
    expect(await admin.publicClient.getBalance({ address: stack.fund })).toBe(0n);
    // WBNB sits in the ERC-20 vWBNB market (underlying WBNB), as on BNB Chain, not in native vBNB.
    const wbnbMarket = await admin.publicClient.readContract({
      address: stack.vTokens.WBNB,
      abi: venusArtifacts.vBep20DelegateAbi,
      functionName: "underlying",
    });
    expect(wbnbMarket.toLowerCase()).toBe(stack.tokens.WBNB.toLowerCase());
    expect(stack.vTokens.WBNB).not.toBe(stack.venus.vTokens.BNB);
  });

  test("Venus redeem paused: the redemption completes, the Venus part paid in vTokens, nothing lost", async ({
    world,
  }) => {
    const { admin, alice, stack } = world;
    const shares = parseEther("50");
    await mintAs(world, alice, shares);
    await sweep(world);
    const vUsdt = stack.vTokens.USDT;
    await pauseVenusAction(venusClients(admin), stack.venus, vUsdt, VenusAction.REDEEM, true);
    const receipt = await redeemAs(world, alice, shares);
    const usdt = await balanceOf(world, stack.tokens.USDT, alice.account.address);
    const vUsdtHeld = await balanceOf(world, vUsdt, alice.account.address);
    expect(vUsdtHeld).toBeGreaterThan(0n);
    // Value what was paid at the rate of the redemption's own block, against what the fund said it owed.
    const [redeemed] = parseEventLogs({ abi: blockEtfAbi, logs: receipt.logs, eventName: "Redeem" });
    const owedUsdt = redeemed?.args.amounts[5] ?? 0n;
    const rate = await venusRate(world, vUsdt, receipt.blockNumber);
    const value = usdt + (vUsdtHeld * rate) / 10n ** 18n;
    expect(value).toBeLessThanOrEqual(owedUsdt);
    expect(owedUsdt - value).toBeLessThan(rate / 10n ** 18n + 2n); // at most one vToken unit
    const events = parseEventLogs({ abi: blockEtfAbi, logs: receipt.logs, eventName: "RedeemInVTokens" });
    expect(events.map((e) => getAddress(e.args.vToken))).toEqual([getAddress(vUsdt)]);
  });

  test("Venus drained of cash: the redemption takes all the cash and pays the rest in vTokens", async ({
    chain,
    world,
  }) => {
    const { admin, alice, stack } = world;
    const shares = parseEther("50");
    await mintAs(world, alice, shares);
    await sweep(world);
    const drainer = chain.clients(4);
    await addBorrower(venusClients(drainer), stack.venus, {
      collateral: "USDT",
      collateralAmount: parseEther("50000000"),
      borrow: "ETH",
      utilization: parseEther("0.99999"),
    });
    const vEth = stack.vTokens.ETH;
    const cash = await admin.publicClient.readContract({
      address: vEth,
      abi: vTokenAbi,
      functionName: "getCash",
    });
    await redeemAs(world, alice, shares);
    expect(await balanceOf(world, vEth, alice.account.address)).toBeGreaterThan(0n);
    const cashAfter = await admin.publicClient.readContract({
      address: vEth,
      abi: vTokenAbi,
      functionName: "getCash",
    });
    expect(cashAfter).toBeLessThan(cash);
  });

  test("supply cap reached: sweep supplies up to the cap and leaves the rest idle", async ({ world }) => {
    const { admin, alice, stack } = world;
    await mintAs(world, alice, parseEther("50"));
    const vSol = stack.vTokens.SOL;
    const [supply, rate] = await Promise.all([
      admin.publicClient.readContract({ address: vSol, abi: vTokenAbi, functionName: "totalSupply" }),
      venusRate(world, vSol),
    ]);
    await setSupplyCap(
      venusClients(admin),
      stack.venus,
      vSol,
      (supply * rate) / 10n ** 18n + parseEther("1"),
    );
    const receipt = await sweep(world);
    const skipped = parseEventLogs({ abi: blockEtfAbi, logs: receipt.logs, eventName: "SupplySkipped" });
    expect(skipped.map((e) => getAddress(e.args.vToken))).toEqual([getAddress(vSol)]);
    expect(skipped[0]?.args.reason).toBe(2); // VenusOutcome.CapReached
    const sol = await assetOf(world, 4);
    expect(sol.idle).toBeGreaterThan(0n);
  });

  test("stale feed: pricing reverts with the typed error, minting and redeeming do not need prices", async ({
    world,
  }) => {
    const { admin, alice, stack } = world;
    await admin.test.increaseTime({ seconds: 86_401 });
    await admin.test.mine({ blocks: 1 });
    const error = await admin.publicClient
      .readContract({
        address: stack.fundStack.lens,
        abi: blockEtfLensAbi,
        functionName: "totalValue",
        args: [stack.fund],
      })
      .then(
        () => undefined,
        (e: unknown) => decodeBlockEtfError(e),
      );
    expect(error).toBeInstanceOf(StaleOracleError);
    expect(error?.errorName).toBe("StalePrice");
    await mintAs(world, alice, parseEther("1"));
    await redeemAs(world, alice, parseEther("1"));
  });

  test("a replayed month: realised yield within 1 % of what Venus's supply rate predicts", async ({
    world,
  }) => {
    const { admin, stack } = world;
    const vUsdt = stack.vTokens.USDT;
    const blocksPerDay = DEVNET_BLOCKS_PER_DAY;
    const start = await venusRate(world, vUsdt);
    let predicted = 1;
    for (let day = 0; day < 30; day++) {
      // Someone touches the market every day (the replayer does), so accrual compounds daily.
      await sendAs(admin, { address: vUsdt, abi: vTokenAbi, functionName: "accrueInterest" });
      const rate = await admin.publicClient.readContract({
        address: vUsdt,
        abi: vTokenAbi,
        functionName: "supplyRatePerBlock",
      });
      // The accrual transaction itself mined one block at the rate read before it.
      await mine(world, blocksPerDay - 1);
      predicted *= 1 + (Number(rate) / 1e18) * blocksPerDay;
    }
    const realised = Number((await venusRate(world, vUsdt)) - start) / Number(start);
    expect(realised).toBeGreaterThan(0);
    expect(Math.abs(realised - (predicted - 1)) / (predicted - 1)).toBeLessThan(0.01);
  });
});
