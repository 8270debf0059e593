// The indexer's tables, designed for the web app's pages: the fund page (NAV/share, TVL, composition, the
// charts), the portfolio (positions, cost basis, interest, P&L) and the activity feed. Units: {tok} raw
// token units, {share} raw share units (18 decimals), D18{USD} USD × 1e18, {bps} basis points.
import { index, onchainTable, primaryKey, relations } from "ponder";

/** One row per fund, kept current by its events and its latest snapshot. */
export const fund = onchainTable(
  "fund",
  (t) => ({
    address: t.hex().primaryKey(),
    factory: t.hex().notNull(),
    creator: t.hex().notNull(),
    name: t.text().notNull(),
    symbol: t.text().notNull(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    createdTx: t.hex().notNull(),
    assetCount: t.integer().notNull(),
    // Roles and parameters, from their events.
    owner: t.hex(),
    pendingOwner: t.hex(),
    guardian: t.hex(),
    keeper: t.hex(),
    feeRecipient: t.hex(),
    oracle: t.hex(),
    rebalancer: t.hex(),
    /** Basket index of the stablecoin sleeve (the rebalancer's STABLE_INDEX), once a rebalancer is set. */
    stableIndex: t.integer(),
    managementFeeBps: t.integer(),
    redeemFeeBps: t.integer(),
    rebalanceThresholdBps: t.integer(),
    rebalanceCooldown: t.integer(),
    rebalanceMaxLossBps: t.integer(),
    paused: t.boolean().notNull(),
    /** The fund's `rebalancing()`: a rebalance episode is open. */
    rebalancing: t.boolean().notNull(),
    /** {s} The fund's `lastRebalanceAt()`: when the last episode ended (0: never). */
    lastRebalanceAt: t.bigint().notNull(),
    /** The fund's episode bounds (SetEpisodeBounds): {s} least time between steps, {s} longest episode,
     * most steps, {bps} most value an episode may lose of its over-weight value at the start. */
    episodeMinStepInterval: t.integer(),
    episodeMaxDuration: t.integer(),
    episodeMaxSteps: t.integer(),
    episodeMaxLossBps: t.integer(),
    /** The current (or last) episode's id in `rebalance_episode` (null: none yet). */
    episode: t.text(),
    /** {share} Totals from the fund's own events; sharesMinted − sharesRedeemed + fee shares = supply. */
    sharesMinted: t.bigint().notNull(),
    sharesRedeemed: t.bigint().notNull(),
    managementFeeShares: t.bigint().notNull(),
    redeemFeeShares: t.bigint().notNull(),
    /** Holders with a non-zero balance (the dead address included). */
    holders: t.integer().notNull(),
    /** Blocks whose state the node no longer held when they were indexed: no snapshot there. */
    missingSnapshots: t.integer().notNull(),
    // The latest snapshot.
    snapshotBlock: t.bigint(),
    snapshotAt: t.bigint(),
    totalSupply: t.bigint(),
    totalValue: t.bigint(),
    navPerShare: t.bigint(),
    /** D18{USD} Venus interest earned since creation, each interval valued at its closing prices. */
    interestUsd: t.bigint().notNull(),
    /** D18{USD} × 1e18 / {share}: interest per share, cumulative (positions checkpoint against it). */
    interestPerShare: t.bigint().notNull(),
  }),
  (table) => ({ factoryIdx: index().on(table.factory) }),
);

/** One row per fund asset: its configuration and cumulative Venus interest. */
export const fundAsset = onchainTable(
  "fund_asset",
  (t) => ({
    fund: t.hex().notNull(),
    index: t.integer().notNull(),
    token: t.hex().notNull(),
    symbol: t.text().notNull(),
    decimals: t.integer().notNull(),
    targetWeightBps: t.integer().notNull(),
    bufferBps: t.integer().notNull(),
    vToken: t.hex().notNull(),
    native: t.boolean().notNull(),
    yieldEnabled: t.boolean().notNull(),
    /** The guardian wrote its Venus position off (VenusWriteOff): it counts as zero in holdings. */
    writtenOff: t.boolean().notNull(),
    /** {tok} / D18{USD} Venus interest earned by this asset since the fund was created. */
    interestTok: t.bigint().notNull(),
    interestUsd: t.bigint().notNull(),
    /** The last snapshot's position, the base of the next interval's interest. */
    baseVToken: t.hex(),
    baseVShares: t.bigint().notNull(),
    baseRate: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.fund, table.index] }) }),
);

/**
 * The fund through the Lens at the end of a block: at every `snapshotInterval` blocks (`onGrid`) and at
 * every block where the fund emitted an event (so interest and cost basis use that block's rates and
 * prices). NAV/share chart: the `onGrid` rows.
 */
export const snapshot = onchainTable(
  "snapshot",
  (t) => ({
    fund: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    onGrid: t.boolean().notNull(),
    totalSupply: t.bigint().notNull(),
    totalSupplyWithFees: t.bigint().notNull(),
    /** D18{USD} 0 with pricesOk false when the oracle refused a price. */
    totalValue: t.bigint().notNull(),
    /** D18{USD/share} Against the supply including the accrued management fee. */
    navPerShare: t.bigint().notNull(),
    pricesOk: t.boolean().notNull(),
    /** False when a Venus position could not be valued (the Lens's `holdingsOk`): value and NAV are 0. */
    holdingsOk: t.boolean().notNull(),
    paused: t.boolean().notNull(),
    /** D18{USD} Cumulative Venus interest of the fund at this block. */
    interestUsd: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.fund, table.blockNumber] }),
    timeIdx: index().on(table.fund, table.timestamp),
  }),
);

/** One asset in one snapshot: holdings split idle vs on Venus, price, weight, the market's state. */
export const assetSnapshot = onchainTable(
  "asset_snapshot",
  (t) => ({
    fund: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    index: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    token: t.hex().notNull(),
    symbol: t.text().notNull(),
    decimals: t.integer().notNull(),
    /** {tok} */
    idle: t.bigint().notNull(),
    /** {vTok} */
    vShares: t.bigint().notNull(),
    /** {tok} Underlying of the vTokens, interest accrued to the block. */
    supplied: t.bigint().notNull(),
    holdings: t.bigint().notNull(),
    /** D18{USD/tok}; 0 with priceOk false when the oracle refused. */
    price: t.bigint().notNull(),
    priceOk: t.boolean().notNull(),
    /** D18{USD} */
    value: t.bigint().notNull(),
    weightBps: t.integer().notNull(),
    targetWeightBps: t.integer().notNull(),
    vToken: t.hex().notNull(),
    /** D18{tok/vTok} */
    exchangeRate: t.bigint().notNull(),
    /** D18{1/block} */
    supplyRatePerBlock: t.bigint().notNull(),
    venusCash: t.bigint().notNull(),
    supplyCap: t.bigint().notNull(),
    mintPaused: t.boolean().notNull(),
    redeemPaused: t.boolean().notNull(),
    /** {vTok} Owed to redeemers (escrow), not the fund's. */
    escrowed: t.bigint().notNull(),
    /** False when the market's rate cannot be read: `supplied` is 0 and the position is not valued. */
    positionOk: t.boolean().notNull(),
    /** Written off by the guardian: its vTokens count for nothing (paid pro-rata in kind on redeem). */
    writtenOff: t.boolean().notNull(),
    /** {tok} / D18{USD} Cumulative Venus interest of this asset at this block. */
    interestTok: t.bigint().notNull(),
    interestUsd: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.fund, table.blockNumber, table.index] }),
    assetIdx: index().on(table.fund, table.index, table.blockNumber),
  }),
);

/**
 * A holder's position in a fund. Shares follow the share token's Transfer events; cost basis is the USD
 * paid for the shares held (average cost): a mint adds what was paid (USDT spent through the router, or
 * the in-kind amounts × oracle prices at that block), a redeem removes its average cost and realises the
 * proceeds, a transfer moves the average cost with the shares, fee shares come at zero cost.
 */
export const position = onchainTable(
  "position",
  (t) => ({
    fund: t.hex().notNull(),
    holder: t.hex().notNull(),
    shares: t.bigint().notNull(),
    /** D18{USD} */
    costBasisUsd: t.bigint().notNull(),
    /** False when some shares were paid at a block whose prices could not be read. */
    costKnown: t.boolean().notNull(),
    depositedUsd: t.bigint().notNull(),
    withdrawnUsd: t.bigint().notNull(),
    realizedPnlUsd: t.bigint().notNull(),
    /** D18{USD} Venus interest earned by the shares held, up to `interestCheckpoint`. */
    interestUsd: t.bigint().notNull(),
    /** The fund's interestPerShare when `interestUsd` was last brought up to date. */
    interestCheckpoint: t.bigint().notNull(),
    firstBlock: t.bigint().notNull(),
    lastBlock: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.fund, table.holder] }),
    holderIdx: index().on(table.holder),
  }),
);

/**
 * The fund's activity feed, one row per event a person would want to read: seed, mint, redeem (through
 * the router: `viaRouter`, `stableAmount`), transfer, claim, sweep (one per transaction), rebalance
 * (details in rebalance_step), episodeStarted, episodeEnded (details in rebalance_episode), managementFee,
 * pause, unpause, venusExit, vTokenPayout, writeOff (a Venus position written off or counted again),
 * rebalanceDue, parameter (name in `parameter`, values in `details`).
 */
export const activity = onchainTable(
  "activity",
  (t) => ({
    id: t.text().primaryKey(),
    fund: t.hex().notNull(),
    kind: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    logIndex: t.integer().notNull(),
    /** Who sent it (msg.sender of the fund: the router for router flows). */
    caller: t.hex(),
    /** The holder it concerns: the minter's receiver, the redeemer (the router's user), the sender of a
     * transfer, the fee recipient. */
    account: t.hex(),
    receiver: t.hex(),
    shares: t.bigint(),
    /** {tok} Per basket index: paid in (mint, seed), owed out (redeem), supplied (sweep). */
    amounts: t.bigint().array(),
    /** D18{USD} Of the amounts at the block's prices (redeem: the proceeds; mint: what was paid). */
    valueUsd: t.bigint(),
    viaRouter: t.boolean().notNull(),
    /** {tok} USDT spent (router mint) or received (router redeem). */
    stableAmount: t.bigint(),
    feeShares: t.bigint(),
    parameter: t.text(),
    /** Event-specific values, bigints as decimal strings. */
    details: t.json(),
  }),
  (table) => ({
    fundIdx: index().on(table.fund, table.blockNumber),
    accountIdx: index().on(table.account),
    kindIdx: index().on(table.fund, table.kind),
  }),
);

/** One rebalance step: the fund's Rebalance event joined with its rebalancer's RebalanceStep. */
export const rebalanceStep = onchainTable(
  "rebalance_step",
  (t) => ({
    id: t.text().primaryKey(),
    fund: t.hex().notNull(),
    rebalancer: t.hex().notNull(),
    /** Who triggered the step (the keeper, or anyone after the public delay). */
    caller: t.hex(),
    byKeeper: t.boolean(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    /** {tok} Per basket index. */
    sent: t.bigint().array().notNull(),
    received: t.bigint().array().notNull(),
    /** {tok} USDT each buy could spend (the rebalancer's plan). */
    spend: t.bigint().array(),
    /** {tok} Supplied to Venus again after the step. */
    resupplied: t.bigint().array(),
    /** D18{USD} At the oracle's prices of the step. */
    valueBefore: t.bigint().notNull(),
    valueAfter: t.bigint().notNull(),
    tradedValue: t.bigint().notNull(),
    /** D18{USD} valueBefore − valueAfter (negative: the step gained). */
    lossUsd: t.bigint().notNull(),
    /** D18{USD} The fund's bound on it: tradedValue × maxLossBps. */
    boundUsd: t.bigint().notNull(),
    maxLossBps: t.integer().notNull(),
    complete: t.boolean().notNull(),
    /** The episode it belongs to (`rebalance_episode.id`) and its number there (1 = first step; null for
     * a step that traded nothing and closed the episode as stalled). */
    episode: t.text(),
    episodeStep: t.integer(),
  }),
  (table) => ({ fundIdx: index().on(table.fund, table.blockNumber) }),
);

/**
 * A rebalance episode: from RebalanceEpisodeStarted to RebalanceEpisodeEnded (completed, at its step cap,
 * stalled, or expired at its deadline), or to a change of the episode bounds or of the rebalancer (which
 * end an open episode without an event: `endReason` BoundsChanged / RebalancerChanged).
 */
export const rebalanceEpisode = onchainTable(
  "rebalance_episode",
  (t) => ({
    /** `<fund>-<startedAt>` */
    id: t.text().primaryKey(),
    fund: t.hex().notNull(),
    /** {s} The episode's id on-chain: the time of its first step. */
    startedAt: t.bigint().notNull(),
    startBlock: t.bigint().notNull(),
    startTx: t.hex().notNull(),
    /** D18{USD} What a full rebalance had to sell at the start. */
    overweightValue: t.bigint().notNull(),
    /** D18{USD} The most the episode may lose (maxLossBps × overweightValue). */
    lossBudget: t.bigint().notNull(),
    /** {s} No step after this. */
    deadline: t.bigint().notNull(),
    maxSteps: t.integer().notNull(),
    /** Steps that traded, and D18{USD} what they lost (each step's loss at its prices; gains do not
     * refill): counted from the steps while open, the fund's own figures from RebalanceEpisodeEnded. */
    steps: t.integer().notNull(),
    lost: t.bigint().notNull(),
    open: t.boolean().notNull(),
    /** Completed | MaxSteps | Stalled | Expired | BoundsChanged | RebalancerChanged; null while open. */
    endReason: t.text(),
    /** {s} When it ended (its deadline when it expired); the cooldown runs from it. */
    endedAt: t.bigint(),
    endBlock: t.bigint(),
    endTx: t.hex(),
  }),
  (table) => ({ fundIdx: index().on(table.fund, table.startedAt) }),
);

/** Every Venus movement of a fund: the audit trail behind the interest figures. */
export const venusFlow = onchainTable(
  "venus_flow",
  (t) => ({
    id: t.text().primaryKey(),
    fund: t.hex().notNull(),
    index: t.integer().notNull(),
    vToken: t.hex().notNull(),
    /** supply | supplySkipped | withdraw | withdrawFailed | exit | vTokenPayout | claim | writeOff |
     * countedAgain (the last two: `vTokens` the holders' position at that time) */
    kind: t.text().notNull(),
    /** {tok} */
    amount: t.bigint().notNull(),
    /** {vTok} */
    vTokens: t.bigint().notNull(),
    /** VenusOutcome name for skipped/failed/payout rows. */
    reason: t.text(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ fundIdx: index().on(table.fund, table.index, table.blockNumber) }),
);

/** A fund's rebalancer (the current one has `active`). */
export const rebalancer = onchainTable("rebalancer", (t) => ({
  address: t.hex().primaryKey(),
  fund: t.hex().notNull(),
  active: t.boolean().notNull(),
  stableIndex: t.integer().notNull(),
  /** {s} */
  publicDelay: t.integer().notNull(),
  stepInterval: t.integer().notNull(),
  /** {s} Since when the rule has called for a rebalance (0: not due). */
  dueSince: t.bigint().notNull(),
  /** {s} Longest gap between two observations of "due" (SetMaxPokeGap; null: not read). */
  maxPokeGap: t.integer(),
  attachedBlock: t.bigint().notNull(),
}));

/** A rebalancer's route for one basket index. */
export const route = onchainTable(
  "route",
  (t) => ({
    rebalancer: t.hex().notNull(),
    index: t.integer().notNull(),
    fund: t.hex().notNull(),
    sellPath: t.hex().notNull(),
    buyPath: t.hex().notNull(),
    maxSlippageBps: t.integer().notNull(),
    /** D18{USD} */
    maxTradeValue: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.rebalancer, table.index] }) }),
);

/** Internal: the list of indexed funds (read by the snapshot handler without a table scan). */
export const registry = onchainTable("registry", (t) => ({
  id: t.text().primaryKey(),
  funds: t.hex().array().notNull(),
}));

/**
 * Internal: what one transaction told about a fund so far, to join events of one action that several
 * contracts emit (router + fund, fund + rebalancer).
 */
export const txContext = onchainTable("tx_context", (t) => ({
  id: t.text().primaryKey(),
  /** Router mint: what MintWithStable said before the fund's Mint. */
  routerMintCaller: t.hex(),
  routerMintReceiver: t.hex(),
  routerMintShares: t.bigint(),
  routerMintStableIn: t.bigint(),
  /** Router redeem: the holder whose shares the router took, and their average cost. */
  routerRedeemHolder: t.hex(),
  routerRedeemShares: t.bigint(),
  routerRedeemBasisUsd: t.bigint(),
  routerRedeemCostKnown: t.boolean(),
  /** The fund's Redeem activity row of this transaction. */
  redeemActivity: t.text(),
  /** The Rebalance step of this transaction (the rebalancer's RebalanceStep and the re-supply follow). */
  rebalanceStep: t.text(),
  /** The sweep activity row of this transaction. */
  sweepActivity: t.text(),
  /** The rebalance episode this transaction's step belongs to (started or ended by it). */
  episode: t.text(),
}));

export const fundRelations = relations(fund, ({ many }) => ({
  assets: many(fundAsset),
  snapshots: many(snapshot),
  positions: many(position),
  activities: many(activity),
  rebalanceSteps: many(rebalanceStep),
  rebalanceEpisodes: many(rebalanceEpisode),
}));
export const fundAssetRelations = relations(fundAsset, ({ one }) => ({
  fund: one(fund, { fields: [fundAsset.fund], references: [fund.address] }),
}));
export const snapshotRelations = relations(snapshot, ({ one, many }) => ({
  fund: one(fund, { fields: [snapshot.fund], references: [fund.address] }),
  assets: many(assetSnapshot),
}));
export const assetSnapshotRelations = relations(assetSnapshot, ({ one }) => ({
  snapshot: one(snapshot, {
    fields: [assetSnapshot.fund, assetSnapshot.blockNumber],
    references: [snapshot.fund, snapshot.blockNumber],
  }),
}));
export const positionRelations = relations(position, ({ one }) => ({
  fund: one(fund, { fields: [position.fund], references: [fund.address] }),
}));
export const activityRelations = relations(activity, ({ one }) => ({
  fund: one(fund, { fields: [activity.fund], references: [fund.address] }),
}));
export const rebalanceStepRelations = relations(rebalanceStep, ({ one }) => ({
  fund: one(fund, { fields: [rebalanceStep.fund], references: [fund.address] }),
}));
export const rebalanceEpisodeRelations = relations(rebalanceEpisode, ({ one }) => ({
  fund: one(fund, { fields: [rebalanceEpisode.fund], references: [fund.address] }),
}));
