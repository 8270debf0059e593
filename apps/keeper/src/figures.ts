import { type GetFundReturnType, supplyApy } from "@blocketf/sdk";
import { formatEther } from "viem";

/** What /metrics shows of the fund itself, from the Lens's `getFund` (display numbers; chain amounts stay bigint). */
export type FundFigures = {
  /** {USD/share} `undefined` when the fund has no NAV (a refused price or a Venus position it cannot value). */
  readonly navPerShareUsd: number | undefined;
  /** {USD} */
  readonly tvlUsd: number | undefined;
  readonly assets: readonly {
    readonly symbol: string;
    readonly targetWeightBps: number;
    readonly currentWeightBps: number;
    /** A fraction (0.05 = 5 %/year); `undefined` without Venus or without the chain's blocks per year. */
    readonly supplyApy: number | undefined;
  }[];
  /** {bps} Share of NAV supplied on Venus (earning). */
  readonly earningBps: number | undefined;
  /**
   * A fraction: what the whole NAV earns now, each asset's Venus APY weighted by the value it has supplied
   * (Σ suppliedValueᵢ × apyᵢ / NAV). `undefined` without the chain's Venus blocks per year.
   */
  readonly fundApy: number | undefined;
};

/**
 * The fund's NAV per share, TVL, weights, share earning on Venus and APY now. `blocksPerYear` is the
 * chain's Venus time scale (BNB Chain's 70,080,000, the devnet's 36,500): without it there is no APY.
 */
export function fundFigures(fund: GetFundReturnType, blocksPerYear: number | undefined): FundFigures {
  const valued = fund.pricesOk && fund.holdingsOk && fund.totalValue > 0n;
  let suppliedUsd = 0n; // D18{USD}
  let earningUsdApy = 0; // {USD/year}
  const assets = fund.assets.map((a) => {
    // D18{USD} = {tok} * D18{USD/tok} / 10^decimals
    const value = a.priceOk ? (a.supplied * a.price) / 10n ** BigInt(a.decimals) : 0n;
    suppliedUsd += value;
    const apy =
      blocksPerYear === undefined || a.vToken === "0x0000000000000000000000000000000000000000"
        ? undefined
        : supplyApy(a.supplyRatePerBlock, blocksPerYear);
    if (apy !== undefined) earningUsdApy += Number(formatEther(value)) * apy;
    return {
      symbol: a.symbol,
      targetWeightBps: a.weightBps,
      currentWeightBps: Number(a.currentWeightBps),
      supplyApy: apy,
    };
  });
  const tvl = valued ? Number(formatEther(fund.totalValue)) : undefined;
  return {
    navPerShareUsd: valued && fund.totalSupply > 0n ? Number(formatEther(fund.navPerShare)) : undefined,
    tvlUsd: tvl,
    assets,
    earningBps: valued ? Number((suppliedUsd * 10_000n) / fund.totalValue) : undefined,
    fundApy: valued && blocksPerYear !== undefined && tvl !== undefined ? earningUsdApy / tvl : undefined,
  };
}
