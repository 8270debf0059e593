// Shared steps of the handlers: the fund row, the snapshot at a block (which also carries the interest
// forward), positions with their interest checkpoint, activity rows and the per-transaction join table.

import type { Context } from "ponder:registry";
import {
  activity,
  assetSnapshot,
  fund,
  fundAsset,
  position,
  registry,
  snapshot,
  txContext,
} from "ponder:schema";
import { venusOutcomeNames } from "@blocketf/abi";
import { type Address, type Hex, zeroAddress } from "viem";
import { readSettings } from "../../settings.js";
import { readFund } from "./chain.js";
import { interestBetween, interestOf, perShare, usdValue } from "./math.js";

export type Db = Context["db"];
export type FundRow = typeof fund.$inferSelect;
export type PositionRow = typeof position.$inferSelect;

/** What a handler needs of its event. */
export type EventRef = {
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex; from: Address };
  log: { logIndex: number; address: Address };
};

/** Prices and rates of one snapshot, per basket index. */
export type Quote = { price: bigint; priceOk: boolean; decimals: number; exchangeRate: bigint };

/** The fund's VenusOutcome by its number. */
export const outcomeName = (code: number): string => venusOutcomeNames[code] ?? `Outcome${code}`;

/**
 * A plain copy of a row the store returned: Ponder's rows are live views of its cache, so a row read
 * before an update would show the updated values afterwards.
 */
export const detach = <T extends object>(row: T): T => ({ ...row });

export const activityId = (ev: EventRef): string => `${ev.transaction.hash}-${ev.log.logIndex}`;
const txKey = (ev: EventRef, fundAddress: Address): string => `${ev.transaction.hash}-${fundAddress}`;

/** Bigints as decimal strings, for json columns. */
export function plain(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/**
 * The fund's row, created on its first event: the fund's constructor emits its configuration events
 * before the factory's CreateFund, in the same transaction.
 */
export async function ensureFund(db: Db, address: Address, ev: EventRef): Promise<FundRow> {
  const row = await db.find(fund, { address });
  if (row !== null) return detach(row);
  const created = await db.insert(fund).values({
    address,
    factory: readSettings().factory,
    creator: ev.transaction.from,
    name: "",
    symbol: "",
    createdBlock: ev.block.number,
    createdAt: ev.block.timestamp,
    createdTx: ev.transaction.hash,
    assetCount: 0,
    paused: false,
    rebalancing: false,
    lastRebalanceAt: 0n,
    episode: null,
    sharesMinted: 0n,
    sharesRedeemed: 0n,
    managementFeeShares: 0n,
    redeemFeeShares: 0n,
    holders: 0,
    missingSnapshots: 0,
    interestUsd: 0n,
    interestPerShare: 0n,
  });
  const list = await db.find(registry, { id: "funds" });
  if (list === null) await db.insert(registry).values({ id: "funds", funds: [address] });
  else await db.update(registry, { id: "funds" }).set({ funds: [...list.funds, address] });
  return detach(created);
}

/** True for the fund's configuration events emitted by its constructor (summarised by "create"). */
export const inCreation = (f: FundRow, ev: EventRef): boolean => f.createdTx === ev.transaction.hash;

/** The prices and rates of the fund's snapshot at `blockNumber` (undefined if that state is gone). */
async function quotes(db: Db, f: FundRow, blockNumber: bigint): Promise<Quote[] | undefined> {
  const out: Quote[] = [];
  for (let index = 0; index < f.assetCount; index++) {
    const a = await db.find(assetSnapshot, { fund: f.address, blockNumber, index });
    if (a === null) return undefined;
    out.push({ price: a.price, priceOk: a.priceOk, decimals: a.decimals, exchangeRate: a.exchangeRate });
  }
  return out;
}

/**
 * The fund through the Lens at the end of `block`, once per block: inserted at the grid and at the first
 * event of the fund in any block, before that event changes anything, so the interest of the interval
 * ending here goes to the shares held before it. Returns the block's quotes.
 */
export async function ensureSnapshot(
  db: Db,
  address: Address,
  block: { number: bigint; timestamp: bigint },
  onGrid: boolean,
): Promise<Quote[] | undefined> {
  const key = { fund: address, blockNumber: block.number };
  const existing = await db.find(snapshot, key);
  const found = await db.find(fund, { address });
  if (found === null) return undefined;
  const f = detach(found);
  if (existing !== null) {
    if (onGrid && !existing.onGrid) await db.update(snapshot, key).set({ onGrid: true });
    return quotes(db, f, block.number);
  }
  if (f.snapshotBlock !== null && f.snapshotBlock > block.number) return undefined;
  const lens = await readFund(address, block.number);
  if (lens === undefined) {
    console.warn(`blocketf-indexer: no state for ${address} at block ${block.number}: snapshot skipped`);
    await db.update(fund, { address }).set({ missingSnapshots: f.missingSnapshots + 1 });
    return undefined;
  }

  let fundInterest = 0n;
  const rows: (typeof assetSnapshot.$inferInsert)[] = [];
  for (const [index, a] of lens.assets.entries()) {
    const vToken = a.vToken === zeroAddress ? null : a.vToken;
    // A position Venus cannot value now, or one written off, earns nothing the fund can count: its
    // interval's interest is zero, and so is the next one's (the rate is unknown at this end).
    const rate = a.positionOk && !a.writtenOff ? a.exchangeRate : 0n;
    const found = await db.find(fundAsset, { fund: address, index });
    const asset = found === null ? null : detach(found);
    const interestTok =
      asset === null
        ? 0n
        : interestBetween(
            { vToken: asset.baseVToken, vShares: asset.baseVShares, rate: asset.baseRate },
            { vToken, vShares: a.vShares, rate },
          );
    const interestUsd = a.priceOk ? usdValue(interestTok, a.price, a.decimals) : 0n;
    fundInterest += interestUsd;
    const cumulativeTok = (asset?.interestTok ?? 0n) + interestTok;
    const cumulativeUsd = (asset?.interestUsd ?? 0n) + interestUsd;
    const base = { baseVToken: vToken, baseVShares: a.vShares, baseRate: rate };
    const config = {
      token: a.token,
      symbol: a.symbol,
      decimals: a.decimals,
      targetWeightBps: a.weightBps,
      bufferBps: a.bufferBps,
      vToken: a.vToken,
      native: a.native,
      yieldEnabled: a.yieldEnabled,
      writtenOff: a.writtenOff,
    };
    if (asset === null) {
      await db.insert(fundAsset).values({
        fund: address,
        index,
        ...config,
        interestTok: cumulativeTok,
        interestUsd: cumulativeUsd,
        ...base,
      });
    } else {
      await db
        .update(fundAsset, { fund: address, index })
        .set({ ...config, interestTok: cumulativeTok, interestUsd: cumulativeUsd, ...base });
    }
    rows.push({
      fund: address,
      blockNumber: block.number,
      index,
      timestamp: block.timestamp,
      token: a.token,
      symbol: a.symbol,
      decimals: a.decimals,
      idle: a.idle,
      vShares: a.vShares,
      supplied: a.supplied,
      holdings: a.holdings,
      price: a.price,
      priceOk: a.priceOk,
      value: a.value,
      weightBps: Number(a.currentWeightBps),
      targetWeightBps: a.weightBps,
      vToken: a.vToken,
      exchangeRate: a.exchangeRate,
      supplyRatePerBlock: a.supplyRatePerBlock,
      venusCash: a.venusCash,
      supplyCap: a.supplyCap,
      mintPaused: a.mintPaused,
      redeemPaused: a.redeemPaused,
      escrowed: a.escrowed,
      positionOk: a.positionOk,
      writtenOff: a.writtenOff,
      interestTok: cumulativeTok,
      interestUsd: cumulativeUsd,
    });
  }
  await db.insert(assetSnapshot).values(rows);
  const interestUsd = f.interestUsd + fundInterest;
  // The interval's interest belongs to the shares outstanding at its start (the previous snapshot's).
  const interestPerShare = f.interestPerShare + perShare(fundInterest, f.totalSupply ?? 0n);
  await db.insert(snapshot).values({
    ...key,
    timestamp: block.timestamp,
    onGrid,
    totalSupply: lens.totalSupply,
    totalSupplyWithFees: lens.totalSupplyWithFees,
    totalValue: lens.totalValue,
    navPerShare: lens.navPerShare,
    pricesOk: lens.pricesOk,
    holdingsOk: lens.holdingsOk,
    paused: lens.paused,
    interestUsd,
  });
  await db.update(fund, { address }).set({
    assetCount: lens.assets.length,
    snapshotBlock: block.number,
    snapshotAt: block.timestamp,
    totalSupply: lens.totalSupply,
    totalValue: lens.totalValue,
    navPerShare: lens.navPerShare,
    interestUsd,
    interestPerShare,
  });
  return lens.assets.map((a) => ({
    price: a.price,
    priceOk: a.priceOk,
    decimals: a.decimals,
    exchangeRate: a.exchangeRate,
  }));
}

/** The fund row and the block's quotes: every fund handler starts here. */
export async function begin(
  db: Db,
  address: Address,
  ev: EventRef,
): Promise<{ f: FundRow; quotes: Quote[] | undefined }> {
  await ensureFund(db, address, ev);
  const q = await ensureSnapshot(db, address, ev.block, false);
  const f = await db.find(fund, { address });
  if (f === null) throw new Error(`fund ${address} vanished`);
  return { f: detach(f), quotes: q };
}

/**
 * A holder's position with its interest brought up to the fund's current interest per share (to be done
 * before its shares change). Created empty on first touch.
 */
export async function touchPosition(db: Db, f: FundRow, holder: Address, ev: EventRef): Promise<PositionRow> {
  const key = { fund: f.address, holder };
  const row = await db.find(position, key);
  if (row === null) {
    const created = await db.insert(position).values({
      ...key,
      shares: 0n,
      costBasisUsd: 0n,
      costKnown: true,
      depositedUsd: 0n,
      withdrawnUsd: 0n,
      realizedPnlUsd: 0n,
      interestUsd: 0n,
      interestCheckpoint: f.interestPerShare,
      firstBlock: ev.block.number,
      lastBlock: ev.block.number,
    });
    return detach(created);
  }
  if (row.interestCheckpoint === f.interestPerShare) return detach(row);
  const updated = await db.update(position, key).set({
    interestUsd: row.interestUsd + interestOf(row.shares, row.interestCheckpoint, f.interestPerShare),
    interestCheckpoint: f.interestPerShare,
  });
  return detach(updated);
}

/** Writes a position's new figures and keeps the fund's holder count. */
export async function savePosition(
  db: Db,
  before: PositionRow,
  next: Partial<Omit<PositionRow, "fund" | "holder">>,
  ev: EventRef,
): Promise<void> {
  const key = { fund: before.fund, holder: before.holder };
  await db.update(position, key).set({ ...next, lastBlock: ev.block.number });
  const shares = next.shares ?? before.shares;
  const delta = (shares > 0n ? 1 : 0) - (before.shares > 0n ? 1 : 0);
  if (delta !== 0) {
    await db.update(fund, { address: before.fund }).set((row) => ({ holders: row.holders + delta }));
  }
}

/** D18{USD} Of `amount` of basket index `index` at the block's quotes; undefined without a price. */
export function quoteUsd(quotes: Quote[] | undefined, index: number, amount: bigint): bigint | undefined {
  if (amount === 0n) return 0n;
  const q = quotes?.[index];
  if (q === undefined || !q.priceOk) return undefined;
  return usdValue(amount, q.price, q.decimals);
}

export type ActivityInsert = Omit<
  typeof activity.$inferInsert,
  "id" | "fund" | "blockNumber" | "timestamp" | "txHash" | "logIndex"
>;

export async function addActivity(db: Db, fundAddress: Address, ev: EventRef, row: ActivityInsert) {
  return db
    .insert(activity)
    .values({
      id: activityId(ev),
      fund: fundAddress,
      blockNumber: ev.block.number,
      timestamp: ev.block.timestamp,
      txHash: ev.transaction.hash,
      logIndex: ev.log.logIndex,
      ...row,
    })
    .onConflictDoNothing();
}

/** A parameter change, unless the fund's constructor emitted it. */
export async function addParameter(
  db: Db,
  f: FundRow,
  ev: EventRef,
  parameter: string,
  details: Record<string, unknown>,
): Promise<void> {
  if (inCreation(f, ev)) return;
  await addActivity(db, f.address, ev, {
    kind: "parameter",
    caller: ev.transaction.from,
    parameter,
    viaRouter: false,
    details: plain(details),
  });
}

export type TxContextRow = typeof txContext.$inferSelect;

/** What this transaction has told about the fund so far. */
export async function getTx(db: Db, ev: EventRef, fundAddress: Address): Promise<TxContextRow | null> {
  const row = await db.find(txContext, { id: txKey(ev, fundAddress) });
  return row === null ? null : detach(row);
}

export async function setTx(
  db: Db,
  ev: EventRef,
  fundAddress: Address,
  values: Partial<Omit<TxContextRow, "id">>,
): Promise<void> {
  await db
    .insert(txContext)
    .values({ id: txKey(ev, fundAddress), ...values })
    .onConflictDoUpdate(values);
}
