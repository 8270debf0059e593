import { describe, expect, test } from "vitest";
import { earningBps, formatEarning } from "./earning.js";

const asset = (supplied: bigint, price: bigint, decimals: number) => ({ supplied, price, decimals });

describe("earningBps", () => {
  test("default: the value supplied to Venus over the NAV", () => {
    // $900 of an 18-decimal token at $1 and $80 of an 8-decimal one at $100 supplied, of a $1,000 NAV.
    const fund = {
      assets: [asset(900n * 10n ** 18n, 10n ** 18n, 18), asset(8n * 10n ** 7n, 100n * 10n ** 18n, 8)],
      totalValue: 1_000n * 10n ** 18n,
    } as unknown as Parameters<typeof earningBps>[0];
    expect(earningBps(fund)).toBe(9_800);
    expect(formatEarning(earningBps(fund))).toBe("98.0 % of NAV earning");
  });

  test("behavior: no NAV → unknown", () => {
    const fund = { assets: [], totalValue: 0n } as unknown as Parameters<typeof earningBps>[0];
    expect(earningBps(fund)).toBeUndefined();
    expect(formatEarning(undefined)).toBe("NAV unknown");
  });
});
