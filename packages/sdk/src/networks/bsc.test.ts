import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getAddress, isAddress } from "viem";
import { describe, expect, test } from "vitest";
import { bsc } from "./bsc.js";

describe("bsc config", () => {
  test("behavior: every address is a valid EIP-55 checksummed address", () => {
    const addresses = [
      ...Object.values(bsc.tokens).map((t) => t.address),
      bsc.venus.comptroller,
      ...Object.values(bsc.venus.vTokens),
      bsc.venus.nativeVBnb,
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

  test("behavior: the Venus entries are Venus's own 10.3.0 mainnet address book's (WBNB on vWBNB)", () => {
    // venus-protocol@10.3.0 deployments/bscmainnet_addresses.json, fetched sha512-pinned by `npm run setup`.
    const file = fileURLToPath(
      new URL("../../../../.cache/venus-artifacts/venus-protocol.bscmainnet_addresses.json", import.meta.url),
    );
    expect(existsSync(file), "run `npm run setup` (fetches Venus's address book)").toBe(true);
    const book = (JSON.parse(readFileSync(file, "utf8")) as { addresses: Record<string, string> }).addresses;
    const named: Record<keyof typeof bsc.venus.vTokens, string> = {
      BTCB: "vBTC",
      ETH: "vETH",
      XRP: "vXRP",
      USDT: "vUSDT",
      SOL: "vSOL",
      WBNB: "vWBNB",
    };
    for (const [symbol, name] of Object.entries(named)) {
      expect(bsc.venus.vTokens[symbol as keyof typeof named], symbol).toBe(book[name]);
    }
    expect(bsc.venus.nativeVBnb).toBe(book.vBNB);
    expect(bsc.venus.comptroller).toBe(book.Unitroller);
    expect(bsc.tokens.WBNB.address).toBe(book.WBNB);
  });
});
