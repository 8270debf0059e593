import { describe, expect, test } from "vitest";
import { supplyApy } from "./apy.js";
import { bsc } from "./networks/bsc.js";
import { localNetwork } from "./networks/local.js";

describe("supplyApy", () => {
  test("behavior: compounds the per-block rate over a year", () => {
    // 5 % simple per year spread over BNB Chain's 70,080,000 blocks compounds to e^0.05 - 1.
    const perBlock = BigInt(Math.round((0.05 / 70_080_000) * 1e18));
    expect(supplyApy(perBlock, bsc.venusBlocksPerYear)).toBeCloseTo(Math.expm1(0.05), 9);
    expect(supplyApy(0n, bsc.venusBlocksPerYear)).toBe(0);
  });

  test("behavior: the devnet's rate with the devnet's blocks per year", () => {
    // A 2.2 %/year devnet rate: 36,500 blocks a year (a replayed day is 100 blocks).
    const perBlock = BigInt(Math.round((0.022 / 36_500) * 1e18));
    const devnet = localNetwork(LOCAL_JSON);
    expect(devnet.venusBlocksPerYear).toBe(36_500);
    expect(supplyApy(perBlock, devnet.venusBlocksPerYear)).toBeCloseTo(Math.expm1(0.022), 6);
    // The defect: read with BNB Chain's blocks per year, the same rate is absurd.
    expect(supplyApy(perBlock, bsc.venusBlocksPerYear)).toBeGreaterThan(1e10);
  });

  test("error: blocks per year has no default (a chain's own must be passed)", () => {
    // @ts-expect-error blocksPerYear is required
    expect(Number.isNaN(supplyApy(1n))).toBe(true);
  });
});

const a = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
const LOCAL_JSON = {
  chainId: 31337,
  rpcUrl: "http://127.0.0.1:8545",
  fund: a(1),
  lens: a(2),
  factory: a(3),
  oracle: a(4),
  rebalancer: a(5),
  router: a(6),
  tokens: { BTCB: a(7), USDT: a(8) },
  venus: {
    comptroller: a(9),
    vTokens: { BTCB: a(10), USDT: a(11) },
    blocksPerDay: 100,
    blocksPerYear: 36_500,
  },
  dex: { router: a(12), quoter: a(13), factory: a(14) },
};
