import { describe, expect, test } from "vitest";
import { InvalidFlagError, UnknownAssetError, WeightsSumError } from "../errors.js";
import { parseWeights, withStableWeight } from "./weights.js";

const assets = ["BTC", "ETH", "USDT"];

describe("parseWeights", () => {
  test("default: percent to bps, unlisted assets at 0, names case-insensitive", () => {
    expect(parseWeights("btc=62.5,USDT=37.5", assets)).toEqual([6250, 0, 3750]);
  });

  test("error: UnknownAssetError", () => {
    expect(() => parseWeights("DOGE=100", assets)).toThrow(UnknownAssetError);
  });

  test("error: WeightsSumError", () => {
    expect(() => parseWeights("BTC=50,ETH=49.99", assets)).toThrow(WeightsSumError);
  });

  test("error: InvalidFlagError", () => {
    expect(() => parseWeights("BTC=50.001,ETH=49.999", assets)).toThrow(InvalidFlagError);
    expect(() => parseWeights("BTC=50,BTC=50", assets)).toThrow(InvalidFlagError);
    expect(() => parseWeights("BTC:100", assets)).toThrow(InvalidFlagError);
  });
});

describe("withStableWeight", () => {
  test("behavior: keeps risk proportions and sums to 10000 with largest remainders", () => {
    expect(withStableWeight([2500, 2000, 1500, 1000, 1000, 2000], 5, 0)).toEqual([
      3125, 2500, 1875, 1250, 1250, 0,
    ]);
    const w = withStableWeight([1, 1, 1, 0], 3, 1000);
    expect(w).toEqual([3000, 3000, 3000, 1000]);
    const odd = withStableWeight([1, 1, 1, 0], 3, 0);
    expect(odd).toEqual([3334, 3333, 3333, 0]);
  });
});
