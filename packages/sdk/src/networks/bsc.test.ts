import { getAddress, isAddress } from "viem";
import { describe, expect, test } from "vitest";
import { bsc } from "./bsc.js";

describe("bsc config", () => {
  test("behavior: every address is a valid EIP-55 checksummed address", () => {
    const addresses = [
      ...Object.values(bsc.tokens).map((t) => t.address),
      bsc.venus.comptroller,
      ...Object.values(bsc.venus.vTokens),
      ...Object.values(bsc.chainlink).map((c) => c.feed),
      bsc.pancakeswapV3.factory,
      bsc.pancakeswapV3.poolDeployer,
      bsc.pancakeswapV3.positionManager,
      bsc.pancakeswapV3.swapRouter,
      bsc.pancakeswapV3.quoterV2,
    ];
    for (const address of addresses) {
      expect(isAddress(address)).toBe(true);
      expect(getAddress(address)).toBe(address);
    }
  });

  test("behavior: every basket token has a Venus market and a Chainlink feed", () => {
    const symbols = Object.keys(bsc.tokens).sort();
    expect(Object.keys(bsc.venus.vTokens).sort()).toEqual(symbols);
    expect(Object.keys(bsc.chainlink).sort()).toEqual(symbols);
  });
});
