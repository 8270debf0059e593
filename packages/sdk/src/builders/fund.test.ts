import { blockEtfAbi } from "@blocketf/abi";
import { decodeFunctionData, getAddress } from "viem";
import { describe, expect, test } from "vitest";
import { buildMint, buildRedeem, buildSweep, minusSlippage, plusSlippage } from "./fund.js";

const fund = getAddress("0x00000000000000000000000000000000000000f1");
const alice = getAddress("0x00000000000000000000000000000000000000a1");

describe("buildMint", () => {
  test("default", () => {
    const tx = buildMint({ fund, maxAmounts: [1n, 2n], minShares: 3n, receiver: alice });
    expect(tx.to).toBe(fund);
    expect(tx.value).toBe(0n);
    expect(Object.isFrozen(tx)).toBe(true);
    const decoded = decodeFunctionData({ abi: blockEtfAbi, data: tx.data });
    expect(decoded.functionName).toBe("mint");
    expect(decoded.args).toEqual([[1n, 2n], 3n, alice]);
  });
});

describe("buildRedeem / buildSweep", () => {
  test("default", () => {
    expect(
      decodeFunctionData({
        abi: blockEtfAbi,
        data: buildRedeem({ fund, shares: 5n, receiver: alice, minAmounts: [0n] }).data,
      }).args,
    ).toEqual([5n, alice, [0n]]);
    expect(buildSweep({ fund }).data).toMatchInlineSnapshot(`"0x35faa416"`);
  });
});

describe("slippage", () => {
  test("behavior: rounds against the user", () => {
    expect(minusSlippage(10_001n, 50n)).toBe(9_950n); // 9,950.995 down
    expect(plusSlippage(10_001n, 50n)).toBe(10_052n); // 10,051.005 up
    expect(minusSlippage(100n, 0n)).toBe(100n);
  });
});
