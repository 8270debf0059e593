// Rebalance episodes: the fund bounds a whole rebalance (least time between steps, loss budget, most
// steps, deadline). RebalanceLib emits RebalanceEpisodeStarted / RebalanceEpisodeEnded in the fund's name,
// before the fund's Rebalance event of the same step; SetEpisodeBounds and SetRebalancer end an open
// episode without an event of its own.
import { ponder } from "ponder:registry";
import { fund, rebalanceEpisode } from "ponder:schema";
import { closeOpenEpisode, endReasonName, episodeId } from "./lib/episode.js";
import { addActivity, addParameter, begin, plain, setTx } from "./lib/store.js";

ponder.on("Fund:RebalanceEpisodeStarted", async ({ event, context }) => {
  const { db } = context;
  const { startedAt, overweightValue, lossBudget, deadline, maxSteps } = event.args;
  const { f } = await begin(db, event.log.address, event);
  const id = episodeId(f.address, startedAt);
  const values = {
    fund: f.address,
    startedAt,
    startBlock: event.block.number,
    startTx: event.transaction.hash,
    overweightValue,
    lossBudget,
    deadline,
    maxSteps: Number(maxSteps),
    steps: 0,
    lost: 0n,
    open: true,
    endReason: null,
    endedAt: null,
    endBlock: null,
    endTx: null,
  };
  await db
    .insert(rebalanceEpisode)
    .values({ id, ...values })
    .onConflictDoUpdate(values);
  await db.update(fund, { address: f.address }).set({ episode: id, rebalancing: true });
  await setTx(db, event, f.address, { episode: id });
  await addActivity(db, f.address, event, {
    kind: "episodeStarted",
    caller: event.transaction.from,
    valueUsd: overweightValue,
    viaRouter: false,
    details: plain({ episode: id, startedAt, overweightValue, lossBudget, deadline, maxSteps }) as object,
  });
});

ponder.on("Fund:RebalanceEpisodeEnded", async ({ event, context }) => {
  const { db } = context;
  const { startedAt, reason, steps, lost, lossBudget, endedAt } = event.args;
  const { f } = await begin(db, event.log.address, event);
  const id = episodeId(f.address, startedAt);
  const name = endReasonName(reason);
  // The fund's own books are the truth: its step count and loss replace what the steps added up to (the
  // test suite checks that they agree).
  if ((await db.find(rebalanceEpisode, { id })) !== null) {
    await db.update(rebalanceEpisode, { id }).set({
      steps: Number(steps),
      lost,
      lossBudget,
      open: false,
      endReason: name,
      endedAt,
      endBlock: event.block.number,
      endTx: event.transaction.hash,
    });
  }
  // An expired episode is reported by the next step, which then starts its own: that step is not its.
  if (name !== "Expired") await setTx(db, event, f.address, { episode: id });
  await addActivity(db, f.address, event, {
    kind: "episodeEnded",
    caller: event.transaction.from,
    valueUsd: lost,
    viaRouter: false,
    details: plain({ episode: id, startedAt, reason: name, steps, lost, lossBudget, endedAt }) as object,
  });
});

ponder.on("Fund:SetEpisodeBounds", async ({ event, context }) => {
  const { db } = context;
  const { minStepInterval, maxDuration, maxSteps, maxLossBps } = event.args;
  const { f } = await begin(db, event.log.address, event);
  const ended = await closeOpenEpisode(db, f.address, event, "BoundsChanged");
  await db.update(fund, { address: f.address }).set({
    episodeMinStepInterval: minStepInterval,
    episodeMaxDuration: maxDuration,
    episodeMaxSteps: maxSteps,
    episodeMaxLossBps: maxLossBps,
    rebalancing: false,
  });
  await addParameter(db, f, event, "episodeBounds", {
    minStepInterval,
    maxDuration,
    maxSteps,
    maxLossBps,
    endedEpisode: ended,
  });
});
