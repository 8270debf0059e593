import { buildCall, write } from "@blocketf/sdk";
import { type Address, getAddress, parseEther } from "viem";
import { describe, expect } from "vitest";
import { localChainTest } from "../../fixtures/localChainTest.js";
import type { DevClients } from "../chain.js";
import {
  addBorrower,
  type BscTokens,
  bscVenusMarkets,
  deployBscTokens,
  deployVenus,
  NATIVE_BNB,
  pauseVenusAction,
  setSupplyCap,
  setVenusPrice,
  supplyToVenus,
  VenusAction,
  type VenusClients,
  VenusDeployError,
  type VenusDeployment,
  VenusTxRunner,
  venusPriceMantissa,
} from "./deployVenus.js";
import { deviationBoundedOracleAbi } from "./generated/deviationBoundedOracle.js";
import { diamondAbi } from "./generated/diamond.js";
import { diamondConsolidatedAbi } from "./generated/diamondConsolidated.js";
import { mockTokenAbi } from "./generated/mockToken.js";
import { simplePriceOracleAbi } from "./generated/simplePriceOracle.js";
import { vBep20DelegateAbi } from "./generated/vBep20Delegate.js";
import { vbnbAbi } from "./generated/vbnb.js";
import { wbnbAbi } from "./generated/wbnb.js";

/** Compressed time: 150,000 blocks per year, so 1,000 mined blocks ≈ 2.4 days of interest. */
const BLOCKS_PER_YEAR = 150_000n;
const E18 = 10n ** 18n;

type World = {
  readonly admin: VenusClients;
  readonly user: VenusClients;
  readonly borrower: VenusClients;
  readonly userAddress: Address;
  readonly tokens: BscTokens;
  readonly venus: VenusDeployment;
  readonly deploySeconds: number;
  /** Mines blocks (anvil's test client). */
  readonly test: DevClients["test"];
};

const venusClientsOf = (c: DevClients): VenusClients => ({
  publicClient: c.publicClient,
  walletClient: c.wallet,
});

function vTokenOf(world: World, symbol: string): Address {
  const { venus } = world;
  const vToken = venus.vTokens[symbol];
  if (vToken === undefined) throw new Error(`no market ${symbol}`);
  return vToken;
}

async function vTokenBalance(world: World, vToken: Address, who: Address): Promise<bigint> {
  const { admin } = world;
  return admin.publicClient.readContract({
    address: vToken,
    abi: vBep20DelegateAbi,
    functionName: "balanceOf",
    args: [who],
  });
}

async function usdtBalance(world: World, who: Address): Promise<bigint> {
  const { admin, tokens } = world;
  return admin.publicClient.readContract({
    address: tokens.USDT,
    abi: mockTokenAbi,
    functionName: "balanceOf",
    args: [who],
  });
}

/** Redeems `amount` vTokens: simulated first (a revert rejects), the returned error code must be 0. */
async function redeem(clients: VenusClients, vToken: Address, amount: bigint) {
  return new VenusTxRunner(clients).write("vToken", vToken, {
    abi: vBep20DelegateAbi,
    functionName: "redeem",
    args: [amount],
  });
}

// Tokens and Venus's core pool once for the file (the fixtures of ../../fixtures); every test starts from it.
const it = localChainTest(async (chain): Promise<World> => {
  const [admin, user, borrower] = [chain.clients(0), chain.clients(1), chain.clients(2)];
  const tokens = await deployBscTokens(venusClientsOf(admin));
  const started = performance.now();
  const venus = await deployVenus(venusClientsOf(admin), {
    markets: bscVenusMarkets(tokens),
    blocksPerYear: BLOCKS_PER_YEAR,
  });
  const deploySeconds = (performance.now() - started) / 1000;
  console.log(
    `Venus core pool deployed in ${deploySeconds.toFixed(2)} s: ${venus.stats.transactions} transactions, ` +
      `${venus.stats.contractsCreated} contracts, ${venus.stats.gasUsed} gas`,
  );
  return {
    admin: venusClientsOf(admin),
    user: venusClientsOf(user),
    borrower: venusClientsOf(borrower),
    userAddress: user.account.address,
    tokens,
    venus,
    deploySeconds,
    test: admin.test,
  };
});

describe("deployVenus", () => {
  it("deploys the Diamond with 101 routed selectors and seven configured markets", async ({ world }) => {
    const { admin, venus, deploySeconds } = world;
    const { publicClient } = admin;
    let selectors = 0;
    for (const facet of Object.values(venus.facets)) {
      const list = await publicClient.readContract({
        address: venus.comptroller,
        abi: diamondAbi,
        functionName: "facetFunctionSelectors",
        args: [facet],
      });
      selectors += list.length;
    }
    expect(selectors).toBe(101);
    expect(Object.keys(venus.vTokens).sort()).toEqual(["BNB", "BTCB", "ETH", "SOL", "USDT", "WBNB", "XRP"]);
    const read = <const F extends "oracle" | "deviationBoundedOracle" | "comptrollerLens">(functionName: F) =>
      publicClient.readContract({ address: venus.comptroller, abi: diamondConsolidatedAbi, functionName });
    expect((await read("oracle")).toLowerCase()).toBe(venus.oracle.toLowerCase());
    expect((await read("deviationBoundedOracle")).toLowerCase()).toBe(
      venus.deviationBoundedOracle.toLowerCase(),
    );
    expect((await read("comptrollerLens")).toLowerCase()).toBe(venus.lens.toLowerCase());
    const listed = await publicClient.readContract({
      address: venus.comptroller,
      abi: diamondConsolidatedAbi,
      functionName: "getAllMarkets",
    });
    expect(listed).toHaveLength(7);
    const vbnbSymbol = await publicClient.readContract({
      address: vTokenOf(world, "BNB"),
      abi: vbnbAbi,
      functionName: "symbol",
    });
    expect(vbnbSymbol).toBe("vBNB");
    expect(venus.stats.contractsCreated).toBe(22);
    expect(deploySeconds).toBeLessThan(20);
  });

  it("asserts Venus error codes of admin setters instead of sending them", async ({ world }) => {
    const { admin, venus } = world;
    const vUsdt = vTokenOf(world, "USDT");
    const nonce = await admin.publicClient.getTransactionCount({ address: venus.admin });
    const attempt = new VenusTxRunner(admin).write("comptroller", venus.comptroller, {
      abi: diamondConsolidatedAbi,
      functionName: "_supportMarket",
      args: [vUsdt],
    });
    await expect(attempt).rejects.toBeInstanceOf(VenusDeployError);
    await expect(attempt).rejects.toMatchObject({ call: "comptroller._supportMarket" });
    const error = await attempt.catch((e: unknown) => e);
    expect(error instanceof VenusDeployError && error.code !== undefined && error.code > 0n).toBe(true);
    // Nothing was sent.
    expect(await admin.publicClient.getTransactionCount({ address: venus.admin })).toBe(nonce);
  });

  it("prices tokens at 1e36 / 10^decimals and the DeviationBoundedOracle passes them through", async ({
    world,
  }) => {
    const { admin, venus } = world;
    await setVenusPrice(admin, venus, NATIVE_BNB, "612.5");
    expect(venusPriceMantissa("612.5", 18)).toBe(6125n * 10n ** 17n);
    expect(venusPriceMantissa(1, 6)).toBe(10n ** 30n);
    const bnb = await admin.publicClient.readContract({
      address: venus.oracle,
      abi: simplePriceOracleAbi,
      functionName: "getPrice",
      args: [NATIVE_BNB],
    });
    expect(bnb).toBe(6125n * 10n ** 17n);
    const [collateral, debt] = await admin.publicClient.readContract({
      address: venus.deviationBoundedOracle,
      abi: deviationBoundedOracleAbi,
      functionName: "getBoundedPricesView",
      args: [vTokenOf(world, "BNB")],
    });
    expect([collateral, debt]).toEqual([bnb, bnb]);
  });

  it("supply then redeem returns more than supplied after blocks with a borrower", async ({ world }) => {
    const { admin, user, borrower, userAddress, venus, test } = world;
    const vUsdt = vTokenOf(world, "USDT");
    const supplied = parseEther("1000");
    await supplyToVenus(admin, venus, "USDT", parseEther("10000")); // liquidity so the redeem has cash
    const minted = await supplyToVenus(user, venus, "USDT", supplied);
    expect(await usdtBalance(world, userAddress)).toBe(0n);
    const borrowed = await addBorrower(borrower, venus, {
      collateral: "BTCB",
      collateralAmount: parseEther("1"),
      borrow: "USDT",
      utilization: (5n * E18) / 10n,
    });
    expect(borrowed).toBe(parseEther("5500"));

    await test.mine({ blocks: 1000 });
    await redeem(user, vUsdt, minted);
    const received = await usdtBalance(world, userAddress);
    expect(received).toBeGreaterThan(supplied);
    // 50 % utilisation → 5 %/yr borrow rate → 5 % × 0.5 × (1 − 10 % reserves) = 2.25 %/yr supply rate;
    // 1,000 of 150,000 blocks per year → ≈ +0.015 % ≈ 0.15 USDT on 1,000.
    expect(received - supplied).toBeGreaterThan(parseEther("0.14"));
    expect(received - supplied).toBeLessThan(parseEther("0.16"));
    expect(await vTokenBalance(world, vUsdt, userAddress)).toBe(0n);
    // 1,000 mined blocks: seconds when other jobs share the machine.
  }, 60_000);

  it("grows the exchange rate while a borrower is present", async ({ world }) => {
    const { admin, user, borrower, venus, test } = world;
    const vUsdt = vTokenOf(world, "USDT");
    await supplyToVenus(user, venus, "USDT", parseEther("1000"));
    await addBorrower(borrower, venus, {
      collateral: "ETH",
      collateralAmount: parseEther("10"),
      borrow: "USDT",
      utilization: (8n * E18) / 10n,
    });
    const rate = () =>
      admin.publicClient.readContract({
        address: vUsdt,
        abi: vBep20DelegateAbi,
        functionName: "exchangeRateStored",
      });
    const before = await rate();
    expect(before).toBe(2n * 10n ** 26n);
    await test.mine({ blocks: 200 });
    await new VenusTxRunner(admin).write("vUSDT", vUsdt, {
      abi: vBep20DelegateAbi,
      functionName: "accrueInterest",
    });
    const after = await rate();
    expect(after).toBeGreaterThan(before);
  });

  it("reverts mint while MINT is paused, and mints again once unpaused", async ({ world }) => {
    const { admin, user, venus } = world;
    const vUsdt = vTokenOf(world, "USDT");
    await pauseVenusAction(admin, venus, vUsdt, VenusAction.MINT, true);
    expect(
      await admin.publicClient.readContract({
        address: venus.comptroller,
        abi: diamondConsolidatedAbi,
        functionName: "actionPaused",
        args: [vUsdt, VenusAction.MINT],
      }),
    ).toBe(true);
    await expect(supplyToVenus(user, venus, "USDT", parseEther("1"))).rejects.toThrow(/action is paused/);
    await pauseVenusAction(admin, venus, vUsdt, VenusAction.MINT, false);
    expect(await supplyToVenus(user, venus, "USDT", parseEther("1"))).toBeGreaterThan(0n);
  });

  it("reverts mint with 'market supply cap reached' once the cap is hit", async ({ world }) => {
    const { admin, user, venus } = world;
    const vUsdt = vTokenOf(world, "USDT");
    await setSupplyCap(admin, venus, vUsdt, parseEther("100"));
    await supplyToVenus(user, venus, "USDT", parseEther("100"));
    await expect(supplyToVenus(user, venus, "USDT", parseEther("1"))).rejects.toThrow(
      /market supply cap reached/,
    );
    await setSupplyCap(admin, venus, vUsdt, 0n);
    await expect(supplyToVenus(user, venus, "USDT", parseEther("1"))).rejects.toThrow(
      /market supply cap is 0/,
    );
  });

  it("reverts redeem when the market lacks cash, and a partial redeem within cash works", async ({
    world,
  }) => {
    const { admin, user, borrower, userAddress, venus } = world;
    const vUsdt = vTokenOf(world, "USDT");
    const minted = await supplyToVenus(user, venus, "USDT", parseEther("1000"));
    await addBorrower(borrower, venus, {
      collateral: "BTCB",
      collateralAmount: parseEther("1"),
      borrow: "USDT",
      utilization: (9n * E18) / 10n,
    });
    const cash = await admin.publicClient.readContract({
      address: vUsdt,
      abi: vBep20DelegateAbi,
      functionName: "getCash",
    });
    expect(cash).toBe(parseEther("100"));
    await expect(redeem(user, vUsdt, minted)).rejects.toThrow(/math error/);
    await redeem(user, vUsdt, minted / 20n); // 50 USDT < 100 cash
    expect(await usdtBalance(world, userAddress)).toBeGreaterThanOrEqual(parseEther("50") - 1n);
  });

  it("vBNB: mint{value} and redeem native BNB back to an EOA", async ({ world }) => {
    const { admin, user, userAddress, venus } = world;
    const vBnb = vTokenOf(world, "BNB");
    const amount = parseEther("10");
    const minted = await supplyToVenus(user, venus, "BNB", amount);
    expect(minted).toBe((amount * E18) / (2n * 10n ** 26n));
    const before = await admin.publicClient.getBalance({ address: userAddress });
    const receipt = await redeem(user, vBnb, minted);
    const after = await admin.publicClient.getBalance({ address: userAddress });
    const gas = receipt.gasUsed * receipt.effectiveGasPrice;
    expect(after - before + gas).toBe(amount);
    expect(await vTokenBalance(world, vBnb, userAddress)).toBe(0n);
  });

  it("vWBNB: an ERC-20 market listed on the core pool with WBNB as its underlying, beside vBNB", async ({
    world,
  }) => {
    const { admin, user, userAddress, tokens, venus } = world;
    const vWbnb = vTokenOf(world, "WBNB");
    const { publicClient } = admin;
    const [symbol, underlying, market] = await Promise.all([
      publicClient.readContract({ address: vWbnb, abi: vBep20DelegateAbi, functionName: "symbol" }),
      publicClient.readContract({ address: vWbnb, abi: vBep20DelegateAbi, functionName: "underlying" }),
      publicClient.readContract({
        address: venus.comptroller,
        abi: diamondConsolidatedAbi,
        functionName: "markets",
        args: [vWbnb],
      }),
    ]);
    expect(symbol).toBe("vWBNB");
    expect(underlying).toBe(getAddress(tokens.WBNB));
    expect(market[0]).toBe(true); // isListed
    expect(vWbnb).not.toBe(vTokenOf(world, "BNB"));
    // Supplying wrapped BNB: WBNB in, vWBNB out, WBNB back on redeem.
    const amount = parseEther("10");
    await write(user.walletClient, {
      request: buildCall({ address: tokens.WBNB, abi: wbnbAbi, functionName: "deposit", value: amount }),
    });
    const minted = await supplyToVenus(user, venus, "WBNB", amount, { faucet: false });
    expect(minted).toBe(amount / 10n ** 10n); // 1 vWBNB (8 decimals) per WBNB, as on BNB Chain
    await redeem(user, vWbnb, minted);
    const back = await publicClient.readContract({
      address: tokens.WBNB,
      abi: wbnbAbi,
      functionName: "balanceOf",
      args: [userAddress],
    });
    expect(back).toBe(amount);
  });
});
