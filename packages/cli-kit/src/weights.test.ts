import { BASKET, CT5U } from "@blocketf/core";
import { describe, expect, test } from "vitest";
import { UnknownAssetError, UsageError, WeightsSumError } from "./errors.js";
import { formatWeights, parseAssetValues, parseWeights } from "./weights.js";

describe("parseWeights", () => {
  test("default: percent to bps in the spec's order", () => {
    expect(parseWeights("BTCB=25,ETH=20,WBNB=15,XRP=10,SOL=10,USDT=20", CT5U, BASKET)).toEqual([
      2500, 2000, 1500, 1000, 1000, 2000,
    ]);
  });

  test("behavior: aliases and case: the backtester's BTC/BNB weights work in every tool", () => {
    expect(parseWeights("btc=25,eth=20,bnb=15,xrp=10,sol=10,usdt=20", CT5U, BASKET)).toEqual([
      2500, 2000, 1500, 1000, 1000, 2000,
    ]);
  });

  test("behavior: unlisted assets get 0 unless every asset is required", () => {
    expect(parseWeights("BTCB=62.5,USDT=37.5", CT5U, BASKET)).toEqual([6250, 0, 0, 0, 0, 3750]);
    expect(() => parseWeights("BTCB=62.5,USDT=37.5", CT5U, BASKET, { requireAll: true })).toThrow(
      /missing ETH, WBNB, XRP, SOL/,
    );
  });

  test("error: UsageError for an unknown asset, a bad sum, a duplicate, three decimals, bad syntax", () => {
    expect(() => parseWeights("DOGE=100", CT5U, BASKET)).toThrow(UnknownAssetError);
    expect(() => parseWeights("BTCB=50", CT5U, BASKET)).toThrow(WeightsSumError);
    expect(() => parseWeights("BTCB:100", CT5U, BASKET)).toThrow(UsageError);
    expect(() => parseWeights("DOGE=100", CT5U, BASKET)).toThrow(/unknown asset "DOGE"/);
    expect(() => parseWeights("BTCB=50,ETH=49.99", CT5U, BASKET)).toThrow(/sum to 99.99%/);
    expect(() => parseWeights("BTC=50,BTCB=50", CT5U, BASKET)).toThrow(/BTCB is listed twice/);
    expect(() => parseWeights("BTCB=50.001,ETH=49.999", CT5U, BASKET)).toThrow(/at most 2 decimals/);
    expect(() => parseWeights("BTCB:100", CT5U, BASKET)).toThrow(/is not ASSET=NUMBER/);
  });
});

describe("parseAssetValues", () => {
  test("default: symbols through the spec, values kept", () => {
    expect(parseAssetValues("bnb=0.7,USDT=5", CT5U, BASKET, "--apy")).toEqual(
      new Map([
        ["WBNB", 0.7],
        ["USDT", 5],
      ]),
    );
  });
  test("error: a negative value", () => {
    expect(() => parseAssetValues("USDT=-1", CT5U, BASKET, "--apy")).toThrow(/must be >= 0/);
  });
});

describe("formatWeights", () => {
  test("default: what --weights takes", () => {
    expect(formatWeights([2500, 2000, 1500, 1000, 1000, 2000], BASKET)).toBe(
      "BTCB=25,ETH=20,WBNB=15,XRP=10,SOL=10,USDT=20",
    );
  });
});
