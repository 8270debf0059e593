import { ponder } from "ponder:registry";
import { fund } from "ponder:schema";
import { addActivity, begin } from "./lib/store.js";

ponder.on("Factory:CreateFund", async ({ event, context }) => {
  const { db } = context;
  const { fund: address, creator, name, symbol } = event.args;
  await begin(db, address, event);
  await db.update(fund, { address }).set({
    factory: event.log.address,
    creator,
    name,
    symbol,
    createdBlock: event.block.number,
    createdAt: event.block.timestamp,
    createdTx: event.transaction.hash,
  });
  await addActivity(db, address, event, {
    kind: "create",
    caller: creator,
    account: creator,
    viaRouter: false,
    details: { name, symbol },
  });
});
