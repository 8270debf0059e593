// Chart series from the indexer's history: NAV per share against the same basket without Venus yield and
// against V1 (the basket without the stablecoin sleeve, bought and held: CT5 never rebalanced), Venus
// interest by asset, weights against targets. Floats here are for drawing only.
import type { AssetSnapshot, FundHistory, RebalanceStepRow, Snapshot } from "../history/indexer.js";
import { toNumber } from "../lib/format.js";

const WAD = 10n ** 18n;
const DAY = 86_400;

export type NavPoint = {
  /** {s} */
  readonly t: number;
  /** USD per share. */
  readonly nav: number;
  /** The fund without the Venus interest it earned (NAV − interest per share). */
  readonly withoutYield: number;
  /** V1: the same assets without the sleeve, bought at the first point's NAV and held, no yield. */
  readonly v1: number | null;
};

/** D18{USD/share} Interest earned per share since the first snapshot, cumulative at each snapshot. */
export function interestPerShare(snapshots: readonly Snapshot[]): bigint[] {
  let cumulative = 0n;
  return snapshots.map((s, i) => {
    const before = snapshots[i - 1];
    if (before !== undefined && before.totalSupply > 0n) {
      // D18{USD/share} = D18{USD} * 1e18 / {share}: earned over the interval by the shares at its start.
      cumulative += ((s.interestUsd - before.interestUsd) * WAD) / before.totalSupply;
    }
    return cumulative;
  });
}

/** Groups asset snapshots by block. */
function byBlock(assets: readonly AssetSnapshot[]): Map<bigint, AssetSnapshot[]> {
  const map = new Map<bigint, AssetSnapshot[]>();
  for (const a of assets) {
    const list = map.get(a.blockNumber);
    if (list === undefined) map.set(a.blockNumber, [a]);
    else list.push(a);
  }
  return map;
}

export function navSeries(h: FundHistory, stableIndex: number | undefined): NavPoint[] {
  const snaps = h.snapshots.filter((s) => s.pricesOk && s.totalSupply > 0n);
  const perShare = interestPerShare(snaps);
  const rows = byBlock(h.assets);
  const first = snaps[0];
  const firstAssets = first === undefined ? undefined : rows.get(first.blockNumber);
  // V1 units per share: the non-stable targets renormalised to 100 %, bought at the first NAV.
  let units: Map<number, number> | undefined;
  if (first !== undefined && firstAssets !== undefined) {
    const risky = firstAssets.filter((a) => a.index !== stableIndex && a.price > 0n);
    const weightSum = risky.reduce((s, a) => s + a.targetWeightBps, 0);
    if (weightSum > 0) {
      const nav0 = toNumber(first.navPerShare);
      units = new Map(
        risky.map((a) => [a.index, (nav0 * a.targetWeightBps) / weightSum / toNumber(a.price)] as const),
      );
    }
  }
  return snaps.map((s, i) => {
    const nav = toNumber(s.navPerShare);
    let v1: number | null = null;
    const assets = rows.get(s.blockNumber);
    if (units !== undefined && assets !== undefined) {
      let value = 0;
      let complete = true;
      for (const [index, u] of units) {
        const a = assets.find((x) => x.index === index);
        if (a === undefined || a.price === 0n) complete = false;
        else value += u * toNumber(a.price);
      }
      v1 = complete ? value : null;
    }
    return { t: s.timestamp, nav, withoutYield: nav - toNumber(perShare[i] ?? 0n), v1 };
  });
}

export type StackPoint = { readonly t: number } & Record<string, number>;

/** Cumulative Venus interest in USD per asset (by symbol) at each snapshot. */
export function interestByAsset(h: FundHistory): { points: StackPoint[]; symbols: string[] } {
  const symbols = [...new Set(h.assets.map((a) => a.symbol))];
  const points: StackPoint[] = [];
  for (const [, assets] of byBlock(h.assets)) {
    const first = assets[0];
    if (first === undefined) continue;
    const point: Record<string, number> = { t: first.timestamp };
    for (const a of assets) point[a.symbol] = toNumber(a.interestUsd);
    points.push(point as StackPoint);
  }
  return { points, symbols };
}

export type WeightSeries = {
  readonly points: StackPoint[];
  readonly symbols: string[];
  readonly targets: Record<string, number>;
  /** {s} When rebalance steps happened. */
  readonly markers: readonly { t: number; complete: boolean }[];
};

/** Each asset's weight (%) at each snapshot, its target, and the rebalance steps as markers. */
export function weightSeries(h: FundHistory): WeightSeries {
  const symbols = [...new Set(h.assets.map((a) => a.symbol))];
  const targets: Record<string, number> = {};
  const points: StackPoint[] = [];
  for (const [, assets] of byBlock(h.assets)) {
    const first = assets[0];
    if (first === undefined) continue;
    const point: Record<string, number> = { t: first.timestamp };
    for (const a of assets) {
      point[a.symbol] = a.weightBps / 100;
      targets[a.symbol] = a.targetWeightBps / 100;
    }
    points.push(point as StackPoint);
  }
  const markers = h.steps.map((s: RebalanceStepRow) => ({ t: s.timestamp, complete: s.complete }));
  return { points, symbols, targets, markers };
}

export type RealisedYield = {
  /** Annualised fraction: interest earned over the window / average NAV × 365 / days covered. */
  readonly apy: number;
  /** D18{USD} */
  readonly interestUsd: bigint;
  /** Days of history actually covered (less than asked when the fund or the index is younger). */
  readonly days: number;
};

/** The yield the fund actually earned over the last `days` days of history; undefined without 2 points. */
export function realisedYield(snapshots: readonly Snapshot[], days: number): RealisedYield | undefined {
  const snaps = snapshots.filter((s) => s.pricesOk && s.totalValue > 0n);
  const last = snaps.at(-1);
  if (last === undefined) return undefined;
  const from = last.timestamp - days * DAY;
  const window = snaps.filter((s) => s.timestamp >= from);
  const start = window[0];
  if (start === undefined || start === last) return undefined;
  const covered = (last.timestamp - start.timestamp) / DAY;
  if (covered <= 0) return undefined;
  const interestUsd = last.interestUsd - start.interestUsd;
  const averageNav = window.reduce((sum, s) => sum + toNumber(s.totalValue), 0) / window.length;
  if (averageNav === 0) return undefined;
  return { apy: (toNumber(interestUsd) / averageNav) * (365 / covered), interestUsd, days: covered };
}
