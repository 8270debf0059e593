// The indexer's HTTP API: GraphQL (/graphql), SQL over HTTP for @ponder/client (/sql/*) and the
// portfolio of one holder with value and P&L at the latest snapshot (/portfolio/:holder). Ponder itself
// serves /health, /ready, /status and /metrics. Documented in apps/indexer/README.md.
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { client, eq, graphql } from "ponder";
import { isAddress } from "viem";
import { portfolioEntry } from "../lib/portfolio.js";

/** GraphQL's tables: the internal registry and per-transaction join table are left out. */
const { registry: _registry, txContext: _txContext, ...published } = schema;

const app = new Hono();

app.use("/graphql", graphql({ db, schema: published }));
// The SQL client gets every table: its live queries are notified of writes to all of them.
app.use("/sql/*", client({ db, schema }));

app.get("/portfolio/:holder", async (c) => {
  const holder = c.req.param("holder");
  if (!isAddress(holder, { strict: false })) return c.json({ error: `not an address: ${holder}` }, 400);
  const rows = await db
    .select()
    .from(schema.position)
    .innerJoin(schema.fund, eq(schema.position.fund, schema.fund.address))
    .where(eq(schema.position.holder, holder.toLowerCase() as `0x${string}`));
  return c.json({
    holder: holder.toLowerCase(),
    positions: rows.map((r) => portfolioEntry(r.position, r.fund)),
  });
});

export default app;
