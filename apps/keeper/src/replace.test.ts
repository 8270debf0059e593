import { describe, expect, test } from "vitest";
import { bumpGasPrice } from "./replace.js";

describe("bumpGasPrice", () => {
  test("default: +25 %, rounded up (nodes refuse a replacement under +10 %)", () => {
    expect(bumpGasPrice(1_000_000_000n, 0n)).toBe(1_250_000_000n);
    expect(bumpGasPrice(3n, 0n)).toBe(4n);
  });
  test("behavior: at least the node's current gas price when it rose more", () => {
    expect(bumpGasPrice(1_000_000_000n, 5_000_000_000n)).toBe(5_000_000_000n);
  });
});
