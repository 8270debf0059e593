import { describe, expect, test } from "vitest";
import { d18ToUsd, usdToD18 } from "./units.js";

describe("usdToD18", () => {
  test("default: keeps micro-dollars", () => {
    expect(usdToD18(1234.5678901)).toBe(1_234_567_890n * 10n ** 12n);
    expect(d18ToUsd(usdToD18(1234.567891))).toBeCloseTo(1234.567891, 9);
  });

  test("behavior: negative and non-finite map to zero", () => {
    expect(usdToD18(-1)).toBe(0n);
    expect(usdToD18(Number.NaN)).toBe(0n);
  });
});
