// A holder's position valued at the fund's latest snapshot (pure; served by /portfolio/:holder).
import { interestOf, WAD } from "./math.js";

type PositionFigures = {
  fund: `0x${string}`;
  holder: `0x${string}`;
  shares: bigint;
  costBasisUsd: bigint;
  costKnown: boolean;
  depositedUsd: bigint;
  withdrawnUsd: bigint;
  realizedPnlUsd: bigint;
  interestUsd: bigint;
  interestCheckpoint: bigint;
  firstBlock: bigint;
};
type FundFigures = {
  symbol: string;
  name: string;
  navPerShare: bigint | null;
  interestPerShare: bigint;
  snapshotBlock: bigint | null;
  snapshotAt: bigint | null;
};

/** Figures in D18{USD} and {share}, as decimal strings (JSON has no bigint). */
export function portfolioEntry(p: PositionFigures, f: FundFigures) {
  const nav = f.navPerShare ?? 0n;
  const valueUsd = (p.shares * nav) / WAD;
  const interestUsd = p.interestUsd + interestOf(p.shares, p.interestCheckpoint, f.interestPerShare);
  return {
    fund: p.fund,
    name: f.name,
    symbol: f.symbol,
    shares: p.shares.toString(),
    navPerShare: nav.toString(),
    valueUsd: valueUsd.toString(),
    costBasisUsd: p.costBasisUsd.toString(),
    costKnown: p.costKnown,
    // Without a known cost (a price missing when some shares were paid) there is no honest P&L.
    unrealizedPnlUsd: p.costKnown ? (valueUsd - p.costBasisUsd).toString() : null,
    realizedPnlUsd: p.realizedPnlUsd.toString(),
    interestUsd: interestUsd.toString(),
    depositedUsd: p.depositedUsd.toString(),
    withdrawnUsd: p.withdrawnUsd.toString(),
    firstBlock: p.firstBlock.toString(),
    asOfBlock: f.snapshotBlock?.toString() ?? null,
    asOfTimestamp: f.snapshotAt?.toString() ?? null,
  };
}
