import { blockEtfRebalancerAbi } from "@blocketf/abi";
import { decodeFunctionData, getAddress } from "viem";
import { describe, expect, test } from "vitest";
import { buildPoke, buildRebalance, buildSetRoute } from "./builders/rebalancer.js";
import { InvalidInputError } from "./errors/index.js";
import { decodeV3Path, v3Path, v3SpotPriceD18 } from "./v3.js";

const rebalancer = getAddress("0x00000000000000000000000000000000000000e1");
const btc = getAddress("0x00000000000000000000000000000000000000b1");
const usdt = getAddress("0x00000000000000000000000000000000000000d7");

describe("buildRebalance / buildPoke", () => {
  test("default", () => {
    const tx = buildRebalance({ rebalancer });
    expect(tx.to).toBe(rebalancer);
    expect(tx.value).toBe(0n);
    expect(Object.isFrozen(tx)).toBe(true);
    expect(tx.data).toMatchInlineSnapshot(`"0x7d7c2a1c"`);
    expect(buildPoke({ rebalancer }).data).toMatchInlineSnapshot(`"0x18178358"`);
  });
});

describe("buildSetRoute", () => {
  test("default", () => {
    const route = {
      sellPath: v3Path(btc, 500, usdt),
      buyPath: v3Path(usdt, 500, btc),
      maxSlippageBps: 100,
      maxTradeValue: 5_000n * 10n ** 18n,
    };
    const decoded = decodeFunctionData({
      abi: blockEtfRebalancerAbi,
      data: buildSetRoute({ rebalancer, index: 0, route }).data,
    });
    expect(decoded.functionName).toBe("setRoute");
    expect(decoded.args).toEqual([0n, route]);
  });
});

describe("v3Path / decodeV3Path", () => {
  test("default: token | uint24 fee | token, packed", () => {
    const path = v3Path(btc, 2500, usdt);
    expect(path).toBe(`${btc.toLowerCase()}0009c4${usdt.slice(2).toLowerCase()}`);
    expect(decodeV3Path(path)).toEqual([
      { tokenIn: btc.toLowerCase(), fee: 2500, tokenOut: usdt.toLowerCase() },
    ]);
  });

  test("error: InvalidInputError for a path of the wrong length", () => {
    expect(() => decodeV3Path("0x1234")).toThrow(InvalidInputError);
  });
});

describe("v3SpotPriceD18", () => {
  const Q96 = 1n << 96n;
  test("default: price 1 at sqrtPrice 2^96, either side", () => {
    for (const baseIsToken0 of [true, false])
      expect(v3SpotPriceD18({ sqrtPriceX96: Q96, baseIsToken0, baseDecimals: 18, quoteDecimals: 18 })).toBe(
        10n ** 18n,
      );
  });

  test("behavior: token1 per token0 is the square; the inverse for the other side", () => {
    const sqrtPriceX96 = 2n * Q96; // token1/token0 = 4
    expect(v3SpotPriceD18({ sqrtPriceX96, baseIsToken0: true, baseDecimals: 18, quoteDecimals: 18 })).toBe(
      4n * 10n ** 18n,
    );
    expect(v3SpotPriceD18({ sqrtPriceX96, baseIsToken0: false, baseDecimals: 18, quoteDecimals: 18 })).toBe(
      25n * 10n ** 16n,
    );
  });

  test("behavior: decimals scale raw units to whole tokens", () => {
    // 1 whole base (8 decimals) = 1e8 raw; 50,000 whole quote (6 decimals) = 5e10 raw → raw ratio 500.
    const sqrtPriceX96 = (BigInt(Math.round(Math.sqrt(500) * 1e12)) * Q96) / 10n ** 12n;
    const price = v3SpotPriceD18({
      sqrtPriceX96,
      baseIsToken0: true,
      baseDecimals: 8,
      quoteDecimals: 6,
    });
    expect(Number(price) / 1e18).toBeCloseTo(50_000, -1);
  });
});
