import { BPS_BIG } from "./constants.js";

/**
 * {bps} `sweep` supplies only an excess over the buffer of at least this share of the asset's holdings
 * (the contracts' `ConstantsLib.MIN_SWEEP_BPS`), so repeated sweeps do not churn dust.
 */
export const MIN_SWEEP_BPS = 1n;

export type SweepExcessParameters = {
  /** {tok} Idle tokens the fund holds for the asset. */
  readonly idle: bigint;
  /** {tok} Idle plus the Venus position at the accrued rate. */
  readonly holdings: bigint;
  /** {bps} Share of the holdings kept idle. */
  readonly bufferBps: number;
};

/**
 * {tok} What `BlockETF.sweep` would supply of one asset (before Venus's own caps and pauses): the idle
 * amount above the buffer `ceil(holdings * bufferBps / 10000)`, or 0 when it is below `MIN_SWEEP_BPS` of
 * the holdings. Mirrors `BlockETF._sweepAsset`.
 */
export function sweepExcess(p: SweepExcessParameters): bigint {
  // {tok} = {tok} * {bps} / {bps}; Up: the buffer is kept whole.
  const keep = (p.holdings * BigInt(p.bufferBps) + BPS_BIG - 1n) / BPS_BIG;
  if (p.idle <= keep) return 0n;
  const excess = p.idle - keep;
  if (excess * BPS_BIG < p.holdings * MIN_SWEEP_BPS) return 0n;
  return excess;
}
