// The fund's Venus movements: the audit trail behind the interest figures, and the sweep and vToken
// payout rows of the activity feed.
import { ponder } from "ponder:registry";
import { activity, fundAsset, rebalanceStep, venusFlow } from "ponder:schema";
import type { Address } from "viem";
import {
  addActivity,
  begin,
  type Db,
  type EventRef,
  type FundRow,
  getTx,
  outcomeName,
  setTx,
} from "./lib/store.js";

async function flow(
  db: Db,
  f: FundRow,
  ev: EventRef,
  row: { index: bigint; vToken: Address; kind: string; amount: bigint; vTokens: bigint; reason?: number },
): Promise<void> {
  await db.insert(venusFlow).values({
    id: `${ev.transaction.hash}-${ev.log.logIndex}`,
    fund: f.address,
    index: Number(row.index),
    vToken: row.vToken,
    kind: row.kind,
    amount: row.amount,
    vTokens: row.vTokens,
    reason: row.reason === undefined ? null : outcomeName(row.reason),
    blockNumber: ev.block.number,
    timestamp: ev.block.timestamp,
    txHash: ev.transaction.hash,
  });
}

/** Adds `amount` at `index` of a per-asset array, dense (no hole even if the asset count is not known). */
const added = (list: readonly bigint[] | null | undefined, n: number, index: number, amount: bigint) => {
  const length = Math.max(n, index + 1, list?.length ?? 0);
  const out = Array.from({ length }, (_, i) => list?.[i] ?? 0n);
  out[index] = (out[index] ?? 0n) + amount;
  return out;
};

ponder.on("Fund:Supply", async ({ event, context }) => {
  const { db } = context;
  const { index, vToken, amount, vTokens } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await flow(db, f, event, { index, vToken, kind: "supply", amount, vTokens });
  // Only sweep() and a rebalance step (re-supplying what it bought) supply.
  const tx = await getTx(db, event, f.address);
  if (tx?.rebalanceStep != null) {
    const step = await db.find(rebalanceStep, { id: tx.rebalanceStep });
    await db
      .update(rebalanceStep, { id: tx.rebalanceStep })
      .set({ resupplied: added(step?.resupplied, f.assetCount, Number(index), amount) });
    return;
  }
  if (tx?.sweepActivity != null) {
    const row = await db.find(activity, { id: tx.sweepActivity });
    await db
      .update(activity, { id: tx.sweepActivity })
      .set({ amounts: added(row?.amounts, f.assetCount, Number(index), amount) });
    return;
  }
  await addActivity(db, f.address, event, {
    kind: "sweep",
    caller: event.transaction.from,
    amounts: added([], f.assetCount, Number(index), amount),
    viaRouter: false,
  });
  await setTx(db, event, f.address, { sweepActivity: `${event.transaction.hash}-${event.log.logIndex}` });
});

ponder.on("Fund:SupplySkipped", async ({ event, context }) => {
  const { db } = context;
  const { index, vToken, amount, reason } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await flow(db, f, event, { index, vToken, kind: "supplySkipped", amount, vTokens: 0n, reason });
});

ponder.on("Fund:Withdraw", async ({ event, context }) => {
  const { db } = context;
  const { index, vToken, amount, vTokens } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await flow(db, f, event, { index, vToken, kind: "withdraw", amount, vTokens });
});

ponder.on("Fund:WithdrawFailed", async ({ event, context }) => {
  const { db } = context;
  const { index, vToken, amount, reason } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await flow(db, f, event, { index, vToken, kind: "withdrawFailed", amount, vTokens: 0n, reason });
});

ponder.on("Fund:VenusExit", async ({ event, context }) => {
  const { db } = context;
  const { index, vToken, received, vSharesLeft } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await flow(db, f, event, { index, vToken, kind: "exit", amount: received, vTokens: vSharesLeft });
  await addActivity(db, f.address, event, {
    kind: "venusExit",
    caller: event.transaction.from,
    viaRouter: false,
    details: {
      index: Number(index),
      vToken,
      received: received.toString(),
      vSharesLeft: vSharesLeft.toString(),
    },
  });
});

ponder.on("Fund:RedeemInVTokens", async ({ event, context }) => {
  const { db } = context;
  const { receiver, index, vToken, vTokens, escrowed, reason } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await flow(db, f, event, { index, vToken, kind: "vTokenPayout", amount: 0n, vTokens, reason });
  await addActivity(db, f.address, event, {
    kind: "vTokenPayout",
    caller: event.transaction.from,
    account: receiver,
    receiver,
    viaRouter: false,
    details: {
      index: Number(index),
      vToken,
      vTokens: vTokens.toString(),
      escrowed,
      reason: outcomeName(reason),
    },
  });
});

ponder.on("Fund:VenusWriteOff", async ({ event, context }) => {
  const { db } = context;
  const { index, vToken, vShares, writtenOff } = event.args;
  const { f } = await begin(db, event.log.address, event);
  const key = { fund: f.address, index: Number(index) };
  if ((await db.find(fundAsset, key)) !== null) await db.update(fundAsset, key).set({ writtenOff });
  await flow(db, f, event, {
    index,
    vToken,
    kind: writtenOff ? "writeOff" : "countedAgain",
    amount: 0n,
    vTokens: vShares,
  });
  await addActivity(db, f.address, event, {
    kind: "writeOff",
    caller: event.transaction.from,
    viaRouter: false,
    details: { index: Number(index), vToken, vShares: vShares.toString(), writtenOff },
  });
});
