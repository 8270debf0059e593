import { describe, expect, test } from "vitest";
import { InvalidInputError } from "./errors/index.js";
import { routeSlippageBps } from "./routeBounds.js";

describe("routeSlippageBps", () => {
  test("default: a 0.05 % pool with a 25 bps allowance is bound at 30 bps, not 1 %", () => {
    expect(routeSlippageBps({ feeTiers: [500], impactAllowanceBps: 25 })).toBe(30);
  });

  test("behavior: each tier rounds up to a whole bp; hops add up", () => {
    expect(routeSlippageBps({ feeTiers: [100], impactAllowanceBps: 0 })).toBe(1);
    expect(routeSlippageBps({ feeTiers: [2500], impactAllowanceBps: 25 })).toBe(50);
    expect(routeSlippageBps({ feeTiers: [500, 500], impactAllowanceBps: 25 })).toBe(35);
    expect(routeSlippageBps({ feeTiers: [1], impactAllowanceBps: 0 })).toBe(1);
  });

  test("error: no hop, a bad tier, a bad allowance, or above the contracts' cap", () => {
    expect(() => routeSlippageBps({ feeTiers: [], impactAllowanceBps: 25 })).toThrow(InvalidInputError);
    expect(() => routeSlippageBps({ feeTiers: [0], impactAllowanceBps: 25 })).toThrow(InvalidInputError);
    expect(() => routeSlippageBps({ feeTiers: [500.5], impactAllowanceBps: 25 })).toThrow(InvalidInputError);
    expect(() => routeSlippageBps({ feeTiers: [500], impactAllowanceBps: -1 })).toThrow(InvalidInputError);
    expect(() => routeSlippageBps({ feeTiers: [10_000], impactAllowanceBps: 901 })).toThrow(
      InvalidInputError,
    );
    expect(routeSlippageBps({ feeTiers: [10_000], impactAllowanceBps: 900 })).toBe(1000);
  });
});
