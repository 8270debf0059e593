import { describe, expect, test } from "vitest";
import { sweepExcess } from "./sweep.js";

describe("sweepExcess", () => {
  test("default: idle above the buffer", () => {
    // holdings 1000, buffer 10 % keeps 100; 400 idle leaves 300 to supply.
    expect(sweepExcess({ idle: 400n, holdings: 1000n, bufferBps: 1000 })).toBe(300n);
  });

  test("behavior: the buffer rounds up", () => {
    // 1001 * 10 % = 100.1 → keep 101.
    expect(sweepExcess({ idle: 401n, holdings: 1001n, bufferBps: 1000 })).toBe(300n);
  });

  test("behavior: nothing at or below the buffer", () => {
    expect(sweepExcess({ idle: 100n, holdings: 1000n, bufferBps: 1000 })).toBe(0n);
    expect(sweepExcess({ idle: 0n, holdings: 0n, bufferBps: 0 })).toBe(0n);
  });

  test("behavior: dust below 1 bps of the holdings is left idle", () => {
    expect(sweepExcess({ idle: 99n, holdings: 1_000_000n, bufferBps: 0 })).toBe(0n);
    expect(sweepExcess({ idle: 100n, holdings: 1_000_000n, bufferBps: 0 })).toBe(100n);
  });
});
