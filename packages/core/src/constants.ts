/** {bps} One whole in basis points; target weights sum to it (the contracts' `ConstantsLib.BPS`). */
export const BPS = 10_000;

/** {bps} `BPS` as a bigint, for the D18 USD maths. */
export const BPS_BIG = 10_000n;

/** {s} One year as the contracts count it (`ConstantsLib.YEAR = 365 days`). */
export const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Returned by the decision functions when no asset triggers a rebalance. */
export const NO_TRIGGER = -1;
