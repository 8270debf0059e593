import { describe, expect, test } from "vitest";
import type { AssetSnapshot, FundHistory, Snapshot } from "../history/indexer.js";
import { interestPerShare, navSeries, realisedYield } from "./history.js";

const E18 = 10n ** 18n;
const DAY = 86_400;
const snap = (day: number, nav: bigint, supply: bigint, interest: bigint): Snapshot => ({
  blockNumber: BigInt(day * 100),
  timestamp: day * DAY,
  totalSupply: supply,
  totalValue: (nav * supply) / E18,
  navPerShare: nav,
  interestUsd: interest,
  pricesOk: true,
});
const asset = (day: number, index: number, price: bigint, target: number): AssetSnapshot => ({
  blockNumber: BigInt(day * 100),
  timestamp: day * DAY,
  index,
  symbol: ["BTCB", "USDT"][index] ?? "X",
  decimals: 18,
  price,
  holdings: 0n,
  supplied: 0n,
  weightBps: target,
  targetWeightBps: target,
  interestUsd: 0n,
});

describe("interestPerShare", () => {
  test("default: each interval's interest over the shares at its start", () => {
    const s = [
      snap(0, 100n * E18, 10n * E18, 0n),
      snap(1, 100n * E18, 20n * E18, 5n * E18),
      snap(2, 100n * E18, 20n * E18, 7n * E18),
    ];
    // +$5 over 10 shares, then +$2 over 20 shares
    expect(interestPerShare(s)).toEqual([0n, E18 / 2n, E18 / 2n + E18 / 10n]);
  });
});

describe("navSeries", () => {
  test("behavior: V1 buys the non-stable assets at the first NAV and holds them", () => {
    const h: FundHistory = {
      snapshots: [snap(0, 100n * E18, E18, 0n), snap(1, 150n * E18, E18, E18)],
      assets: [
        asset(0, 0, 1000n * E18, 8000),
        asset(0, 1, E18, 2000),
        asset(1, 0, 2000n * E18, 8000),
        asset(1, 1, E18, 2000),
      ],
      steps: [],
      episodes: [],
      indexedBlock: 100n,
    };
    const [a, b] = navSeries(h, 1);
    expect(a?.v1).toBeCloseTo(100);
    // V1 holds BTC only (USDT excluded): BTC doubled, so V1 doubled.
    expect(b?.v1).toBeCloseTo(200);
    // Without the $1 of interest per share.
    expect(b?.withoutYield).toBeCloseTo(149);
  });
});

describe("realisedYield", () => {
  test("default: interest over the window / average NAV, annualised", () => {
    const s = [snap(0, E18, 1000n * E18, 0n), snap(10, E18, 1000n * E18, E18)];
    const y = realisedYield(s, 30);
    expect(y?.days).toBe(10);
    expect(y?.apy).toBeCloseTo((1 / 1000) * 36.5);
  });
  test("behavior: undefined with a single point", () => {
    expect(realisedYield([snap(0, E18, E18, 0n)], 7)).toBeUndefined();
  });
});
