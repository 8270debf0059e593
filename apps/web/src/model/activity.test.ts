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
    };
    const d = describeActivity(row({ kind: "rebalance", details: { stepId: "s1", complete: true } }), names, [
      step,
    ]);
    expect(d.text).toBe(
      "A rebalance step traded $10,000.00 and lost $5.00 (0.05 %) against a bound of $100.00 (1.00 %), sent by the keeper. The rebalance is complete.",
    );
    expect(d.alarm).toBe(false);
  });
  test("behavior: a parameter change is named in words", () => {
    expect(
      describeActivity(row({ kind: "parameter", parameter: "rebalanceRule", caller: null }), names).text,
    ).toBe("someone changed the rebalance rule.");
  });
});
