// Holders' flows: seed, mint, redeem, share transfers, fee shares, claims. Share balances follow the share
// token's Transfer events (so positions always sum to totalSupply); the fund's own events add what a
// Transfer cannot say: what was paid, what was received, and the totals that reconcile with the chain.
import { ponder } from "ponder:registry";
import { fund } from "ponder:schema";
import { isAddressEqual, zeroAddress } from "viem";
import { isRouter, readSettings } from "../settings.js";
import { averageCost, basketUsd } from "./lib/math.js";
import {
  addActivity,
  begin,
  getTx,
  plain,
  quoteUsd,
  savePosition,
  setTx,
  touchPosition,
} from "./lib/store.js";

ponder.on("Fund:Transfer", async ({ event, context }) => {
  const { db } = context;
  const { from, to, value } = event.args;
  const { f } = await begin(db, event.log.address, event);
  if (from !== zeroAddress) {
    const sender = await touchPosition(db, f, from, event);
    const moved = to === zeroAddress ? 0n : averageCost(sender.costBasisUsd, value, sender.shares);
    await savePosition(
      db,
      sender,
      { shares: sender.shares - value, costBasisUsd: sender.costBasisUsd - moved },
      event,
    );
    if (to !== zeroAddress) {
      const receiver = await touchPosition(db, f, to, event);
      await savePosition(
        db,
        receiver,
        {
          shares: receiver.shares + value,
          costBasisUsd: receiver.costBasisUsd + moved,
          costKnown: receiver.costKnown && sender.costKnown,
        },
        event,
      );
      if (isRouter(readSettings(), to)) {
        // The router's redeemToStable takes the holder's shares first: its RedeemToStable realises them.
        await setTx(db, event, f.address, {
          routerRedeemHolder: from,
          routerRedeemShares: value,
          routerRedeemBasisUsd: moved,
          routerRedeemCostKnown: sender.costKnown,
        });
      } else {
        await addActivity(db, f.address, event, {
          kind: "transfer",
          caller: event.transaction.from,
          account: from,
          receiver: to,
          shares: value,
          viaRouter: false,
          details: { costBasisUsd: moved.toString() },
        });
      }
    }
  } else if (to !== zeroAddress) {
    // A mint: Seed, Mint or a fee event follows and says what was paid (fee shares: nothing).
    const receiver = await touchPosition(db, f, to, event);
    await savePosition(db, receiver, { shares: receiver.shares + value }, event);
  }
});

ponder.on("Fund:Seed", async ({ event, context }) => {
  const { db } = context;
  const { receiver, shares, amounts } = event.args;
  const { f, quotes } = await begin(db, event.log.address, event);
  const paid = basketUsd(amounts, quotes ?? []);
  await db.update(fund, { address: f.address }).set({ sharesMinted: f.sharesMinted + shares });
  // The seeder paid for all the seed's shares, the locked ones included.
  const pos = await touchPosition(db, f, receiver, event);
  await savePosition(
    db,
    pos,
    {
      costBasisUsd: pos.costBasisUsd + (paid ?? 0n),
      costKnown: pos.costKnown && paid !== undefined,
      depositedUsd: pos.depositedUsd + (paid ?? 0n),
    },
    event,
  );
  await addActivity(db, f.address, event, {
    kind: "seed",
    caller: event.transaction.from,
    account: receiver,
    receiver,
    shares,
    amounts: [...amounts],
    valueUsd: paid ?? null,
    viaRouter: false,
  });
});

ponder.on("Fund:Mint", async ({ event, context }) => {
  const { db } = context;
  const { caller, receiver, shares, amounts } = event.args;
  const { f, quotes } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ sharesMinted: f.sharesMinted + shares });
  const inKind = basketUsd(amounts, quotes ?? []);
  // Through the router the holder paid USDT: that, not the basket's oracle value, is the cost.
  const tx = await getTx(db, event, f.address);
  const viaRouter =
    tx?.routerMintStableIn != null &&
    tx.routerMintReceiver != null &&
    isAddressEqual(tx.routerMintReceiver, receiver) &&
    tx.routerMintShares === shares &&
    f.stableIndex !== null;
  const paid =
    viaRouter && f.stableIndex !== null
      ? quoteUsd(quotes, f.stableIndex, tx?.routerMintStableIn ?? 0n)
      : inKind;
  const pos = await touchPosition(db, f, receiver, event);
  await savePosition(
    db,
    pos,
    {
      costBasisUsd: pos.costBasisUsd + (paid ?? 0n),
      costKnown: pos.costKnown && paid !== undefined,
      depositedUsd: pos.depositedUsd + (paid ?? 0n),
    },
    event,
  );
  await addActivity(db, f.address, event, {
    kind: "mint",
    caller: viaRouter ? (tx?.routerMintCaller ?? caller) : caller,
    account: receiver,
    receiver,
    shares,
    amounts: [...amounts],
    valueUsd: paid ?? null,
    viaRouter,
    stableAmount: viaRouter ? (tx?.routerMintStableIn ?? null) : null,
    details: plain({ router: viaRouter ? caller : null, basketValueUsd: inKind ?? null }) as object,
  });
});

ponder.on("Fund:Redeem", async ({ event, context }) => {
  const { db } = context;
  const { caller, receiver, shares, feeShares, amounts } = event.args;
  const { f, quotes } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({
    sharesRedeemed: f.sharesRedeemed + shares,
    redeemFeeShares: f.redeemFeeShares + feeShares,
  });
  const proceeds = basketUsd(amounts, quotes ?? []);
  // The burn already left the caller's position; its average cost leaves with it.
  const pos = await touchPosition(db, f, caller, event);
  const basis = averageCost(pos.costBasisUsd, shares, pos.shares + shares);
  const tx = await getTx(db, event, f.address);
  const routerFlow = isRouter(readSettings(), caller) && tx?.routerRedeemHolder != null;
  await savePosition(
    db,
    pos,
    routerFlow
      ? { costBasisUsd: pos.costBasisUsd - basis }
      : {
          costBasisUsd: pos.costBasisUsd - basis,
          costKnown: pos.costKnown && proceeds !== undefined,
          withdrawnUsd: pos.withdrawnUsd + (proceeds ?? 0n),
          realizedPnlUsd: pos.realizedPnlUsd + (proceeds ?? basis) - basis,
        },
    event,
  );
  if (routerFlow)
    await setTx(db, event, f.address, { redeemActivity: `${event.transaction.hash}-${event.log.logIndex}` });
  await addActivity(db, f.address, event, {
    kind: "redeem",
    caller,
    account: routerFlow ? tx?.routerRedeemHolder : caller,
    receiver,
    shares,
    feeShares,
    amounts: [...amounts],
    valueUsd: proceeds ?? null,
    viaRouter: routerFlow,
    details: plain({ costBasisUsd: routerFlow ? tx?.routerRedeemBasisUsd : basis }) as object,
  });
});

ponder.on("Fund:ManagementFeeAccrued", async ({ event, context }) => {
  const { db } = context;
  const { recipient, shares, elapsed } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await db.update(fund, { address: f.address }).set({ managementFeeShares: f.managementFeeShares + shares });
  await addActivity(db, f.address, event, {
    kind: "managementFee",
    caller: event.transaction.from,
    account: recipient,
    receiver: recipient,
    shares,
    // At the NAV per share before this block (fee shares dilute every holder by this much).
    valueUsd: f.navPerShare === null ? null : (shares * f.navPerShare) / 10n ** 18n,
    viaRouter: false,
    details: { elapsed: elapsed.toString() },
  });
});

ponder.on("Fund:Claim", async ({ event, context }) => {
  const { db } = context;
  const { account, vToken, receiver, amount, vTokens } = event.args;
  const { f } = await begin(db, event.log.address, event);
  await addActivity(db, f.address, event, {
    kind: "claim",
    caller: account,
    account,
    receiver,
    viaRouter: false,
    details: { vToken, amount: amount.toString(), vTokens: vTokens.toString() },
  });
});
