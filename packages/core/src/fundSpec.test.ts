import { describe, expect, test } from "vitest";
import spec from "../fund-spec/ct5u.json" with { type: "json" };
import {
  BASKET,
  CT5U,
  checkFundSpec,
  type FundSpec,
  requireSymbol,
  resolveSymbol,
  specRoutes,
  specWeightsBps,
  UnknownSymbolError,
} from "./fundSpec.js";
import { fundSpecJson } from "./fundSpecJson.js";

describe("CT5U", () => {
  test("default: the basket in the fund's order, weights summing to 10,000 bps", () => {
    expect(BASKET).toEqual(["BTCB", "ETH", "WBNB", "XRP", "SOL", "USDT"]);
    expect(specWeightsBps(CT5U)).toEqual({
      BTCB: 2500,
      ETH: 2000,
      WBNB: 1500,
      XRP: 1000,
      SOL: 1000,
      USDT: 2000,
    });
    expect(() => checkFundSpec(CT5U)).not.toThrow();
  });

  test("behavior: the JSON copy the Solidity tests read is the module's (npm run fund-spec -w @blocketf/core)", () => {
    expect(`${JSON.stringify(spec, null, 2)}\n`).toBe(fundSpecJson(CT5U));
  });
});

describe("resolveSymbol", () => {
  test("behavior: one spelling, aliases and case accepted on input", () => {
    expect(resolveSymbol(CT5U, "btc")).toBe("BTCB");
    expect(resolveSymbol(CT5U, "BNB")).toBe("WBNB");
    expect(resolveSymbol(CT5U, " wbnb ")).toBe("WBNB");
    expect(resolveSymbol(CT5U, "DOGE")).toBeUndefined();
  });

  test("error: UnknownSymbolError lists the spec's symbols", () => {
    expect(() => requireSymbol(CT5U, "DOGE")).toThrow(UnknownSymbolError);
    expect(() => requireSymbol(CT5U, "DOGE")).toThrow("Known: BTCB, ETH, WBNB, XRP, SOL, USDT.");
  });
});

describe("specRoutes", () => {
  test("default: one hop per non-stable asset through its pool against USDT", () => {
    const routes = specRoutes(CT5U);
    expect(routes.map((r) => r.symbol)).toEqual(["BTCB", "ETH", "WBNB", "XRP", "SOL"]);
    expect(routes[2]).toEqual({
      symbol: "WBNB",
      index: 2,
      feeTier: 100,
      sell: ["WBNB", 100, "USDT"],
      buy: ["USDT", 100, "WBNB"],
    });
  });
});

describe("checkFundSpec", () => {
  const broken = (change: Partial<FundSpec>): FundSpec => ({ ...CT5U, ...change });
  test("error: weights not summing to 10,000", () => {
    const assets = CT5U.assets.map((a) => (a.symbol === "USDT" ? { ...a, weightBps: 1999 } : a));
    expect(() => checkFundSpec(broken({ assets }))).toThrow(/weights sum to 9999 bps/);
  });
  test("error: an alias that is another asset's symbol", () => {
    const assets = CT5U.assets.map((a) => (a.symbol === "ETH" ? { ...a, aliases: ["SOL"] } : a));
    expect(() => checkFundSpec(broken({ assets }))).toThrow(/listed twice/);
  });
  test("error: a non-stable asset without a pool", () => {
    const assets = CT5U.assets.map((a) => (a.symbol === "XRP" ? { ...a, feeTier: 0 } : a));
    expect(() => checkFundSpec(broken({ assets }))).toThrow(/XRP has no pool fee tier/);
  });
});
