import { describe, expect, test } from "vitest";
import { StableIndexError, TargetWeightsError } from "./errors.js";
import { planRebalance } from "./tradePlanner.js";

const usd = (amount: number) => BigInt(amount) * 10n ** 18n;

describe("planRebalance", () => {
  test("default: sells over-weight into the stablecoin and buys under-weight with it", () => {
    // BTC 60 / ETH 20 / USDT 20 against 50 / 30 / 20.
    const plan = planRebalance({
      valuesUsd: [usd(60), usd(20), usd(20)],
      targetWeightsBps: [5000, 3000, 2000],
      stableIndex: 2,
    });
    expect(plan.sells).toEqual([{ index: 0, valueUsd: usd(10) }]);
    expect(plan.buys).toEqual([{ index: 1, valueUsd: usd(10) }]);
    expect(plan.stableAfterUsd).toBe(usd(20));
  });

  test("behavior: stablecoin and another asset both under-weight", () => {
    // BTC 70 / ETH 20 / USDT 10 against 50 / 30 / 20: BTC funds ETH and refills the sleeve.
    const plan = planRebalance({
      valuesUsd: [usd(70), usd(20), usd(10)],
      targetWeightsBps: [5000, 3000, 2000],
      stableIndex: 2,
    });
    expect(plan.sells).toEqual([{ index: 0, valueUsd: usd(20) }]);
    expect(plan.buys).toEqual([{ index: 1, valueUsd: usd(10) }]);
    expect(plan.stableBeforeUsd).toBe(usd(10));
    expect(plan.stableAfterUsd).toBe(usd(20));
  });

  test("behavior: over-weight stablecoin funds the buys with no sells", () => {
    const plan = planRebalance({
      valuesUsd: [usd(40), usd(20), usd(40)],
      targetWeightsBps: [5000, 3000, 2000],
      stableIndex: 2,
    });
    expect(plan.sells).toEqual([]);
    expect(plan.buys).toEqual([
      { index: 0, valueUsd: usd(10) },
      { index: 1, valueUsd: usd(10) },
    ]);
    expect(plan.stableAfterUsd).toBe(usd(20));
  });

  test("behavior: zero-weight stablecoin (V1) ends with only the rounding dust", () => {
    const plan = planRebalance({
      valuesUsd: [7n, 2n, 2n, 0n],
      targetWeightsBps: [3334, 3333, 3333, 0],
      stableIndex: 3,
    });
    // total 11: targets floor(11*3334/1e4)=3, 3, 3 → sell 4 of asset 0, buy 1 and 1, keep 2 as dust.
    expect(plan.sells).toEqual([{ index: 0, valueUsd: 4n }]);
    expect(plan.buys).toEqual([
      { index: 1, valueUsd: 1n },
      { index: 2, valueUsd: 1n },
    ]);
    expect(plan.stableAfterUsd).toBe(2n);
  });

  test("behavior: dust legs are skipped and buys never overspend", () => {
    // A is 5 over (dust at a 10 minimum), B 10 over, C 15 under: only B's 10 can fund C.
    const plan = planRebalance({
      valuesUsd: [usd(35), usd(40), usd(25), 0n],
      targetWeightsBps: [3000, 3000, 4000, 0],
      stableIndex: 3,
      minTradeUsd: usd(10),
    });
    expect(plan.sells).toEqual([{ index: 1, valueUsd: usd(10) }]);
    expect(plan.buys).toEqual([{ index: 2, valueUsd: usd(10) }]);
    expect(plan.stableAfterUsd).toBe(0n);
  });

  test("behavior: post-trade values equal targets and nothing is created", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 500; round++) {
      const values = [next(), next(), next(), next()].map((value) => BigInt(value) * 10n ** 12n);
      const plan = planRebalance({
        valuesUsd: values,
        targetWeightsBps: [4000, 3000, 1000, 2000],
        stableIndex: 3,
      });
      const after = [...values];
      for (const sell of plan.sells) after[sell.index] = (after[sell.index] ?? 0n) - sell.valueUsd;
      for (const buy of plan.buys) after[buy.index] = (after[buy.index] ?? 0n) + buy.valueUsd;
      after[3] = plan.stableAfterUsd;
      for (let i = 0; i < 3; i++) expect(after[i]).toBe(plan.targetValuesUsd[i]);
      expect(after.reduce((a, b) => a + b, 0n)).toBe(values.reduce((a, b) => a + b, 0n));
      expect(plan.stableAfterUsd >= (plan.targetValuesUsd[3] ?? 0n)).toBe(true);
    }
  });

  test("error: TargetWeightsError", () => {
    expect(() =>
      planRebalance({ valuesUsd: [1n, 1n], targetWeightsBps: [5000, 4000], stableIndex: 1 }),
    ).toThrow(TargetWeightsError);
  });

  test("error: StableIndexError", () => {
    expect(() =>
      planRebalance({ valuesUsd: [1n, 1n], targetWeightsBps: [5000, 5000], stableIndex: 2 }),
    ).toThrow(StableIndexError);
  });
});
