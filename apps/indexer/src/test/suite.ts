// The indexer's integration suite, run once on PGlite and once on PostgreSQL (indexer.pglite.test.ts,
// indexer.postgres.test.ts): anvil with the real stack, the indexer following it, holder activity, then
// every figure checked against the chain itself; a restart that resumes; a reorg that is undone.
import {
  blockEtfAbi,
  blockEtfLensAbi,
  blockEtfRouterAbi,
  episodeEndNames,
  venusOutcomeNames,
} from "@blocketf/abi";
import { rawRpc } from "@blocketf/testkit";
import { type Address, getAddress, isAddressEqual, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dropIndexedChain } from "../identity.js";
import { type RunningIndexer, startIndexer } from "../start.js";
import { big, type Row, rows, sql } from "./api.js";
import {
  breakVenusRate,
  mine,
  mintInKind,
  mintWithUsdt,
  pauseAndUnpause,
  redeemInKind,
  redeemToUsdt,
  setEpisodeBounds,
  setManagementFee,
  setYieldEnabled,
  shockAndRebalance,
  startTestChain,
  sweep,
  TEST_SNAPSHOT_INTERVAL,
  type TestChain,
  transferShares,
  writeOffVenus,
} from "./chain.js";

export type Database = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
type Instance = { name: string; database: Database; indexer: RunningIndexer; logs: string[] };

const WAD = 10n ** 18n;
/** SOL's basket index: the market the scenario writes off. */
const SOL = 4;

/**
 * One chain, one indexer per database (PGlite always; PostgreSQL too when given), following it together:
 * every check runs against each, and both must serve the same tables.
 */
export function indexerSuite(
  databases: readonly { name: string; database: Database }[],
  chainId: number,
): void {
  describe(`indexer on ${databases.map((d) => d.name).join(" and ")}`, () => {
    let t: TestChain;
    let instances: Instance[] = [];
    const start = (name: string, database: Database, logs: string[]): Promise<RunningIndexer> =>
      startIndexer({
        deployment: t.deployment,
        // Test chains have their own ids: give them the devnet's spacing and polling.
        snapshotInterval: TEST_SNAPSHOT_INTERVAL,
        pollingIntervalMs: 200,
        rpcBuckets: 8,
        ...(database.kind === "postgres"
          ? { databaseUrl: database.url }
          : { databaseUrl: "", dataDir: database.dataDir }),
        log: (line) => logs.push(line),
      }).catch((error: unknown) => {
        throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      });
    const lens = (blockNumber?: bigint) =>
      t.admin.publicClient.readContract({
        address: t.stack.fundStack.lens,
        abi: blockEtfLensAbi,
        functionName: "getFund",
        args: [t.stack.fund],
        ...(blockNumber === undefined ? {} : { blockNumber }),
      });
    const caughtUp = async (): Promise<bigint> => {
      const head = await t.admin.publicClient.getBlockNumber({ cacheTime: 0 });
      await Promise.all(instances.map((i) => i.indexer.waitForBlock(head)));
      return head;
    };

    beforeAll(async () => {
      t = await startTestChain({ chainId });
      instances = await Promise.all(
        databases.map(async ({ name, database }) => {
          const logs: string[] = [];
          return { name, database, logs, indexer: await start(name, database, logs) };
        }),
      );
    });

    afterAll(async () => {
      await Promise.all(instances.map((i) => i.indexer.stop()));
      await t?.anvil.stop();
      for (const { database } of databases) {
        if (database.kind === "postgres")
          await dropIndexedChain({ kind: "postgres", url: database.url }, chainId);
      }
    });

    /** Positions sum to totalSupply, each equals balanceOf, and the event totals give totalSupply. */
    async function reconcileShares(url: string): Promise<void> {
      const supply = await t.admin.publicClient.readContract({
        address: t.stack.fund,
        abi: blockEtfAbi,
        functionName: "totalSupply",
      });
      const [f] = await rows(
        url,
        "funds",
        "sharesMinted sharesRedeemed managementFeeShares redeemFeeShares holders",
      );
      expect(f, "the fund is indexed").toBeDefined();
      const fromEvents =
        big(f?.sharesMinted) - big(f?.sharesRedeemed) + big(f?.managementFeeShares) + big(f?.redeemFeeShares);
      expect(fromEvents, "minted - redeemed + fee shares = totalSupply").toBe(supply);
      const positions = await rows(url, "positions", "holder shares");
      expect(
        positions.reduce((s, p) => s + big(p.shares), 0n),
        "positions sum to totalSupply",
      ).toBe(supply);
      for (const p of positions) {
        const balance = await t.admin.publicClient.readContract({
          address: t.stack.fund,
          abi: blockEtfAbi,
          functionName: "balanceOf",
          args: [getAddress(p.holder as string)],
        });
        expect(big(p.shares), `shares of ${p.holder as string}`).toBe(balance);
      }
      expect(f?.holders).toBe(positions.filter((p) => big(p.shares) > 0n).length);
    }

    /** Every indexed asset snapshot at `blocks` equals the Lens's answer at that block. */
    async function reconcileHoldings(url: string, blocks: readonly bigint[]): Promise<void> {
      for (const blockNumber of blocks) {
        const chain = await lens(blockNumber);
        const [s] = await rows(
          url,
          "snapshots",
          "totalSupply totalValue navPerShare holdingsOk",
          `{ blockNumber: "${blockNumber}" }`,
        );
        expect(s, `snapshot at ${blockNumber}`).toBeDefined();
        expect(s?.holdingsOk).toBe(chain.holdingsOk);
        expect(big(s?.totalSupply)).toBe(chain.totalSupply);
        expect(big(s?.totalValue)).toBe(chain.totalValue);
        expect(big(s?.navPerShare)).toBe(chain.navPerShare);
        const assets = await rows(
          url,
          "assetSnapshots",
          "index idle vShares supplied holdings price weightBps exchangeRate positionOk writtenOff",
          `{ blockNumber: "${blockNumber}" }`,
        );
        expect(assets.length).toBe(chain.assets.length);
        for (const a of assets) {
          const c = chain.assets[a.index as number];
          expect(c, `asset ${a.index}`).toBeDefined();
          expect([big(a.idle), big(a.vShares), big(a.supplied), big(a.holdings), big(a.price)]).toEqual([
            c?.idle,
            c?.vShares,
            c?.supplied,
            c?.holdings,
            c?.price,
          ]);
          expect(BigInt(a.weightBps as number)).toBe(c?.currentWeightBps);
          expect(big(a.exchangeRate)).toBe(c?.exchangeRate);
          expect([a.positionOk, a.writtenOff]).toEqual([c?.positionOk, c?.writtenOff]);
        }
      }
    }

    const fundLogs = <
      const N extends
        | "RebalanceEpisodeStarted"
        | "RebalanceEpisodeEnded"
        | "VenusWriteOff"
        | "RedeemInVTokens",
    >(
      eventName: N,
      toBlock: bigint,
    ) =>
      t.admin.publicClient.getContractEvents({
        address: t.stack.fund,
        abi: blockEtfAbi,
        eventName,
        fromBlock: 0n,
        toBlock,
      });
    const fundRead = <const N extends "rebalanceEpisode" | "rebalancing" | "lastRebalanceAt">(
      functionName: N,
    ) => t.admin.publicClient.readContract({ address: t.stack.fund, abi: blockEtfAbi, functionName });

    /**
     * Episodes against the fund's own events and books: one row per RebalanceEpisodeStarted with its
     * figures, each RebalanceEpisodeEnded's reason, steps and loss; the indexed steps of each episode add up
     * to its step count and loss; the fund row's rebalancing, lastRebalanceAt and bounds are the chain's.
     */
    async function reconcileEpisodes(url: string, latest: bigint): Promise<void> {
      const [started, ended] = await Promise.all([
        fundLogs("RebalanceEpisodeStarted", latest),
        fundLogs("RebalanceEpisodeEnded", latest),
      ]);
      const episodes = await rows(
        url,
        "rebalanceEpisodes",
        "id startedAt overweightValue lossBudget deadline maxSteps steps lost open endReason endedAt",
      );
      expect(started.length, "episodes started").toBeGreaterThanOrEqual(2);
      expect(episodes.length).toBe(started.length);
      const byStart = (at: bigint | undefined) => episodes.find((e) => big(e.startedAt) === at);
      for (const l of started) {
        const e = byStart(l.args.startedAt);
        expect(e, `episode ${l.args.startedAt}`).toBeDefined();
        expect([big(e?.overweightValue), big(e?.lossBudget), big(e?.deadline), e?.maxSteps]).toEqual([
          l.args.overweightValue,
          l.args.lossBudget,
          l.args.deadline,
          Number(l.args.maxSteps),
        ]);
      }
      for (const l of ended) {
        const e = byStart(l.args.startedAt);
        expect([e?.endReason, e?.steps, big(e?.lost), big(e?.endedAt), e?.open]).toEqual([
          episodeEndNames[l.args.reason ?? 0],
          Number(l.args.steps),
          l.args.lost,
          l.args.endedAt,
          false,
        ]);
      }
      const steps = await rows(url, "rebalanceSteps", "episode episodeStep tradedValue lossUsd");
      for (const e of episodes) {
        const own = steps.filter((s) => s.episode === e.id && big(s.tradedValue) > 0n);
        expect(own.length, `${e.id}: steps`).toBe(e.steps);
        expect(own.map((s) => s.episodeStep as number).sort((a, b) => a - b)).toEqual(
          own.map((_, i) => i + 1),
        );
        const lost = own.reduce((sum, s) => sum + (big(s.lossUsd) > 0n ? big(s.lossUsd) : 0n), 0n);
        expect(lost, `${e.id}: loss = its steps' losses`).toBe(big(e.lost));
        expect(big(e.lost)).toBeLessThanOrEqual(big(e.lossBudget));
      }
      // The episode that the new bounds ended (no event of its own).
      expect(episodes.some((e) => e.endReason === "BoundsChanged")).toBe(true);
      const [chainEpisode, rebalancing, lastRebalanceAt] = await Promise.all([
        fundRead("rebalanceEpisode"),
        fundRead("rebalancing"),
        fundRead("lastRebalanceAt"),
      ]);
      const [f] = await rows(
        url,
        "funds",
        "rebalancing lastRebalanceAt episode episodeMinStepInterval episodeMaxDuration episodeMaxSteps episodeMaxLossBps",
      );
      expect([f?.rebalancing, big(f?.lastRebalanceAt)]).toEqual([rebalancing, lastRebalanceAt]);
      expect([
        f?.episodeMinStepInterval,
        f?.episodeMaxDuration,
        f?.episodeMaxSteps,
        f?.episodeMaxLossBps,
      ]).toEqual([
        chainEpisode.minStepInterval,
        chainEpisode.maxDuration,
        chainEpisode.maxSteps,
        chainEpisode.maxLossBps,
      ]);
      const current = episodes.find((e) => e.id === f?.episode);
      expect(big(current?.startedAt)).toBe(chainEpisode.startedAt);
      expect([current?.steps, big(current?.lost), big(current?.lossBudget)]).toEqual([
        chainEpisode.steps,
        chainEpisode.lost,
        chainEpisode.lossBudget,
      ]);
    }

    /** Write-offs and the vTokens paid because of them, against the fund's events. */
    async function reconcileVenusSafety(url: string, latest: bigint): Promise<void> {
      const [writeOffs, payouts] = await Promise.all([
        fundLogs("VenusWriteOff", latest),
        fundLogs("RedeemInVTokens", latest),
      ]);
      expect(writeOffs.map((l) => l.args.writtenOff)).toEqual([true, false]);
      const flows = (await rows(url, "venusFlows", "index kind vTokens reason blockNumber")).sort((a, b) =>
        Number(big(a.blockNumber) - big(b.blockNumber)),
      );
      expect(
        flows
          .filter((f) => f.kind === "writeOff" || f.kind === "countedAgain")
          .map((f) => [f.kind, big(f.vTokens)]),
      ).toEqual(writeOffs.map((l) => [l.args.writtenOff ? "writeOff" : "countedAgain", l.args.vShares]));
      const paid = flows.filter((f) => f.kind === "vTokenPayout");
      expect(paid.length).toBe(payouts.length);
      expect(
        payouts.some((l) => venusOutcomeNames[l.args.reason ?? 0] === "WrittenOff"),
        "a payout because of the write-off",
      ).toBe(true);
      for (const l of payouts) {
        const row = paid.find((f) => f.index === Number(l.args.index) && big(f.vTokens) === l.args.vTokens);
        expect(row?.reason, "the payout's reason").toBe(venusOutcomeNames[l.args.reason ?? 0]);
      }
      const [asset] = await rows(url, "fundAssets", "writtenOff", `{ index: ${SOL} }`);
      expect(asset?.writtenOff).toBe(false);
    }

    /** Every figure of the first scenario against the chain. */
    async function checkHistory(
      url: string,
      ctx: {
        head: bigint;
        minted: { block: bigint; shares: bigint };
        routerMintBlock: bigint;
        steps: number;
        /** Blocks where the SOL position was written off and counted again. */
        writeOff: { off: bigint; on: bigint };
      },
    ): Promise<void> {
      const { head, minted, routerMintBlock, steps, writeOff } = ctx;
      await reconcileShares(url);

      // Holdings: the latest snapshot, the grid ones and those at events, each equal to the Lens there.
      const snaps = await rows(url, "snapshots", "blockNumber onGrid");
      expect(
        snaps.some((s) => s.onGrid === true),
        "grid snapshots",
      ).toBe(true);
      const blocks = snaps.map((s) => big(s.blockNumber)).sort((a, b) => (a < b ? -1 : 1));
      const latest = blocks[blocks.length - 1] ?? 0n;
      expect(latest).toBeGreaterThan(head - 100n);
      await reconcileHoldings(url, [
        ...blocks.filter((_, i) => i % 4 === 0),
        writeOff.off,
        writeOff.on,
        latest,
      ]);

      // Interest per asset: the position's growth net of supplies and withdrawals, from the chain's own logs.
      const final = await lens(latest);
      const [supplies, withdrawals] = await Promise.all(
        (["Supply", "Withdraw"] as const).map((eventName) =>
          t.admin.publicClient.getContractEvents({
            address: t.stack.fund,
            abi: blockEtfAbi,
            eventName,
            fromBlock: 0n,
            toBlock: latest,
          }),
        ),
      );
      const assets = await rows(url, "fundAssets", "index symbol interestTok interestUsd");
      let someInterest = false;
      for (const a of assets) {
        const i = a.index as number;
        // SOL's written-off vTokens left through a payout (no Withdraw), and its interest while Venus could
        // not value it is not counted: checked below instead.
        if (i === SOL) continue;
        const ofAsset = (logs: typeof supplies) =>
          (logs ?? []).filter((l) => l.args.index === BigInt(i)).map((l) => l.args.amount ?? 0n);
        const inFlows = ofAsset(supplies);
        const outFlows = ofAsset(withdrawals);
        const c = final.assets[i];
        const independent =
          (c?.supplied ?? 0n) - inFlows.reduce((s, x) => s + x, 0n) + outFlows.reduce((s, x) => s + x, 0n);
        // Venus truncates each mint and redeem to whole vTokens: at most one vToken's worth per flow.
        const tolerance = BigInt(inFlows.length + outFlows.length + 1) * ((c?.exchangeRate ?? 0n) / WAD + 2n);
        const diff = big(a.interestTok) - independent;
        expect(diff < 0n ? -diff : diff, `${a.symbol} interest vs position growth`).toBeLessThanOrEqual(
          tolerance,
        );
        if (big(a.interestTok) > 0n) someInterest = true;
      }
      expect(someInterest, "Venus paid interest").toBe(true);
      const sol = await rows(
        url,
        "assetSnapshots",
        "blockNumber interestTok positionOk writtenOff",
        `{ index: ${SOL}, blockNumber_gte: "${writeOff.off}", blockNumber_lte: "${writeOff.on}" }`,
      );
      expect(sol.length, "snapshots while written off").toBeGreaterThan(1);
      // Written off, the position is not read: it counts as zero (the Lens's positionOk stays true).
      expect(sol.some((r) => r.writtenOff === true && r.positionOk === true)).toBe(true);
      expect(new Set(sol.map((r) => r.interestTok)).size, "no interest counted while unvalued").toBe(1);
      await reconcileVenusSafety(url, latest);
      await reconcileEpisodes(url, latest);

      // Cost basis: what the holder paid, from the chain: the in-kind amounts at the Lens's prices of that
      // block, and the USDT the router spent.
      const mintLog = (
        await t.admin.publicClient.getContractEvents({
          address: t.stack.fund,
          abi: blockEtfAbi,
          eventName: "Mint",
          fromBlock: minted.block,
          toBlock: minted.block,
        })
      )[0];
      const atMint = await lens(minted.block);
      const inKindUsd = (mintLog?.args.amounts ?? []).reduce(
        (s, amount, i) => s + (amount * (atMint.assets[i]?.price ?? 0n)) / WAD,
        0n,
      );
      const routerLog = (
        await t.admin.publicClient.getContractEvents({
          address: t.router,
          abi: blockEtfRouterAbi,
          eventName: "MintWithStable",
          fromBlock: routerMintBlock,
          toBlock: routerMintBlock,
        })
      )[0];
      const usdtPrice = (await lens(routerMintBlock)).assets[5]?.price ?? 0n;
      const paidUsdt = ((routerLog?.args.stableIn ?? 0n) * usdtPrice) / WAD;
      const positions = await rows(
        url,
        "positions",
        "holder shares costBasisUsd depositedUsd withdrawnUsd realizedPnlUsd interestUsd interestCheckpoint costKnown",
      );
      const of = (a: Address): Row | undefined =>
        positions.find((p) => isAddressEqual(p.holder as Address, a));
      const user = of(t.user.account.address);
      const friend = of(t.friend);
      expect(big(user?.depositedUsd), "deposited = in-kind value + USDT spent").toBe(inKindUsd + paidUsdt);
      expect(user?.costKnown).toBe(true);
      // Average cost: what stayed, plus what moved to the friend, is what was paid less the redeemed cost.
      const basisLeft = big(user?.costBasisUsd) + big(friend?.costBasisUsd);
      const expected = big(user?.depositedUsd) - big(user?.withdrawnUsd) + big(user?.realizedPnlUsd);
      expect(basisLeft - expected).toBeLessThanOrEqual(2n);
      expect(expected - basisLeft).toBeLessThanOrEqual(2n);
      expect(big(friend?.depositedUsd)).toBe(0n);

      // Interest by holder adds up to the fund's (shares × interest per share, checkpointed).
      const [f] = await rows(url, "funds", "interestUsd interestPerShare navPerShare");
      const perShare = big(f?.interestPerShare);
      const byHolders = positions.reduce(
        (s, p) => s + big(p.interestUsd) + (big(p.shares) * (perShare - big(p.interestCheckpoint))) / WAD,
        0n,
      );
      expect(big(f?.interestUsd)).toBeGreaterThan(0n);
      expect(big(f?.interestUsd) - byHolders).toBeGreaterThanOrEqual(0n);
      expect(big(f?.interestUsd) - byHolders).toBeLessThan(10n ** 6n);

      // The activity feed, in chain order, and the rebalance steps against their bound.
      const feed = await rows(url, "activitys", "kind viaRouter parameter blockNumber logIndex");
      const kinds = feed
        .sort(
          (a, b) =>
            Number(big(a.blockNumber) - big(b.blockNumber)) ||
            (a.logIndex as number) - (b.logIndex as number),
        )
        .map(
          (a) => `${a.kind}${a.viaRouter === true ? "/router" : ""}${a.parameter ? `/${a.parameter}` : ""}`,
        );
      expect(kinds.slice(0, 8)).toEqual([
        "create",
        "seed",
        "parameter/rebalancer",
        "parameter/keeper",
        "sweep",
        "mint",
        "mint/router",
        "parameter/managementFee",
      ]);
      for (const k of [
        "managementFee",
        "transfer",
        "redeem",
        "redeem/router",
        "pause",
        "unpause",
        "rebalance",
        "episodeStarted",
        "episodeEnded",
        "writeOff",
        "vTokenPayout",
        "parameter/yieldEnabled",
        "parameter/episodeBounds",
      ]) {
        expect(kinds, k).toContain(k);
      }
      const stepRows = await rows(
        url,
        "rebalanceSteps",
        "caller byKeeper lossUsd boundUsd complete resupplied",
      );
      expect(stepRows.length).toBe(steps);
      for (const s of stepRows) {
        expect(s.byKeeper).toBe(true);
        expect(big(s.lossUsd)).toBeLessThanOrEqual(big(s.boundUsd));
      }
      expect(stepRows.some((s) => s.complete === true)).toBe(true);

      // The other two doors: SQL over HTTP and the portfolio.
      const counted = await sql(url, 'select count(*)::int as n from "activity"');
      expect(counted[0]?.n).toBe(feed.length);
      const portfolio = (await (await fetch(`${url}/portfolio/${t.user.account.address}`)).json()) as {
        positions: { shares: string; navPerShare: string; valueUsd: string }[];
      };
      const p = portfolio.positions[0];
      expect(big(p?.valueUsd)).toBe((big(p?.shares) * big(f?.navPerShare)) / WAD);
    }

    test("indexes a fund's history and every figure reconciles with the chain", async () => {
      await sweep(t);
      const minted = await mintInKind(t, t.user, 10_000);
      const routerMintBlock = await mintWithUsdt(t, t.user, parseEther("5000"));
      await setManagementFee(t, 200);
      await t.admin.test.increaseTime({ seconds: 12 * 3600 });
      await mine(t, 40);
      await transferShares(t, t.user, t.friend, minted.shares / 4n);
      await redeemInKind(t, t.user, minted.shares / 4n);
      await redeemToUsdt(t, t.user, minted.shares / 4n);
      await pauseAndUnpause(t);
      const steps = await shockAndRebalance(t, 1.4);
      expect(steps, "the shock needs bounded steps").toBeGreaterThanOrEqual(2);
      // Venus can no longer value SOL's market: the guardian writes it off, a redeem pays its share of the
      // vTokens, then the market recovers and the owner counts it again.
      const restore = await breakVenusRate(t, "SOL");
      await mine(t, 1); // a block after SOL's last accrual: its rate must be computed, and cannot be
      const off = await writeOffVenus(t, SOL);
      await mine(t, 5);
      await redeemInKind(t, t.user, minted.shares / 8n);
      await restore();
      const on = await setYieldEnabled(t, SOL, true);
      // BTC falls back: one step of a new episode, then new bounds end it (without an event).
      await t.admin.test.increaseTime({ seconds: 3600 });
      const more = await shockAndRebalance(t, 1, 1);
      expect(more).toBe(1);
      expect(
        await t.admin.publicClient.readContract({
          address: t.stack.fund,
          abi: blockEtfAbi,
          functionName: "rebalancing",
        }),
        "the second episode is still open after one step",
      ).toBe(true);
      await setEpisodeBounds(t, {
        minStepInterval: 120,
        maxDuration: 6 * 3600,
        maxSteps: 10,
        maxLossBps: 50,
      });
      await mine(t, 20);
      await sweep(t);
      const head = await caughtUp();
      for (const i of instances)
        await checkHistory(i.indexer.url, {
          head,
          minted,
          routerMintBlock,
          steps: steps + more,
          writeOff: { off, on },
        });
    }, 420_000); // ~60 transactions (each step waits for arbitrage in every pool) and the checks on each database

    test("resumes where it stopped after a restart", async () => {
      const before = await Promise.all(
        instances.map((i) => rows(i.indexer.url, "activitys", "id kind blockNumber")),
      );
      await Promise.all(instances.map((i) => i.indexer.stop()));
      // The chain goes on while the indexers are down.
      const { block } = await mintInKind(t, t.user, 2_000);
      await mine(t, 10);
      for (const i of instances) i.logs.length = 0;
      await Promise.all(
        instances.map(async (i) => {
          i.indexer = await start(i.name, i.database, i.logs);
        }),
      );
      const head = await caughtUp();
      for (const [n, i] of instances.entries()) {
        const url = i.indexer.url;
        expect(
          i.logs.some((l) => l.includes("Detected crash recovery")),
          `${i.name} resumed`,
        ).toBe(true);
        const after = await rows(url, "activitys", "id blockNumber");
        const lost = (before[n] ?? []).filter((b) => !after.some((a) => a.id === b.id));
        expect(lost, `${i.name}: nothing indexed before the stop is lost`).toEqual([]);
        const newRows = after.filter((a) => !(before[n] ?? []).some((b) => b.id === a.id));
        expect(
          newRows.some((a) => big(a.blockNumber) === block),
          "the mint made while it was down",
        ).toBe(true);
        await reconcileShares(url);
        const [latest] = await rows(url, "funds", "snapshotBlock");
        expect(big(latest?.snapshotBlock)).toBeLessThanOrEqual(head);
        await reconcileHoldings(url, [block, big(latest?.snapshotBlock)]);
      }
    });

    test("follows a reorg: what the dropped blocks said is undone", async () => {
      await caughtUp();
      const id = await t.admin.test.snapshot();
      const { block: orphan } = await mintInKind(t, t.user, 3_000);
      await mine(t, 2);
      await caughtUp();
      const orphanMint = `{ blockNumber: "${orphan}", kind: "mint" }`;
      for (const i of instances) {
        expect((await rows(i.indexer.url, "activitys", "kind", orphanMint)).length, "orphan indexed").toBe(1);
      }

      // The chain drops those blocks and grows a longer branch (the indexers must pass the old head).
      const oldHead = await t.admin.publicClient.getBlockNumber({ cacheTime: 0 });
      expect(await rawRpc(t.anvil.rpcUrl, "evm_revert", [id]), "anvil dropped the branch").toBe(true);
      expect(await t.admin.publicClient.getBlockNumber({ cacheTime: 0 })).toBeLessThan(orphan);
      const forkBlock = await transferShares(t, t.admin, t.friend, parseEther("1"));
      const forkHead = await t.admin.publicClient.getBlockNumber({ cacheTime: 0 });
      await mine(t, Number(oldHead - forkHead) + 3);
      await caughtUp();
      for (const i of instances) {
        const url = i.indexer.url;
        expect((await rows(url, "activitys", "kind", orphanMint)).length, `${i.name}: orphan gone`).toBe(0);
        await reconcileShares(url);
        const atOrphan = await rows(url, "snapshots", "onGrid", `{ blockNumber: "${orphan}" }`);
        expect(
          atOrphan.filter((s) => s.onGrid !== true),
          "no snapshot of the dropped branch",
        ).toEqual([]);
        await reconcileHoldings(url, [forkBlock, ...atOrphan.map(() => orphan)]);
      }
    });

    test("PGlite and PostgreSQL serve the same history", async () => {
      if (instances.length < 2) return;
      await caughtUp();
      // The per-block tables first: the fund's totals are sums over them, so a difference shows where it
      // starts (which snapshot, which event) rather than only in a total.
      const tables = [
        'select * from "snapshot" order by "block_number"',
        'select * from "asset_snapshot" order by "block_number", "index"',
        'select * from "activity" order by "id"',
        'select * from "rebalance_step" order by "id"',
        'select * from "venus_flow" order by "id"',
        'select * from "position" order by "holder"',
        'select * from "fund_asset" order by "index"',
        'select * from "fund"',
      ];
      for (const q of tables) {
        const [first, ...others] = await Promise.all(instances.map((i) => sql(i.indexer.url, q)));
        expect(first?.length, q).toBeGreaterThan(0);
        for (const other of others) expect(other, q).toEqual(first);
      }
    });
  });
}
