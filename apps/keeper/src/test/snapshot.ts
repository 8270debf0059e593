// A snapshot of a healthy 3-asset fund (BTCB 50 %, ETH 30 %, USDT 20 %) for the pure planner and health
// tests; each test overrides what it needs.
import { type RebalanceEpisode, rebalanceEpisodeStatus } from "@blocketf/core";
import { getAddress, parseEther } from "viem";
import type { Snapshot } from "../state.js";

const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
export const KEEPER = addr(0xbeef);
export const REBALANCER = addr(0xe1);

type Asset = Snapshot["fund"]["assets"][number];

const asset = (i: number, symbol: string, weightBps: number, priceUsd: bigint, valueUsd: bigint): Asset => {
  const price = parseEther(priceUsd.toString());
  const holdings = (parseEther(valueUsd.toString()) * 10n ** 18n) / price;
  return {
    token: addr(0xa0 + i),
    symbol,
    decimals: 18,
    weightBps,
    currentWeightBps: 0n,
    bufferBps: 1000,
    vToken: addr(0xc0 + i),
    native: false,
    yieldEnabled: true,
    idle: holdings / 10n,
    vShares: 1n,
    supplied: holdings - holdings / 10n,
    holdings,
    price,
    priceOk: true,
    value: parseEther(valueUsd.toString()),
    exchangeRate: 10n ** 18n,
    supplyRatePerBlock: 0n,
    venusCash: parseEther("1000000000"),
    supplyCap: 0n,
    mintPaused: false,
    redeemPaused: false,
    escrowed: 0n,
    positionOk: true,
    writtenOff: false,
  };
};

/** The fund's default episode bounds, no episode ever started. */
export const NO_EPISODE: RebalanceEpisode = {
  minStepInterval: 60,
  maxDuration: 43_200,
  maxSteps: 20,
  maxLossBps: 100,
  startedAt: 0n,
  lastStepAt: 0n,
  steps: 0,
  lossBudget: 0n,
  lost: 0n,
};

/** The snapshot with the fund's episode books and `open` flag set, the status derived as the Lens does. */
export function withEpisode(s: Snapshot, episode: Partial<RebalanceEpisode>, open: boolean): Snapshot {
  const e = { ...s.episode.episode, ...episode };
  const status = rebalanceEpisodeStatus({
    episode: e,
    open,
    lastRebalanceAt: s.rule.lastRebalanceAt,
    now: s.timestamp,
  });
  const view = { episode: e, open, status };
  return {
    ...s,
    episode: view,
    status: s.status.ok ? { ok: true, value: { ...s.status.value, episode: view } } : s.status,
  };
}

/** An episode started 10 minutes before the snapshot, one step taken, $1 of its $60 budget lost. */
export function inEpisode(s: Snapshot, episode: Partial<RebalanceEpisode> = {}): Snapshot {
  return withEpisode(
    s,
    {
      startedAt: s.timestamp - 600n,
      lastStepAt: s.timestamp - 600n,
      steps: 1,
      lossBudget: parseEther("60"),
      lost: parseEther("1"),
      ...episode,
    },
    true,
  );
}

/** Values in whole USD per asset (default on target: 50k / 30k / 20k). */
export function snapshot(values: readonly [bigint, bigint, bigint] = [50_000n, 30_000n, 20_000n]): Snapshot {
  const noEpisode = {
    episode: NO_EPISODE,
    open: false,
    status: rebalanceEpisodeStatus({
      episode: NO_EPISODE,
      open: false,
      lastRebalanceAt: 0n,
      now: 1_700_000_000n,
    }),
  };
  const assets = [
    asset(0, "BTCB", 5000, 100_000n, values[0]),
    asset(1, "ETH", 3000, 4_000n, values[1]),
    asset(2, "USDT", 2000, 1n, values[2]),
  ];
  return {
    chainId: 31337,
    blockNumber: 1000n,
    timestamp: 1_700_000_000n,
    fund: {
      fund: addr(0xf1),
      name: "Test",
      symbol: "T",
      totalSupply: 0n,
      totalSupplyWithFees: 0n,
      totalValue: values.reduce((a, b) => a + b, 0n) * 10n ** 18n,
      navPerShare: 0n,
      pricesOk: true,
      paused: false,
      owner: addr(1),
      guardian: addr(1),
      keeper: KEEPER,
      feeRecipient: addr(1),
      oracle: addr(0x0a),
      managementFeeBps: 0,
      redeemFeeBps: 0,
      lastFeeAccrual: 0n,
      blockNumber: 1000n,
      timestamp: 1_700_000_000n,
      assets,
      holdingsOk: true,
    },
    status: {
      ok: true,
      value: {
        currentWeightsBps: [],
        deviationsBps: [],
        maxDeviationBps: 0n,
        cooldownElapsed: true,
        needsRebalance: false,
        triggerIndex: -1n,
        episode: noEpisode,
      },
    },
    rule: { thresholdBps: 500, cooldownSeconds: 1800, lastRebalanceAt: 0n },
    episode: noEpisode,
    roles: { rebalancer: REBALANCER, keeper: KEEPER },
    rebalancer: {
      rebalancer: REBALANCER,
      fund: addr(0xf1),
      router: addr(0xd0),
      stableIndex: 2,
      canRebalance: { allowed: true, nextStepAt: 0n },
      preview: { status: "ok", sent: [0n, 0n, 0n], spend: [0n, 0n, 0n] },
      lastStepAt: 0n,
      stepInterval: 60,
      dueSince: 0n,
      lastDueAt: 0n,
      maxPokeGap: 3_600,
      publicDelay: 21_600,
      routes: [undefined, undefined, undefined],
    },
    utilizationBps: [5000, 5000, 5000],
    oracleErrors: [],
    pools: [],
    keeper: { address: KEEPER, balance: parseEther("1"), nonceLatest: 3, noncePending: 3 },
    gasPrice: 1_000_000_000n,
    nativePriceUsd: parseEther("700"),
  };
}

/** The same snapshot with the Lens saying the rule holds (as it would when the values are off target). */
export function due(s: Snapshot): Snapshot {
  return {
    ...s,
    status: s.status.ok ? { ok: true, value: { ...s.status.value, needsRebalance: true } } : s.status,
  };
}
