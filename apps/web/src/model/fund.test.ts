import type { GetFundReturnType } from "@blocketf/sdk";
import { zeroAddress } from "viem";
import { describe, expect, test } from "vitest";
import { compositionRows } from "./composition.js";
import { marketStates, onVenusBps } from "./market.js";
import { yieldNow } from "./yield.js";

type Asset = GetFundReturnType["assets"][number];
const E18 = 10n ** 18n;
const asset = (over: Partial<Asset>): Asset => ({
  token: "0x0000000000000000000000000000000000000001",
  symbol: "BTCB",
  decimals: 18,
  weightBps: 5000,
  currentWeightBps: 5000n,
  bufferBps: 1000,
  vToken: "0x0000000000000000000000000000000000000002",
  native: false,
  yieldEnabled: true,
  idle: 10n * E18,
  vShares: 0n,
  supplied: 90n * E18,
  holdings: 100n * E18,
  price: E18,
  priceOk: true,
  value: 100n * E18,
  exchangeRate: E18,
  supplyRatePerBlock: 0n,
  venusCash: 1_000n * E18,
  supplyCap: 10_000n * E18,
  mintPaused: false,
  redeemPaused: false,
  escrowed: 0n,
  positionOk: true,
  writtenOff: false,
  ...over,
});

describe("yieldNow", () => {
  test("default: the supply APY weighted by what is supplied, idle earns nothing", () => {
    // 10 % a year, compounding per block over 36,500 blocks: rate per block ≈ ln(1.1) / 36,500.
    const rate = BigInt(Math.round((Math.log(1.1) / 36_500) * 1e18));
    const fund = {
      totalValue: 200n * E18,
      assets: [
        asset({ supplyRatePerBlock: rate }),
        asset({ symbol: "USDT", supplied: 0n, idle: 100n * E18 }),
      ],
    };
    const y = yieldNow(fund, 36_500);
    expect(y.earningShare).toBeCloseTo(0.45); // $90 of $200 supplied
    expect(y.apy).toBeCloseTo(0.45 * 0.1, 4);
  });
  test("behavior: an empty fund earns 0, not NaN", () => {
    expect(yieldNow({ totalValue: 0n, assets: [] }, 36_500).apy).toBe(0);
  });
});

describe("marketStates", () => {
  test("default: supplied and withdrawable is earning", () => {
    expect(marketStates(asset({})).map((s) => s.label)).toEqual(["Earning"]);
  });
  test("behavior: paused withdrawals come first and say what a redeemer gets", () => {
    const states = marketStates(asset({ redeemPaused: true, mintPaused: true }));
    expect(states.map((s) => s.label)).toEqual(["Withdrawals paused", "Supplying paused"]);
    expect(states[0]?.detail).toMatch(/paid in vTokens/);
  });
  test("behavior: less cash than supplied is illiquid; a cap of 0 is capped; no market is not on Venus", () => {
    expect(marketStates(asset({ venusCash: E18 })).map((s) => s.label)).toEqual(["Illiquid"]);
    expect(marketStates(asset({ supplyCap: 0n })).map((s) => s.label)).toEqual(["Capped"]);
    expect(marketStates(asset({ vToken: zeroAddress })).map((s) => s.label)).toEqual(["Not on Venus"]);
  });
  test("behavior: a position Venus cannot value, or one written off, comes first and says what a redeemer gets", () => {
    const unvalued = marketStates(asset({ positionOk: false, redeemPaused: true }));
    expect(unvalued.map((s) => s.label)).toEqual(["Cannot be valued", "Withdrawals paused"]);
    expect(unvalued[0]?.detail).toMatch(/no NAV rather than a wrong one/);
    expect(marketStates(asset({ positionOk: false, writtenOff: true })).map((s) => s.label)).toEqual([
      "Written off",
    ]);
  });
  test("onVenusBps", () => {
    expect(onVenusBps(asset({}))).toBe(9000n);
    expect(onVenusBps(asset({ holdings: 0n }))).toBe(0n);
  });
});

describe("compositionRows", () => {
  test("behavior: the deviation against the threshold band", () => {
    const fund = { totalValue: 100n * E18, assets: [asset({ weightBps: 2500, currentWeightBps: 3100n })] };
    const [row] = compositionRows(fund, 500);
    expect(row?.deviationBps).toBe(600);
    expect(row?.outsideBand).toBe(true);
    expect(row?.bandUse).toBeCloseTo(1.2);
    expect(row?.earningNavBps).toBe(9000);
    const [inside] = compositionRows(
      { ...fund, assets: [asset({ weightBps: 2500, currentWeightBps: 2300n })] },
      500,
    );
    expect(inside?.outsideBand).toBe(false);
  });
});
