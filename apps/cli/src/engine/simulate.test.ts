import { YEAR_SECONDS } from "@blocketf/core";
import { describe, expect, test } from "vitest";
import { parsePriceHistory } from "../data/prices.js";
import { simulate } from "./simulate.js";
import { dailyMarket, frictionless, hourlyMarket } from "./testMarket.js";

const whole = (market: { history: { times: Float64Array } }) => ({
  start: 0,
  end: market.history.times.length,
});

describe("simulate", () => {
  test("behavior: a constant path never rebalances and keeps its NAV", () => {
    const market = dailyMarket(Array.from({ length: 400 }, () => 123.45));
    const { summary } = simulate(market, frictionless({ thresholdBps: 1 }), whole(market));
    expect(summary.rebalances).toBe(0);
    expect(summary.finalNavUsd).toBeCloseTo(1_000_000, 6);
    expect(summary.maxDrawdown).toBe(0);
    expect(summary.volatility).toBe(0);
  });

  test("behavior: a path built to cross the threshold once rebalances once, on that day", () => {
    // 50/50 X/USDT: at X = 1.2 the weights floor to 5454/4545 (454 off); at 1.25 to 5555/4444, so
    // USDT is 556 off (floors) and triggers.
    const market = dailyMarket([1, 1.1, 1.2, 1.25, 1.25, 1.25, 1.2]);
    const { summary, events } = simulate(market, frictionless(), whole(market), { events: true });
    expect(summary.rebalances).toBe(1);
    expect(events.map((event) => [event.label, event.triggerAsset, event.deviationBps])).toEqual([
      ["2024-01-04", "USDT", 556],
    ]);
    // Frictionless: the rebalance neither creates nor destroys value.
    expect(events[0]?.navUsd).toBeCloseTo(1_125_000, 6);
  });

  test("behavior: yield compounding equals the closed form", () => {
    const days = 365;
    const market = dailyMarket(Array.from({ length: days + 1 }, () => 1));
    const buffer = 1000;
    const config = frictionless({ yieldOn: true, apyPct: [0, 5], bufferBps: [buffer, buffer] });
    const { summary } = simulate(market, config, whole(market));
    const perStep = 1.05 ** (86_400 / YEAR_SECONDS) - 1;
    const closedForm = 500_000 * (1 + (1 - buffer / 10_000) * perStep) ** days;
    expect(summary.rebalances).toBe(0);
    expect(summary.finalNavUsd).toBeCloseTo(500_000 + closedForm, 6);
    expect(summary.interestByAssetUsd[1]).toBeCloseTo(closedForm - 500_000, 6);
    expect(summary.interestByAssetUsd[0]).toBe(0);
  });

  test("behavior: with no buffer the closed form is the APY itself", () => {
    const market = dailyMarket(Array.from({ length: 366 }, () => 1));
    const config = frictionless({ yieldOn: true, apyPct: [0, 5] });
    expect(simulate(market, config, whole(market)).summary.finalNavUsd).toBeCloseTo(500_000 + 525_000, 4);
  });

  test("behavior: yield off earns nothing", () => {
    const market = dailyMarket(Array.from({ length: 100 }, () => 1));
    const config = frictionless({ yieldOn: false, apyPct: [50, 50] });
    expect(simulate(market, config, whole(market)).summary.interestUsd).toBe(0);
  });

  test("behavior: cooldown respected on hourly bars", () => {
    const market = hourlyMarket([1, 1.3, 1, 1.3, 1, 1.3, 1, 1.3, 1, 1.3]);
    const free = simulate(market, frictionless(), whole(market), { events: true });
    expect(free.summary.rebalances).toBe(9);
    const cooled = simulate(market, frictionless({ cooldownSeconds: 3 * 3600 }), whole(market), {
      events: true,
    });
    expect(cooled.events.map((event) => event.step)).toEqual([1, 4, 7]);
  });

  test("behavior: a rebalance larger than the route's step trades in bounded steps, as the fund does", () => {
    // NAV 1.125M at X = 1.25: X is worth 625k against a 562.5k target. With $25k per step the fund
    // sells 25k, 25k (X still 111 bps over, more than a tenth of the 500 bps threshold) and 12.5k.
    const market = dailyMarket([1, 1.25]);
    const config = frictionless({ maxTradeUsd: [25_000, 25_000], gasUsd: 1 });
    const { summary, events } = simulate(market, config, whole(market), { events: true });
    expect(summary.rebalances).toBe(1);
    expect(summary.rebalanceSteps).toBe(3);
    expect(events.map((e) => e.steps)).toEqual([3]);
    // $62,500 to sell, plus about the $3 of gas the steps cost (it lowers the NAV, so every target).
    expect(events[0]?.tradedUsd).toBeCloseTo(62_501, 6);
    expect(summary.gasUsd).toBe(3); // gas is paid per step: each is a transaction
  });

  test("behavior: steps that do not fit in a bar continue at the next bar's prices", () => {
    // Hourly bars, one step every 30 minutes: two steps per bar, so the third runs an hour later.
    const market = hourlyMarket([1, 1.25, 1.25, 1.25]);
    const config = frictionless({ maxTradeUsd: [25_000, 25_000], stepIntervalSeconds: 1800 });
    const { summary, events } = simulate(market, config, whole(market), { events: true });
    expect(summary.rebalanceSteps).toBe(3);
    expect(events.map((e) => [e.step, e.steps])).toEqual([[1, 3]]); // the bar the rule fired in
  });

  test("behavior: uncapped routes (V1) rebalance in one step", () => {
    const market = dailyMarket([1, 1.25]);
    const { summary } = simulate(market, frictionless(), whole(market));
    expect([summary.rebalances, summary.rebalanceSteps]).toEqual([1, 1]);
  });

  test("behavior: pool fee is charged on both legs", () => {
    const market = dailyMarket([1, 1.25]);
    const config = frictionless({ poolFee: [0.001, 0] });
    const { summary, events } = simulate(market, config, whole(market), { events: true });
    // NAV 1.125M, X worth 625k against a 562.5k target: sell 62.5k, buy nothing.
    expect(summary.tradedUsd).toBeCloseTo(62_500, 4);
    expect(summary.poolFeesUsd).toBeCloseTo(62.5, 6);
    expect(events[0]?.navUsd).toBeCloseTo(1_125_000 - 62.5, 4);
  });

  test("behavior: V1 layout with a zero-weight stablecoin never overspends", () => {
    // X and Y 50/50, USDT 0, with a 1% fee: buys are scaled to the proceeds that are left.
    const start = Date.parse("2024-01-01T00:00:00Z");
    const day = (t: number) => new Date(start + t * 86_400_000).toISOString().slice(0, 10);
    const history = parsePriceHistory(`date,X,Y\n${day(0)},1,1\n${day(1)},2,1\n`, "t.csv");
    const config = frictionless({
      targetBps: [5000, 5000, 0],
      apyPct: [0, 0, 0],
      bufferBps: [0, 0, 0],
      poolFee: [0.01, 0.01, 0],
      depthUsd: [1e12, 1e12, 1e12],
      maxTradeUsd: [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    });
    const window = { start: 0, end: 2 };
    const { summary, series } = simulate({ history, apySeriesPct: undefined }, config, window, {
      series: true,
    });
    // NAV 1.5M: sell 250k X for 247.5k, which buys 247.5k of Y (not the planned 250k) for 245,025.
    expect(series?.weightsBps[1 * 3 + 2]).toBe(0);
    expect(summary.finalNavUsd).toBeCloseTo(1_500_000 - 2_500 - 2_475, 4);
  });

  test("behavior: management fee dilutes at the contract's rate", () => {
    const market = dailyMarket(Array.from({ length: 366 }, () => 1));
    const { summary } = simulate(market, frictionless({ managementFeeBps: 100 }), whole(market));
    expect(summary.finalNavUsd).toBeCloseTo(1_000_000 * (1 - 100 / 10_000 / 365) ** 365, 4);
  });
});
