import { parseEther } from "viem";
import { describe, expect, test } from "vitest";
import { fundFigures } from "./figures.js";
import { snapshot } from "./test/snapshot.js";

/** D18 rate per block giving `apy` over `blocks` blocks: (1 + apy)^(1/blocks) − 1. */
const ratePerBlock = (apy: number, blocks: number): bigint =>
  BigInt(Math.round(Math.expm1(Math.log1p(apy) / blocks) * 1e18));

describe("fundFigures", () => {
  test("default: NAV per share, TVL, weights, share earning and the supplied-weighted APY", () => {
    const s = snapshot();
    const [btc, eth, usdt] = s.fund.assets;
    if (btc === undefined || eth === undefined || usdt === undefined) throw new Error("fixture");
    const fund = {
      ...s.fund,
      totalSupply: parseEther("1000"),
      navPerShare: parseEther("100"),
      assets: [
        { ...btc, currentWeightBps: 5100n, supplyRatePerBlock: ratePerBlock(0.01, 36_500) },
        { ...eth, currentWeightBps: 2900n, supplyRatePerBlock: ratePerBlock(0.02, 36_500) },
        { ...usdt, currentWeightBps: 2000n, supplyRatePerBlock: ratePerBlock(0.05, 36_500) },
      ],
    };
    const f = fundFigures(fund, 36_500);
    expect(f.navPerShareUsd).toBe(100);
    expect(f.tvlUsd).toBe(100_000);
    expect(f.assets.map((a) => [a.symbol, a.targetWeightBps, a.currentWeightBps])).toEqual([
      ["BTCB", 5000, 5100],
      ["ETH", 3000, 2900],
      ["USDT", 2000, 2000],
    ]);
    // The fixture supplies 90 % of each asset (10 % buffers idle).
    expect(f.earningBps).toBe(9000);
    expect(f.assets[2]?.supplyApy).toBeCloseTo(0.05, 9);
    // (45,000 × 1 % + 27,000 × 2 % + 18,000 × 5 %) / 100,000 = 1.89 %
    expect(f.fundApy).toBeCloseTo(0.0189, 9);
  });

  test("behavior: no APY without the chain's Venus blocks per year (never BNB Chain's guessed)", () => {
    const f = fundFigures(snapshot().fund, undefined);
    expect(f.fundApy).toBeUndefined();
    expect(f.assets.every((a) => a.supplyApy === undefined)).toBe(true);
    expect(f.tvlUsd).toBe(100_000);
  });

  test("behavior: no NAV, TVL or earning share while a price is refused", () => {
    const s = snapshot();
    const f = fundFigures({ ...s.fund, pricesOk: false, totalValue: 0n }, 36_500);
    expect(f).toMatchObject({
      navPerShareUsd: undefined,
      tvlUsd: undefined,
      earningBps: undefined,
      fundApy: undefined,
    });
  });
});
