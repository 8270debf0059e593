import { describe, expect, test } from "vitest";
import { DateRangeError, MalformedCsvError } from "../errors.js";
import { parseApySeries } from "./apySeries.js";
import { dataFile, PRICE_FILES } from "./files.js";
import { loadPriceHistory, parsePriceHistory, selectWindow } from "./prices.js";

describe("loadPriceHistory", () => {
  test("default: the bundled daily file, USDT appended at 1", () => {
    const history = loadPriceHistory(dataFile(PRICE_FILES["1d"]));
    expect(history.assets).toEqual(["BTCB", "ETH", "WBNB", "XRP", "SOL", "USDT"]);
    expect(history.labels[0]).toBe("2020-08-11");
    expect(history.labels.at(-1)).toBe("2026-01-05");
    expect(history.stepSeconds).toBe(86_400);
    expect(history.prices[5]).toBe(1);
    expect(history.prices[0]).toBe(11392.08);
  });

  test("default: the 4h file labels bars by their close", () => {
    const history = loadPriceHistory(dataFile(PRICE_FILES["4h"]));
    expect(history.labels[0]).toBe("2020-08-11T12:00Z");
    expect(history.stepSeconds).toBe(14_400);
  });
});

describe("parsePriceHistory", () => {
  test("error: MalformedCsvError", () => {
    expect(() => parsePriceHistory("day,BTC\n2024-01-01,1\n2024-01-02,1\n", "x.csv")).toThrow(
      MalformedCsvError,
    );
    expect(() => parsePriceHistory("date,BTC\n2024-01-01,1\n2024-01-02\n", "x.csv")).toThrow(
      MalformedCsvError,
    );
    expect(() => parsePriceHistory("date,BTC\n2024-01-01,1\n2024-01-02,-3\n", "x.csv")).toThrow(
      MalformedCsvError,
    );
    expect(() => parsePriceHistory("date,BTC\n2024-01-02,1\n2024-01-01,1\n", "x.csv")).toThrow(
      MalformedCsvError,
    );
    expect(() => parsePriceHistory("date,BTC\n2024-13-01,1\n2024-01-01,1\n", "x.csv")).toThrow(
      MalformedCsvError,
    );
    expect(() => parsePriceHistory("date,BTC,USDT\n2024-01-01,1,1\n2024-01-02,1,1\n", "x.csv")).toThrow(
      MalformedCsvError,
    );
  });
});

describe("selectWindow", () => {
  const history = parsePriceHistory(
    "date,X\n2024-01-01,1\n2024-01-02,1\n2024-01-03,1\n2024-01-04,1\n",
    "x.csv",
  );

  test("default: inclusive dates", () => {
    expect(selectWindow(history, "2024-01-02", "2024-01-03")).toEqual({ start: 1, end: 3 });
    expect(selectWindow(history, undefined, undefined)).toEqual({ start: 0, end: 4 });
  });

  test("error: DateRangeError", () => {
    expect(() => selectWindow(history, "2023-12-31", undefined)).toThrow(DateRangeError);
    expect(() => selectWindow(history, undefined, "2024-01-05")).toThrow(DateRangeError);
    expect(() => selectWindow(history, "2024-01-03", "2024-01-03")).toThrow(DateRangeError);
  });
});

describe("parseApySeries", () => {
  test("behavior: a row holds until the next; before it and for unlisted assets the constant applies", () => {
    const history = parsePriceHistory("date,X\n2024-01-01,1\n2024-01-02,1\n2024-01-03,1\n", "x.csv");
    const series = parseApySeries("date,USDT\n2024-01-02,8\n", "apy.csv", history, [0.5, 5]);
    expect(Array.from(series)).toEqual([0.5, 5, 0.5, 8, 0.5, 8]);
  });
});
