import type { GetFundReturnType } from "@blocketf/sdk";

/**
 * {bps} Share of the fund's NAV supplied to Venus, i.e. earning interest: Σ supplied × price over the NAV,
 * from the Lens. `undefined` when the Lens gives no NAV (a refused price or an unvalued Venus position).
 */
export function earningBps(fund: Pick<GetFundReturnType, "assets" | "totalValue">): number | undefined {
  if (fund.totalValue === 0n) return undefined;
  let earning = 0n;
  for (const a of fund.assets) {
    // D18{USD} = {tok} * D18{USD/tok} / {tok}
    earning += (a.supplied * a.price) / 10n ** BigInt(a.decimals);
  }
  return Number((earning * 10_000n) / fund.totalValue);
}

/** "97.9 % of NAV earning", or that it is unknown. */
export function formatEarning(bps: number | undefined): string {
  return bps === undefined ? "NAV unknown" : `${(bps / 100).toFixed(1)} % of NAV earning`;
}
