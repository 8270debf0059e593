import { describe, expect, test } from "vitest";
import {
  formatAmount,
  formatBps,
  formatDuration,
  formatToken,
  formatUsd,
  formatUsdSigned,
} from "./format.js";

describe("formatAmount", () => {
  test("default: separators, decimals rounded down, zeros dropped", () => {
    expect(formatAmount(1_234_567_890_000_000_000_000n, 18)).toBe("1,234.5678");
    expect(formatAmount(5n * 10n ** 18n, 18)).toBe("5");
    expect(formatToken(25_000_000n, 6, "USDT")).toBe("25 USDT");
  });
  test("behavior: a tiny non-zero amount is not shown as 0", () => {
    expect(formatAmount(1n, 18)).toBe("< 0.0001");
    expect(formatAmount(0n, 18)).toBe("0");
  });
});

describe("formatUsd", () => {
  test("default: dollars and cents", () => {
    expect(formatUsd(1_234_567n * 10n ** 16n)).toBe("$12,345.67");
    expect(formatUsd(-5n * 10n ** 18n)).toBe("-$5.00");
    expect(formatUsd(10n ** 15n)).toBe("< $0.01");
    expect(formatUsdSigned(3n * 10n ** 17n)).toBe("+$0.30");
  });
});

describe("formatBps / formatDuration", () => {
  test("default", () => {
    expect(formatBps(2500)).toBe("25.00 %");
    expect(formatDuration(90)).toBe("2 min");
    expect(formatDuration(3 * 3600 + 1200)).toBe("3 h 20 min");
    expect(formatDuration(2 * 86_400)).toBe("2 days");
  });
});
