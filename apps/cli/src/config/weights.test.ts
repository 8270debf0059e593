import { describe, expect, test } from "vitest";
import { withStableWeight } from "./weights.js";

describe("withStableWeight", () => {
  test("behavior: keeps risk proportions and sums to 10000 with largest remainders", () => {
    expect(withStableWeight([2500, 2000, 1500, 1000, 1000, 2000], 5, 0)).toEqual([
      3125, 2500, 1875, 1250, 1250, 0,
    ]);
    const w = withStableWeight([1, 1, 1, 0], 3, 1000);
    expect(w).toEqual([3000, 3000, 3000, 1000]);
    const odd = withStableWeight([1, 1, 1, 0], 3, 0);
    expect(odd).toEqual([3334, 3333, 3333, 0]);
  });
});
