import { describe, expect, test } from "vitest";
import { backoffDelay, sleep } from "./backoff.js";

describe("backoffDelay", () => {
  const noJitter = { baseMs: 1000, maxMs: 60_000, random: () => 0 };

  test("default: doubles from the base", () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, noJitter))).toEqual([1000, 2000, 4000, 8000]);
  });

  test("behavior: capped at maxMs, even for huge attempts", () => {
    expect(backoffDelay(7, noJitter)).toBe(60_000);
    expect(backoffDelay(10_000, noJitter)).toBe(60_000);
  });

  test("behavior: jitter only shortens, by at most its share", () => {
    expect(backoffDelay(1, { ...noJitter, random: () => 0.999 })).toBeGreaterThanOrEqual(800);
    expect(backoffDelay(1, { ...noJitter, random: () => 0.999 })).toBeLessThanOrEqual(1000);
  });

  test("behavior: no failure, no wait", () => {
    expect(backoffDelay(0, noJitter)).toBe(0);
  });
});

describe("sleep", () => {
  test("behavior: an abort wakes it at once", async () => {
    const abort = new AbortController();
    const started = Date.now();
    const slept = sleep(10_000, abort.signal);
    abort.abort();
    await slept;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
