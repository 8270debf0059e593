import { describe, expect, test } from "vitest";
import { padGasLimit } from "./gas.js";

describe("padGasLimit", () => {
  test("behavior: the estimate plus 30 % (rounded up) plus 100,000", () => {
    expect(padGasLimit(1_000_000n)).toBe(1_400_000n);
    expect(padGasLimit(1n)).toBe(100_002n);
    // The devnet's router mint that ran out of gas at viem's estimate (limit 1,284,637, used 1,282,458).
    expect(padGasLimit(1_284_637n)).toBeGreaterThan(1_282_458n + 300_000n);
  });
});
