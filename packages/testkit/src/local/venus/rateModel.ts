import {
  type JumpRateModelConfig,
  VENUS_BORROW_RATE_MAX_PER_BLOCK,
  VenusConfigError,
} from "./deployVenus.js";

/** Venus's default reserve factor on the local markets (`deployVenus`: 0.1e18). */
export const LOCAL_RESERVE_FACTOR = 0.1;

export type RateModelForApyParameters = {
  /** {%/year} Supply APY the market should pay at `utilization`, compounding per block as Venus does. */
  readonly supplyApyPct: number;
  /** {1} Utilisation the market is kept at (the devnet's borrower and utilisation manager). */
  readonly utilization: number;
  /** The rate model's blocks per year (the devnet's time compression). */
  readonly blocksPerYear: bigint;
  /** {1} The market's reserve factor (default 0.1). */
  readonly reserveFactor?: number;
  /** {1} The model's kink (default 0.8). */
  readonly kink?: number;
  /** {1/year} Jump multiplier wanted above the kink (default 0.5), lowered to stay under Venus's cap. */
  readonly jumpMultiplierPerYear?: number;
};

/**
 * A JumpRateModel (no base rate) whose supply APY at `utilization` is `supplyApyPct`:
 *   supplyPerBlock = (1 + apy)^(1 / blocksPerYear) − 1          Venus compounds per block
 *   borrowPerYear  = supplyPerBlock × blocksPerYear / (U × (1 − reserveFactor))
 *   multiplier     = borrowPerYear / U                           (U below the kink)
 * and a jump that keeps the rate at 100 % utilisation under Venus's per-block cap (5e12), which the
 * devnet's compressed year (36,500 blocks) makes 18.25 %/year. A 0 % APY gives a zero slope.
 */
export function rateModelForSupplyApy(p: RateModelForApyParameters): JumpRateModelConfig {
  const reserveFactor = p.reserveFactor ?? LOCAL_RESERVE_FACTOR;
  const kink = p.kink ?? 0.8;
  const blocks = Number(p.blocksPerYear);
  if (!(p.utilization > 0 && p.utilization < kink)) {
    throw new VenusConfigError(`utilisation ${p.utilization} must lie in (0, kink ${kink})`);
  }
  if (!(p.supplyApyPct >= 0)) throw new VenusConfigError(`supply APY ${p.supplyApyPct} % must be ≥ 0`);
  const supplyPerBlock = Math.expm1(Math.log1p(p.supplyApyPct / 100) / blocks);
  const borrowPerYear = (supplyPerBlock * blocks) / (p.utilization * (1 - reserveFactor));
  const multiplier = borrowPerYear / p.utilization;
  const capPerYear = (Number(VENUS_BORROW_RATE_MAX_PER_BLOCK) / 1e18) * blocks * 0.99;
  const atKink = multiplier * kink;
  if (atKink >= capPerYear) {
    throw new VenusConfigError(
      `a ${p.supplyApyPct} % supply APY at ${p.utilization * 100} % utilisation needs a ${(atKink * 100).toFixed(1)} %/year borrow rate at the kink, above Venus's cap at ${blocks} blocks a year`,
    );
  }
  const jump = Math.min(p.jumpMultiplierPerYear ?? 0.5, (capPerYear - atKink) / (1 - kink));
  const d18 = (x: number): bigint => BigInt(Math.round(x * 1e18));
  return {
    baseRatePerYear: 0n,
    multiplierPerYear: d18(multiplier),
    jumpMultiplierPerYear: d18(jump),
    kink: BigInt(Math.round(kink * 1e6)) * 10n ** 12n,
  };
}
