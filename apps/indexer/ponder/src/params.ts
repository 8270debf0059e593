// Roles, parameters and pauses: kept current on the fund's rows and listed in the activity feed (the
// constructor's own configuration events are summarised by the "create" row instead).
import { ponder } from "ponder:registry";
import { fund, fundAsset, rebalancer, route } from "ponder:schema";
import { type Address, zeroAddress } from "viem";
import { readRebalancer } from "./lib/chain.js";
import { closeOpenEpisode } from "./lib/episode.js";
import { addActivity, addParameter, begin, type Db, inCreation } from "./lib/store.js";

async function setAsset(
  db: Db,
  address: Address,
  index: bigint,
  values: Partial<typeof fundAsset.$inferInsert>,
): Promise<void> {
  const key = { fund: address, index: Number(index) };
  if ((await db.find(fundAsset, key)) !== null) await db.update(fundAsset, key).set(values);
}

ponder.on("Fund:AssetAdded", async ({ event, context }) => {
  const { db } = context;
  const { config, index, native, token } = event.args;
  const { f } = await begin(db, event.log.address, event);
  const values = {
    token,
    targetWeightBps: config.weightBps,
    bufferBps: config.bufferBps,
    vToken: config.vToken,
    native,
    yieldEnabled: config.vToken !== zeroAddress,
  };
  // Usually the creation block's snapshot has made the row already; without that block's state (a node
  // that pruned it), the constructor's events are what tells the basket.
  const key = { fund: f.address, index: Number(index) };
  if ((await db.find(fundAsset, key)) === null) {
    await db.insert(fundAsset).values({
      ...key,
      ...values,
      symbol: "",
      decimals: 0,
      writtenOff: false,
      interestTok: 0n,
      interestUsd: 0n,
      baseVToken: null,
      baseVShares: 0n,
      baseRate: 0n,
    });
  } else {
    await db.update(fundAsset, key).set(values);
  }
  if (f.assetCount <= Number(index))
    await db.update(fund, { address: f.address }).set({ assetCount: Number(index) + 1 });
});

ponder.on("Fund:SetTargetWeights", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  for (const [i, w] of event.args.weightsBps.entries()) {
    await setAsset(db, f.address, BigInt(i), { targetWeightBps: w });
  }
  await addParameter(db, f, event, "targetWeights", { weightsBps: event.args.weightsBps });
});

ponder.on("Fund:SetBuffer", async ({ event, context }) => {
  const { db } = context;
  const { index, bufferBps } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await setAsset(db, f.address, index, { bufferBps });
  await addParameter(db, f, event, "buffer", { index: Number(index), bufferBps });
});

ponder.on("Fund:SetVenusMarket", async ({ event, context }) => {
  const { db } = context;
  const { index, vToken, native } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await setAsset(db, f.address, index, { vToken, native, yieldEnabled: vToken !== zeroAddress });
  await addParameter(db, f, event, "venusMarket", { index: Number(index), vToken, native });
});

ponder.on("Fund:SetYieldEnabled", async ({ event, context }) => {
  const { db } = context;
  const { index, enabled } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await setAsset(db, f.address, index, { yieldEnabled: enabled });
  await addParameter(db, f, event, "yieldEnabled", { index: Number(index), enabled });
});

ponder.on("Fund:SetManagementFee", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ managementFeeBps: event.args.feeBps });
  await addParameter(db, f, event, "managementFee", { feeBps: event.args.feeBps });
});

ponder.on("Fund:SetRedeemFee", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ redeemFeeBps: event.args.feeBps });
  await addParameter(db, f, event, "redeemFee", { feeBps: event.args.feeBps });
});

ponder.on("Fund:SetFeeRecipient", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ feeRecipient: event.args.recipient });
  await addParameter(db, f, event, "feeRecipient", { recipient: event.args.recipient });
});

ponder.on("Fund:SetGuardian", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ guardian: event.args.guardian });
  await addParameter(db, f, event, "guardian", { guardian: event.args.guardian });
});

ponder.on("Fund:SetKeeper", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ keeper: event.args.keeper });
  await addParameter(db, f, event, "keeper", { keeper: event.args.keeper });
});

ponder.on("Fund:SetOracle", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ oracle: event.args.oracle });
  await addParameter(db, f, event, "oracle", { oracle: event.args.oracle });
});

ponder.on("Fund:SetRebalanceRule", async ({ event, context }) => {
  const { db } = context;
  const { thresholdBps, cooldown, maxLossBps } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({
    rebalanceThresholdBps: thresholdBps,
    rebalanceCooldown: cooldown,
    rebalanceMaxLossBps: maxLossBps,
  });
  await addParameter(db, f, event, "rebalanceRule", { thresholdBps, cooldown, maxLossBps });
});

ponder.on("Fund:SetRebalancer", async ({ event, context }) => {
  const { db } = context;
  const next = event.args.rebalancer;
  const { f } = await begin(db, event.log.address, event);
  // A new rebalancer starts under the rule: the fund ends an open episode (without an event).
  const ended = await closeOpenEpisode(db, f.address, event, "RebalancerChanged");
  if (f.rebalancer !== null && (await db.find(rebalancer, { address: f.rebalancer })) !== null) {
    await db.update(rebalancer, { address: f.rebalancer }).set({ active: false });
  }
  let stableIndex: number | null = null;
  if (next !== zeroAddress) {
    // Its routes and delays were set before it was attached: read them as they are at this block.
    const state = await readRebalancer(next, f.assetCount, event.block.number);
    stableIndex = state?.stableIndex ?? null;
    const values = {
      fund: f.address,
      active: true,
      stableIndex: state?.stableIndex ?? 0,
      publicDelay: state?.publicDelay ?? 0,
      stepInterval: state?.stepInterval ?? 0,
      dueSince: state?.dueSince ?? 0n,
      maxPokeGap: state?.maxPokeGap ?? null,
      attachedBlock: event.block.number,
    };
    await db
      .insert(rebalancer)
      .values({ address: next, ...values })
      .onConflictDoUpdate(values);
    for (const r of state?.routes ?? []) {
      await db
        .insert(route)
        .values({ rebalancer: next, ...r, fund: f.address })
        .onConflictDoUpdate({
          sellPath: r.sellPath,
          buyPath: r.buyPath,
          maxSlippageBps: r.maxSlippageBps,
          maxTradeValue: r.maxTradeValue,
        });
    }
  }
  await db
    .update(fund, { address: f.address })
    .set({ rebalancer: next === zeroAddress ? null : next, stableIndex, rebalancing: false });
  await addParameter(db, f, event, "rebalancer", { rebalancer: next, endedEpisode: ended });
});

ponder.on("Fund:Paused", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ paused: true });
  await addActivity(db, f.address, event, { kind: "pause", caller: event.args.caller, viaRouter: false });
});

ponder.on("Fund:Unpaused", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ paused: false });
  await addActivity(db, f.address, event, { kind: "unpause", caller: event.args.caller, viaRouter: false });
});

ponder.on("Fund:OwnershipTransferStarted", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ pendingOwner: event.args.newOwner });
  await addParameter(db, f, event, "ownershipTransferStarted", { ...event.args });
});

ponder.on("Fund:OwnershipTransferred", async ({ event, context }) => {
  const { db } = context;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ owner: event.args.newOwner, pendingOwner: null });
  if (!inCreation(f, event)) await addParameter(db, f, event, "owner", { ...event.args });
});
