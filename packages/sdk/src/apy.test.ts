import { describe, expect, test } from "vitest";
import { supplyApy } from "./apy.js";

describe("supplyApy", () => {
  test("behavior: compounds the per-block rate over a year", () => {
    // 5 % simple per year spread over 70,080,000 blocks compounds to e^0.05 - 1.
    const perBlock = BigInt(Math.round((0.05 / 70_080_000) * 1e18));
    expect(supplyApy(perBlock)).toBeCloseTo(Math.expm1(0.05), 9);
    expect(supplyApy(0n)).toBe(0);
  });
});
