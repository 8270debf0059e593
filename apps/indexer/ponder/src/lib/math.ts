// Pure arithmetic of the indexer's figures (unit-tested in src/ledger.test.ts). Units as in the schema:
// {tok} raw token units, {share} raw share units, D18{USD} USD × 1e18.

export const WAD = 10n ** 18n;

/** D18{USD} = {tok} × D18{USD/tok} / 10^decimals. Down: a valuation never rounds in anyone's favour up. */
export function usdValue(amount: bigint, price: bigint, decimals: number): bigint {
  return (amount * price) / 10n ** BigInt(decimals);
}

/** D18{USD} of a basket of amounts; undefined when a needed price is missing. */
export function basketUsd(
  amounts: readonly bigint[],
  prices: ReadonlyArray<{ price: bigint; priceOk: boolean; decimals: number } | undefined>,
): bigint | undefined {
  let total = 0n;
  for (const [i, amount] of amounts.entries()) {
    if (amount === 0n) continue;
    const p = prices[i];
    if (p === undefined || !p.priceOk) return undefined;
    total += usdValue(amount, p.price, p.decimals);
  }
  return total;
}

/** {tok} Underlying of `vShares` at `rate` (D18{tok/vTok}), down, as Venus and the fund compute it. */
export const underlyingOf = (vShares: bigint, rate: bigint): bigint => (vShares * rate) / WAD;

/** A Venus position at one snapshot: the base of the next interval's interest. */
export type VenusBase = { vToken: string | null; vShares: bigint; rate: bigint };

/**
 * {tok} Interest earned between two snapshots by the position held at the first: vShares × Δrate.
 * The fund's vShares change only at its own events, and the fund is snapshotted at every block with an
 * event, so between two snapshots the position is the earlier one's; what changed within the later
 * block moved at that block's rate and earned nothing yet. This is the position's value change net of
 * supplies and withdrawals. Zero across a market change or an unreadable rate (0).
 */
export function interestBetween(base: VenusBase, now: VenusBase): bigint {
  if (base.vToken === null || now.vToken === null) return 0n;
  if (base.vToken.toLowerCase() !== now.vToken.toLowerCase()) return 0n;
  if (base.vShares === 0n || base.rate === 0n || now.rate === 0n) return 0n;
  return underlyingOf(base.vShares, now.rate) - underlyingOf(base.vShares, base.rate);
}

/** D18{USD}×1e18/{share}: the increment of interest per share for `interestUsd` earned by `supply`. */
export const perShare = (interestUsd: bigint, supply: bigint): bigint =>
  supply === 0n ? 0n : (interestUsd * WAD) / supply;

/** A holder's cost-basis ledger (average cost). */
export type Ledger = {
  shares: bigint;
  costBasisUsd: bigint;
  costKnown: boolean;
};

/** D18{USD} The average cost of `shares` out of a ledger that held `held` shares before they left. */
export function averageCost(costBasisUsd: bigint, shares: bigint, held: bigint): bigint {
  if (held === 0n) return 0n;
  if (shares >= held) return costBasisUsd;
  return (costBasisUsd * shares) / held;
}

/** D18{USD} Interest of `shares` held while the fund's interest per share went from `from` to `to`. */
export const interestOf = (shares: bigint, from: bigint, to: bigint): bigint => (shares * (to - from)) / WAD;
