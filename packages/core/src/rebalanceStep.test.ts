import { describe, expect, test } from "vitest";
import vectors from "../test-vectors/rebalance-step.json" with { type: "json" };
import { LengthMismatchError, StableIndexError } from "./errors.js";
import { isRebalanceComplete, planRebalanceStep } from "./rebalanceStep.js";

const usd = (x: number): bigint => BigInt(Math.round(x * 1e6)) * 10n ** 12n;
const NONE = 10n ** 30n;
const W6 = [2500, 2000, 1500, 1000, 1000, 2000];
const uncapped = (valuesUsd: bigint[]) => ({
  valuesUsd,
  weightsBps: W6,
  stableIndex: 5,
  maxTradeUsd: valuesUsd.map(() => NONE),
  liquidUsd: valuesUsd.map(() => NONE),
});

describe("planRebalanceStep", () => {
  test("default: V1's full rebalance when nothing caps it", () => {
    // $110 fund, BTC $35 against a $27.50 target: $7.50 sold; ETH, BNB, XRP, SOL bought to target and
    // the sleeve ($20 against $22) keeps the $2 left.
    const plan = planRebalanceStep(uncapped([35, 20, 15, 10, 10, 20].map(usd)));
    expect(plan.sell).toEqual([usd(7.5), 0n, 0n, 0n, 0n, 0n]);
    expect(plan.buy).toEqual([0n, usd(2), usd(1.5), usd(1), usd(1), 0n]);
  });

  test("behavior: the sleeve under-weight together with another asset receives the surplus", () => {
    const plan = planRebalanceStep(uncapped([40, 16, 15, 10, 10, 9].map(usd)));
    expect(plan.sell[0]).toBe(usd(15));
    expect(plan.buy[1]).toBe(usd(4)); // ETH to target; the other $11 stays as USDT, filling the sleeve
    expect(plan.sell[5]).toBe(0n);
  });

  test("behavior: an over-weight sleeve funds the buys", () => {
    const plan = planRebalanceStep(uncapped([15, 20, 15, 10, 10, 30].map(usd)));
    expect(plan.sell).toEqual([0n, 0n, 0n, 0n, 0n, usd(10)]);
    expect(plan.buy[0]).toBe(usd(10));
  });

  test("behavior: capped buys scale the sells so the sleeve never overshoots its target", () => {
    const plan = planRebalanceStep({
      ...uncapped([45, 20, 12, 7, 7, 20].map(usd)),
      maxTradeUsd: [100, 100, 1, 1, 1, 0].map(usd),
    });
    // Needs $2.20 + 3 x $1 capped, sleeve room $2.20: $7.40 sold instead of $17.25.
    expect(plan.sell[0]).toBe(usd(7.4));
  });

  test("behavior: trades under 0.01 % of the fund are dust and dropped", () => {
    const plan = planRebalanceStep(uncapped([25.001, 19.999, 15, 10, 10, 20].map(usd)));
    expect(plan.sell.every((x) => x === 0n) && plan.buy.every((x) => x === 0n)).toBe(true);
  });

  test("error: LengthMismatchError, StableIndexError", () => {
    // Six weights for two values.
    expect(() => planRebalanceStep(uncapped([1n, 1n]))).toThrow(LengthMismatchError);
    expect(() =>
      planRebalanceStep({ ...uncapped([25, 20, 15, 10, 10, 20].map(usd)), stableIndex: 6 }),
    ).toThrow(StableIndexError);
  });

  test("shared vectors: the plan the contracts' RebalancePlanLib must also compute", () => {
    for (const v of vectors.vectors) {
      const plan = planRebalanceStep({
        valuesUsd: v.input.valuesUsd.map(BigInt),
        weightsBps: v.input.weightsBps,
        stableIndex: v.input.stableIndex,
        maxTradeUsd: v.input.maxTradeUsd.map(BigInt),
        liquidUsd: v.input.liquidUsd.map(BigInt),
      });
      expect(plan.sell.map(String), v.name).toEqual(v.expected.sell);
      expect(plan.buy.map(String), v.name).toEqual(v.expected.buy);
    }
    expect(vectors.vectors.length).toBeGreaterThanOrEqual(11);
  });
});

describe("isRebalanceComplete", () => {
  test("behavior: within a tenth of the threshold, inclusive, as the contracts decide", () => {
    expect(isRebalanceComplete([2550, 1950], [2500, 2000], 500)).toBe(true);
    expect(isRebalanceComplete([2551, 1949], [2500, 2000], 500)).toBe(false);
  });
});
