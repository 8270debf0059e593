import { describe, expect, test } from "vitest";
import vectors from "../test-vectors/rebalance-rule.json" with { type: "json" };
import { NO_TRIGGER } from "./constants.js";
import { LengthMismatchError } from "./errors.js";
import {
  checkRebalance,
  maxDeviationIndex,
  rebalanceTrigger,
  weightsBpsDown,
  weightsBpsDownInto,
} from "./rebalanceRule.js";

const rule = { thresholdBps: 500, cooldownSeconds: 1800 };

describe("checkRebalance", () => {
  for (const vector of vectors.vectors) {
    test(`vector: ${vector.name}`, () => {
      const decision = checkRebalance({
        ...vector.input,
        valuesUsd: vector.input.valuesUsd.map((value) => BigInt(value)),
      });
      expect(decision).toEqual(vector.expected);
    });
  }

  test("error: LengthMismatchError", () => {
    expect(() =>
      checkRebalance({
        ...rule,
        valuesUsd: [1n, 2n],
        targetWeightsBps: [10_000],
        lastRebalanceAt: 0,
        now: 1,
      }),
    ).toThrow(LengthMismatchError);
  });
});

describe("rebalanceTrigger", () => {
  test("behavior: the float path agrees with the bigint path on every vector with integer USD", () => {
    for (const vector of vectors.vectors) {
      const values = vector.input.valuesUsd.map((value) => Number(BigInt(value) / 10n ** 18n));
      if (
        values.some((value, i) => BigInt(value) * 10n ** 18n !== BigInt(vector.input.valuesUsd[i] ?? "0"))
      ) {
        continue; // Sub-dollar or beyond-float vectors are the bigint path's job.
      }
      const weights = new Int32Array(values.length);
      weightsBpsDownInto(values, weights);
      const trigger = rebalanceTrigger(
        weights,
        vector.input.targetWeightsBps,
        vector.input,
        vector.input.lastRebalanceAt,
        vector.input.now,
      );
      expect(trigger, vector.name).toBe(vector.expected.triggerIndex);
    }
  });

  test("behavior: threshold is inclusive", () => {
    expect(rebalanceTrigger([5500, 4500], [5000, 5000], rule, 0, 1)).toBe(0);
    expect(rebalanceTrigger([5499, 4501], [5000, 5000], rule, 0, 1)).toBe(NO_TRIGGER);
  });

  test("behavior: cooldown respected, then released", () => {
    const last = 1_000_000;
    expect(rebalanceTrigger([6000, 4000], [5000, 5000], rule, last, last + 1799)).toBe(NO_TRIGGER);
    expect(rebalanceTrigger([6000, 4000], [5000, 5000], rule, last, last + 1800)).toBe(0);
  });
});

describe("weightsBpsDown", () => {
  test("behavior: floors, so weights may sum below 10000", () => {
    expect(weightsBpsDown([1n, 1n, 1n])).toEqual([3333, 3333, 3333]);
  });

  test("behavior: zero total gives zero weights", () => {
    expect(weightsBpsDown([0n, 0n])).toEqual([0, 0]);
  });

  test("behavior: float and bigint floors agree on random integer values", () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let round = 0; round < 2_000; round++) {
      const values = [next() % 1_000_000, next() % 1_000_000, next() % 1_000_000, 1 + (next() % 1_000)];
      const out = new Int32Array(4);
      weightsBpsDownInto(values, out);
      expect(Array.from(out)).toEqual(weightsBpsDown(values.map((value) => BigInt(value))));
    }
  });
});

describe("maxDeviationIndex", () => {
  test("behavior: ties go to the first index", () => {
    expect(maxDeviationIndex([5500, 4500], [5000, 5000])).toBe(0);
    expect(maxDeviationIndex([5000, 4000, 1000], [5000, 3000, 2000])).toBe(1);
  });
});
