import { describe, expect, test } from "vitest";
import { maxBorrowRatePerBlock, VENUS_BORROW_RATE_MAX_PER_BLOCK, VenusConfigError } from "./deployVenus.js";
import { rateModelForSupplyApy } from "./rateModel.js";

/** The supply APY a model pays at `u`, as Venus computes it per block (reserve factor 0.1). */
function supplyApyAt(model: ReturnType<typeof rateModelForSupplyApy>, u: number, blocks: number): number {
  const borrowPerBlock = (Number(model.multiplierPerYear) / 1e18 / blocks) * u;
  const supplyPerBlock = borrowPerBlock * u * 0.9;
  return Math.expm1(blocks * Math.log1p(supplyPerBlock));
}

describe("rateModelForSupplyApy", () => {
  test("default: the model pays the asked APY at the utilisation", () => {
    for (const apy of [0.1, 0.5, 0.7, 5]) {
      const model = rateModelForSupplyApy({ supplyApyPct: apy, utilization: 0.5, blocksPerYear: 36_500n });
      expect(supplyApyAt(model, 0.5, 36_500) * 100).toBeCloseTo(apy, 6);
      expect(maxBorrowRatePerBlock(model, 36_500n)).toBeLessThanOrEqual(VENUS_BORROW_RATE_MAX_PER_BLOCK);
    }
  });

  test("behavior: 0 % is a flat zero slope", () => {
    const model = rateModelForSupplyApy({ supplyApyPct: 0, utilization: 0.5, blocksPerYear: 36_500n });
    expect(model.multiplierPerYear).toBe(0n);
  });

  test("error: VenusConfigError when the compressed year cannot pay it under Venus's cap", () => {
    expect(() =>
      rateModelForSupplyApy({ supplyApyPct: 9, utilization: 0.5, blocksPerYear: 36_500n }),
    ).toThrow(VenusConfigError);
  });
});
