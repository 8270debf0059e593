import { describe, expect, test } from "vitest";
import {
  averageCost,
  basketUsd,
  interestBetween,
  interestOf,
  perShare,
  underlyingOf,
  usdValue,
  WAD,
} from "../ponder/src/lib/math.js";
import { portfolioEntry } from "../ponder/src/lib/portfolio.js";

const V: `0x${string}` = "0x00000000000000000000000000000000000000aa";
const W: `0x${string}` = "0x00000000000000000000000000000000000000bb";

describe("usdValue", () => {
  test("default: amount × price at the token's decimals", () => {
    expect(usdValue(2n * 10n ** 8n, 100_000n * WAD, 8)).toBe(200_000n * WAD);
    expect(usdValue(3n * WAD, 4_000n * WAD, 18)).toBe(12_000n * WAD);
  });
  test("behavior: rounds down", () => {
    expect(usdValue(1n, 1n, 18)).toBe(0n);
  });
});

describe("basketUsd", () => {
  const q = (price: bigint, priceOk = true) => ({ price, priceOk, decimals: 18 });
  test("default: sums the basket", () => {
    expect(basketUsd([WAD, 2n * WAD], [q(10n * WAD), q(WAD)])).toBe(12n * WAD);
  });
  test("behavior: a refused price on a used asset makes the value unknown", () => {
    expect(basketUsd([WAD, WAD], [q(WAD), q(0n, false)])).toBeUndefined();
    expect(basketUsd([WAD, WAD], [q(WAD)])).toBeUndefined();
  });
  test("behavior: an asset not used needs no price", () => {
    expect(basketUsd([WAD, 0n], [q(WAD), q(0n, false)])).toBe(WAD);
  });
});

describe("interestBetween", () => {
  const rate = 2n * 10n ** 26n; // a Venus-like exchange rate (8-decimal vTokens)
  test("default: the earlier position's growth at the new rate", () => {
    const base = { vToken: V, vShares: 5n * 10n ** 8n, rate };
    const now = { vToken: V, vShares: 9n * 10n ** 8n, rate: rate + rate / 100n };
    expect(interestBetween(base, now)).toBe(
      underlyingOf(base.vShares, now.rate) - underlyingOf(base.vShares, rate),
    );
    expect(interestBetween(base, now)).toBeGreaterThan(0n);
  });
  test("behavior: what changed within the later block earns nothing yet", () => {
    const base = { vToken: V, vShares: 0n, rate };
    expect(interestBetween(base, { vToken: V, vShares: 10n ** 12n, rate: rate * 2n })).toBe(0n);
  });
  test("behavior: no interest across a market change or an unreadable rate", () => {
    const base = { vToken: V, vShares: 10n ** 8n, rate };
    expect(interestBetween(base, { vToken: W, vShares: 10n ** 8n, rate: rate * 2n })).toBe(0n);
    expect(interestBetween(base, { vToken: V, vShares: 10n ** 8n, rate: 0n })).toBe(0n);
    expect(interestBetween({ vToken: null, vShares: 0n, rate: 0n }, base)).toBe(0n);
  });
  test("behavior: the vToken's address case does not matter", () => {
    const base = { vToken: V.toUpperCase().replace("0X", "0x"), vShares: 10n ** 8n, rate };
    expect(interestBetween(base, { vToken: V, vShares: 10n ** 8n, rate: rate * 2n })).toBeGreaterThan(0n);
  });
});

describe("averageCost", () => {
  test("default: the pro-rata share of the basis", () => {
    expect(averageCost(900n, 1n, 3n)).toBe(300n);
  });
  test("behavior: everything leaves with the last share; nothing from an empty position", () => {
    expect(averageCost(901n, 3n, 3n)).toBe(901n);
    expect(averageCost(0n, 1n, 0n)).toBe(0n);
  });
});

describe("interest per share", () => {
  test("default: holders get their share of the interval's interest", () => {
    const acc = perShare(1_000n * WAD, 100n * WAD);
    expect(interestOf(25n * WAD, 0n, acc)).toBe(250n * WAD);
    expect(interestOf(75n * WAD, 0n, acc)).toBe(750n * WAD);
  });
  test("behavior: no supply, no increment", () => {
    expect(perShare(WAD, 0n)).toBe(0n);
  });
});

describe("portfolioEntry", () => {
  test("default: value at the latest NAV, P&L against the cost basis, pending interest included", () => {
    const e = portfolioEntry(
      {
        fund: V,
        holder: W,
        shares: 2n * WAD,
        costBasisUsd: 1_900n * WAD,
        costKnown: true,
        depositedUsd: 1_900n * WAD,
        withdrawnUsd: 0n,
        realizedPnlUsd: 0n,
        interestUsd: WAD,
        interestCheckpoint: 0n,
        firstBlock: 1n,
      },
      {
        name: "F",
        symbol: "F",
        navPerShare: 1_000n * WAD,
        interestPerShare: WAD / 2n,
        snapshotBlock: 9n,
        snapshotAt: 99n,
      },
    );
    expect(e.valueUsd).toBe((2_000n * WAD).toString());
    expect(e.unrealizedPnlUsd).toBe((100n * WAD).toString());
    expect(e.interestUsd).toBe((2n * WAD).toString());
    expect(e.asOfBlock).toBe("9");
  });
  test("behavior: no unrealised P&L when the cost is not known", () => {
    const f = {
      name: "F",
      symbol: "F",
      navPerShare: WAD,
      interestPerShare: 0n,
      snapshotBlock: 1n,
      snapshotAt: 1n,
    };
    const p = {
      fund: V,
      holder: W,
      shares: WAD,
      costBasisUsd: 0n,
      costKnown: false,
      depositedUsd: 0n,
      withdrawnUsd: 0n,
      realizedPnlUsd: 0n,
      interestUsd: 0n,
      interestCheckpoint: 0n,
      firstBlock: 1n,
    };
    expect(portfolioEntry(p, f).unrealizedPnlUsd).toBeNull();
  });
});
