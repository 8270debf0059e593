// What the fund earns: the APY now (each Venus market's supply rate, weighted by what the fund actually
// has supplied there) and the share of NAV that is earning.
import { type GetFundReturnType, supplyApy } from "@blocketf/sdk";

type Asset = GetFundReturnType["assets"][number];

/** D18{USD} The part of an asset's value that sits on Venus (supplied × price). */
export function suppliedValue(a: Pick<Asset, "supplied" | "price" | "decimals">): bigint {
  // D18{USD} = {tok} * D18{USD/tok} / 10^decimals
  return (a.supplied * a.price) / 10n ** BigInt(a.decimals);
}

export type YieldNow = {
  /** Fraction per year: Σ supplied value × the market's supply APY / NAV. */
  readonly apy: number;
  /** Fraction of NAV supplied to Venus (earning). */
  readonly earningShare: number;
  /** D18{USD} */
  readonly earningUsd: bigint;
};

/**
 * The fund's APY now from Venus's current supply rates, weighted by what is supplied (idle holdings earn
 * nothing): a rate, not a promise; rates move with each market's utilisation.
 */
export function yieldNow(
  fund: Pick<GetFundReturnType, "assets" | "totalValue">,
  blocksPerYear: number,
): YieldNow {
  if (fund.totalValue === 0n) return { apy: 0, earningShare: 0, earningUsd: 0n };
  let earningUsd = 0n;
  let weighted = 0;
  for (const a of fund.assets) {
    const value = suppliedValue(a);
    earningUsd += value;
    weighted += Number(value) * supplyApy(a.supplyRatePerBlock, blocksPerYear);
  }
  const total = Number(fund.totalValue);
  return { apy: weighted / total, earningShare: Number(earningUsd) / total, earningUsd };
}
