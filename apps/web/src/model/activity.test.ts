import { describe, expect, test } from "vitest";
import type { ActivityRow, RebalanceStepRow } from "../history/indexer.js";
import { describeActivity, type TokenNames } from "./activity.js";

const E18 = 10n ** 18n;
const names: TokenNames = {
  share: { symbol: "CT5U", decimals: 18 },
  assets: [
    { symbol: "BTCB", decimals: 18 },
    { symbol: "USDT", decimals: 18 },
  ],
  stable: { symbol: "USDT", decimals: 18 },
};
const row = (over: Partial<ActivityRow>): ActivityRow => ({
  id: "0xabc-1",
  kind: "mint",
  blockNumber: 1n,
  timestamp: 0,
  txHash: "0xabc",
  caller: null,
  account: "0x1111111111111111111111111111111111111111",
  receiver: null,
  shares: null,
  amounts: null,
  valueUsd: null,
  viaRouter: false,
  stableAmount: null,
  feeShares: null,
  parameter: null,
  details: null,
  ...over,
});

describe("describeActivity", () => {
  test("default: a router mint in symbols and units", () => {
    const d = describeActivity(row({ shares: 2n * E18, viaRouter: true, stableAmount: 2000n * E18 }), names);
    expect(d.text).toBe("0x1111…1111 minted 2 CT5U with 2,000 USDT through the router.");
  });
  test("behavior: a rebalance step shows its loss against its bound", () => {
    const step: RebalanceStepRow = {
      id: "s1",
      blockNumber: 1n,
      timestamp: 0,
      txHash: "0xabc",
      byKeeper: true,
      sent: [],
      received: [],
      tradedValue: 10_000n * E18,
      lossUsd: 5n * E18,
      boundUsd: 100n * E18,
      maxLossBps: 100,
      complete: true,
      episode: "0xf-1",
      episodeStep: 3,
    };
    const d = describeActivity(row({ kind: "rebalance", details: { stepId: "s1", complete: true } }), names, [
      step,
    ]);
    expect(d.text).toBe(
      "A rebalance step traded $10,000.00 and lost $5.00 (0.05 %) against a bound of $100.00 (1.00 %), sent by the keeper. The rebalance is complete.",
    );
    expect(d.alarm).toBe(false);
    expect(d.title).toBe("Rebalance step 3 (last)");
  });
  test("behavior: an episode's start and end in human units, its loss against its budget", () => {
    const started = describeActivity(
      row({
        kind: "episodeStarted",
        details: {
          overweightValue: (4_321n * E18).toString(),
          lossBudget: (43n * E18).toString(),
          deadline: "1736043200",
          maxSteps: "20",
        },
      }),
      names,
    );
    expect(started.text).toBe(
      "A rebalance began with $4,321.00 over its targets to sell: at most 20 steps, a loss budget of $43.00, until 2025-01-05 02:13 UTC.",
    );
    const ended = describeActivity(
      row({
        kind: "episodeEnded",
        details: {
          reason: "MaxSteps",
          steps: "20",
          lost: (12n * E18).toString(),
          lossBudget: (48n * E18).toString(),
        },
      }),
      names,
    );
    expect(ended.text).toBe(
      "The rebalance stopped at its step cap after 20 steps, having lost $12.00 of its $48.00 loss budget (25.00 %).",
    );
    expect(ended.alarm).toBe(false);
  });
  test("behavior: a write-off and a vToken payout because of it, with the vTokens in units", () => {
    const names2: TokenNames = {
      ...names,
      assets: [{ symbol: "BTCB", decimals: 18 }, names.assets[1] ?? { symbol: "USDT", decimals: 18 }],
    };
    const off = describeActivity(
      row({
        kind: "writeOff",
        caller: "0x2222222222222222222222222222222222222222",
        details: { index: 0, vShares: "12345000000", writtenOff: true },
      }),
      names2,
    );
    expect(off.text).toBe(
      "0x2222…2222 wrote off the fund's BTCB position on Venus (123.45 vBTCB), which Venus could no longer value: it counts as zero in NAV, and every redemption pays its share of those vTokens in kind.",
    );
    const paid = describeActivity(
      row({
        kind: "vTokenPayout",
        details: { index: 0, vTokens: "150000000", escrowed: false, reason: "WrittenOff" },
      }),
      names2,
    );
    expect(paid.text).toBe(
      "BTCB's Venus position is written off: 0x1111…1111's share of it came as vTokens (they received 1.5 vBTCB instead).",
    );
  });
  test("behavior: new episode bounds in words; 'no longer due' is not 'due'", () => {
    expect(
      describeActivity(
        row({
          kind: "parameter",
          parameter: "episodeBounds",
          caller: null,
          details: {
            minStepInterval: 120,
            maxDuration: 21600,
            maxSteps: 10,
            maxLossBps: 50,
            endedEpisode: "0xf-1",
          },
        }),
        names,
      ).text,
    ).toBe(
      "someone set the rebalance episode bounds: at most 10 steps, 2 min apart, within 6 h, losing at most 0.50 % of what it has to sell. The open rebalance episode ended with it.",
    );
    expect(describeActivity(row({ kind: "rebalanceDue", details: { since: "0" } }), names).title).toBe(
      "No longer due",
    );
  });
  test("behavior: a parameter change is named in words", () => {
    expect(
      describeActivity(row({ kind: "parameter", parameter: "rebalanceRule", caller: null }), names).text,
    ).toBe("someone changed the rebalance rule.");
  });
});
