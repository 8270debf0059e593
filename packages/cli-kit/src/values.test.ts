import { describe, expect, test } from "vitest";
import { UsageError } from "./errors.js";
import { addressValue, numberValue, percentBps, userPath } from "./values.js";

describe("addressValue", () => {
  test("default: lower case or checksummed, returned checksummed", () => {
    expect(addressValue("--owner", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")).toBe(
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
    );
  });

  test("error: --owner 0x123 is refused", () => {
    expect(() => addressValue("--owner", "0x123")).toThrow(UsageError);
    expect(() => addressValue("--owner", "0x123")).toThrow(
      '--owner needs an address (0x and 40 hex digits), got "0x123"',
    );
  });

  test("error: a mixed-case address with a wrong checksum", () => {
    expect(() => addressValue("--owner", "0xF39fd6e51aad88F6F4ce6aB8827279cffFb92266")).toThrow(
      /bad checksum/,
    );
  });
});

describe("numberValue", () => {
  test("default: a number in range", () => {
    expect(numberValue("--port", "8545", { min: 0, max: 65_535, integer: true })).toBe(8545);
  });
  test("error: not a number, out of range, not whole", () => {
    expect(() => numberValue("--port", "", {})).toThrow(UsageError);
    expect(() => numberValue("--port", "x")).toThrow('--port needs a number, got "x"');
    expect(() => numberValue("--port", "-1", { min: 0, integer: true })).toThrow(
      '--port needs a whole number >= 0, got "-1"',
    );
    expect(() => numberValue("--days", "1.5", { min: 0, integer: true })).toThrow(UsageError);
  });
});

describe("percentBps", () => {
  test("default: percent to bps", () => {
    expect(percentBps("--buffer", "2")).toBe(200);
    expect(percentBps("--buffer", "3.25")).toBe(325);
  });
  test("error: 100 or more, three decimals", () => {
    expect(() => percentBps("--buffer", "100")).toThrow(/in \[0, 100\)/);
    expect(() => percentBps("--buffer", "1.005")).toThrow(UsageError);
  });
});

describe("userPath", () => {
  test("behavior: relative to the user's directory, absolute kept", () => {
    expect(userPath("deployments/local.json", "/home/me")).toBe("/home/me/deployments/local.json");
    expect(userPath("/x/local.json", "/home/me")).toBe("/x/local.json");
  });
});
