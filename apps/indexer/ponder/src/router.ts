// The USDT router: a mint paid in USDT and a redeem paid out in USDT, joined with the fund's own events
// of the same transaction (the router's MintWithStable comes before the fund's Mint, RedeemToStable after
// the fund's Redeem).
import { ponder } from "ponder:registry";
import { activity, fund } from "ponder:schema";
import { underlyingOf } from "./lib/math.js";
import {
  detach,
  ensureSnapshot,
  getTx,
  plain,
  quoteUsd,
  savePosition,
  setTx,
  touchPosition,
} from "./lib/store.js";

ponder.on("Router:MintWithStable", async ({ event, context }) => {
  const { db } = context;
  const { fund: address, caller, receiver, shares, stableIn } = event.args;
  if ((await db.find(fund, { address })) === null) return;
  await setTx(db, event, address, {
    routerMintCaller: caller,
    routerMintReceiver: receiver,
    routerMintShares: shares,
    routerMintStableIn: stableIn,
  });
});

ponder.on("Router:RedeemToStable", async ({ event, context }) => {
  const { db } = context;
  const { fund: address, caller, receiver, shares, stableOut, vTokens } = event.args;
  const found = await db.find(fund, { address });
  const f = found === null ? null : detach(found);
  const tx = await getTx(db, event, address);
  if (f === null || tx?.routerRedeemHolder == null || tx.redeemActivity == null) return;
  const quotes = await ensureSnapshot(db, address, event.block, false);
  // What the holder got: the USDT, and any vTokens passed on because Venus could not pay (at their rate).
  let proceeds = f.stableIndex === null ? undefined : quoteUsd(quotes, f.stableIndex, stableOut);
  for (const [i, v] of vTokens.entries()) {
    const q = quotes?.[i];
    const value = q === undefined ? undefined : quoteUsd(quotes, i, underlyingOf(v, q.exchangeRate));
    proceeds = proceeds === undefined || value === undefined ? undefined : proceeds + value;
  }
  const basis = tx.routerRedeemBasisUsd ?? 0n;
  const pos = await touchPosition(db, f, tx.routerRedeemHolder, event);
  await savePosition(
    db,
    pos,
    {
      costKnown: pos.costKnown && proceeds !== undefined && tx.routerRedeemCostKnown !== false,
      withdrawnUsd: pos.withdrawnUsd + (proceeds ?? 0n),
      realizedPnlUsd: pos.realizedPnlUsd + (proceeds ?? basis) - basis,
    },
    event,
  );
  const row = await db.find(activity, { id: tx.redeemActivity });
  await db.update(activity, { id: tx.redeemActivity }).set({
    caller,
    account: tx.routerRedeemHolder,
    receiver,
    viaRouter: true,
    stableAmount: stableOut,
    valueUsd: proceeds ?? null,
    details: plain({
      router: event.log.address,
      routerShares: shares,
      vTokens,
      costBasisUsd: basis,
      basketValueUsd: row?.valueUsd ?? null,
    }) as object,
  });
  await setTx(db, event, address, { routerRedeemHolder: null });
});
