// Rebalance steps (the fund's Rebalance event, then its rebalancer's RebalanceStep in the same
// transaction) and the rebalancer's own parameters.
import { ponder } from "ponder:registry";
import { activity, fund, rebalanceEpisode, rebalancer, rebalanceStep, route } from "ponder:schema";
import type { Address } from "viem";
import { addActivity, begin, type Db, detach, type EventRef, getTx, plain, setTx } from "./lib/store.js";

const BPS = 10_000n;

ponder.on("Fund:Rebalance", async ({ event, context }) => {
  const { db } = context;
  const { rebalancer: by, sent, received, valueBefore, valueAfter, tradedValue, complete } = event.args;
  const { f } = await begin(db, event.log.address, event);
  const maxLossBps = f.rebalanceMaxLossBps ?? 0;
  const id = `${event.transaction.hash}-${event.log.logIndex}`;
  const loss = valueBefore - valueAfter;
  // The episode of this step: the one it started or ended (RebalanceEpisodeStarted / Ended come first in
  // the transaction), else the fund's open one.
  const tx = await getTx(db, event, f.address);
  const found = await db.find(rebalanceEpisode, { id: tx?.episode ?? f.episode ?? "" });
  const episode = found === null ? null : detach(found);
  let episodeStep: number | null = null;
  if (episode !== null && tradedValue > 0n) {
    if (episode.open) {
      // Each step's loss at its own prices; a gain does not refill the budget (RebalanceLib).
      episodeStep = episode.steps + 1;
      await db
        .update(rebalanceEpisode, { id: episode.id })
        .set({ steps: episodeStep, lost: episode.lost + (loss > 0n ? loss : 0n) });
    } else {
      // It ended with this step (completed, or at its step cap): the fund's count includes it.
      episodeStep = episode.steps;
    }
  }
  await db.insert(rebalanceStep).values({
    id,
    fund: f.address,
    rebalancer: by,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
    sent: [...sent],
    received: [...received],
    valueBefore,
    valueAfter,
    tradedValue,
    lossUsd: loss,
    boundUsd: (tradedValue * BigInt(maxLossBps)) / BPS,
    maxLossBps,
    complete,
    episode: episode?.id ?? null,
    episodeStep,
  });
  // As the fund: rebalancing while the current episode is open; when it is not, the last rebalance is
  // when it ended (its deadline if it expired).
  const current = await db.find(rebalanceEpisode, { id: f.episode ?? "" });
  const open = current?.open === true;
  await db.update(fund, { address: f.address }).set({
    rebalancing: open,
    ...(!open && current?.endedAt != null ? { lastRebalanceAt: current.endedAt } : {}),
  });
  await setTx(db, event, f.address, { rebalanceStep: id });
  await addActivity(db, f.address, event, {
    kind: "rebalance",
    caller: by,
    amounts: [...sent],
    valueUsd: tradedValue,
    viaRouter: false,
    details: plain({
      stepId: id,
      received,
      lossUsd: loss,
      complete,
      episode: episode?.id ?? null,
      episodeStep,
    }) as object,
  });
});

/** The rebalancer's row if it belongs to an indexed fund (any contract may emit SetRebalancer). */
async function known(db: Db, address: Address) {
  const row = await db.find(rebalancer, { address });
  return row === null ? null : detach(row);
}

ponder.on("Rebalancer:RebalanceStep", async ({ event, context }) => {
  const { db } = context;
  const r = await known(db, event.log.address);
  if (r === null) return;
  const tx = await getTx(db, event, r.fund);
  if (tx?.rebalanceStep == null) return;
  const f = await db.find(fund, { address: r.fund });
  const byKeeper = f?.keeper != null && f.keeper.toLowerCase() === event.args.caller.toLowerCase();
  await db.update(rebalanceStep, { id: tx.rebalanceStep }).set({
    caller: event.args.caller,
    byKeeper,
    spend: [...event.args.spend],
  });
  await db
    .update(activity, { id: tx.rebalanceStep })
    .set({ caller: event.args.caller, account: event.args.caller });
});

async function rebalancerParameter(
  db: Db,
  ev: EventRef,
  parameter: string,
  details: Record<string, unknown>,
): Promise<Address | null> {
  const r = await known(db, ev.log.address);
  if (r === null) return null;
  await addActivity(db, r.fund, ev, {
    kind: "parameter",
    caller: ev.transaction.from,
    parameter,
    viaRouter: false,
    details: plain({ rebalancer: ev.log.address, ...details }) as object,
  });
  return r.fund;
}

ponder.on("Rebalancer:RebalanceDue", async ({ event, context }) => {
  const { db } = context;
  const r = await known(db, event.log.address);
  if (r === null) return;
  await db.update(rebalancer, { address: r.address }).set({ dueSince: event.args.since });
  await addActivity(db, r.fund, event, {
    kind: "rebalanceDue",
    caller: event.transaction.from,
    viaRouter: false,
    details: { since: event.args.since.toString() },
  });
});

ponder.on("Rebalancer:SetRoute", async ({ event, context }) => {
  const { db } = context;
  const { index, sellPath, buyPath, maxSlippageBps, maxTradeValue } = event.args;
  const fundAddress = await rebalancerParameter(db, event, "route", { ...event.args });
  if (fundAddress === null) return;
  const values = { fund: fundAddress, sellPath, buyPath, maxSlippageBps, maxTradeValue };
  await db
    .insert(route)
    .values({ rebalancer: event.log.address, index: Number(index), ...values })
    .onConflictDoUpdate(values);
});

ponder.on("Rebalancer:SetPublicDelay", async ({ event, context }) => {
  const { db } = context;
  if ((await rebalancerParameter(db, event, "publicDelay", { ...event.args })) === null) return;
  await db.update(rebalancer, { address: event.log.address }).set({ publicDelay: event.args.delay });
});

ponder.on("Rebalancer:SetMaxPokeGap", async ({ event, context }) => {
  const { db } = context;
  if ((await rebalancerParameter(db, event, "maxPokeGap", { ...event.args })) === null) return;
  await db.update(rebalancer, { address: event.log.address }).set({ maxPokeGap: event.args.gap });
});

ponder.on("Rebalancer:SetStepInterval", async ({ event, context }) => {
  const { db } = context;
  if ((await rebalancerParameter(db, event, "stepInterval", { ...event.args })) === null) return;
  await db.update(rebalancer, { address: event.log.address }).set({ stepInterval: event.args.interval });
});
