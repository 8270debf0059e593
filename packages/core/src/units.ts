const MICRO_TO_D18 = 1_000_000_000_000n;

/**
 * {D18 USD} A floating-point USD amount as D18 fixed point, kept to the micro-dollar (the backtest's
 * prices are floats; a micro-dollar is far below any trade that matters). Negative and non-finite
 * inputs are not values and map to 0.
 */
export function usdToD18(usd: number): bigint {
  if (!Number.isFinite(usd) || usd <= 0) return 0n;
  return BigInt(Math.round(usd * 1e6)) * MICRO_TO_D18;
}

/** {USD} A D18 USD amount as a float, for display and the backtest engine. */
export function d18ToUsd(valueUsd: bigint): number {
  const micro = valueUsd / MICRO_TO_D18;
  const rest = valueUsd % MICRO_TO_D18;
  return Number(micro) / 1e6 + Number(rest) / 1e18;
}
