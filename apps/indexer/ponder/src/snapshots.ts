// The fixed-interval snapshots: every indexed fund through the Lens at each grid block.
import { ponder } from "ponder:registry";
import { registry } from "ponder:schema";
import { ensureSnapshot } from "./lib/store.js";

ponder.on("Snapshot:block", async ({ event, context }) => {
  const { db } = context;
  const list = await db.find(registry, { id: "funds" });
  for (const address of list?.funds ?? []) {
    await ensureSnapshot(db, address, event.block, true);
  }
});
