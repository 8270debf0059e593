import { describe, expect, test } from "vitest";
import { InvalidFlagError } from "../errors.js";
import { parseCommandLine, withUserPaths } from "./args.js";

describe("parseCommandLine", () => {
  test("default: the command defaults to run", () => {
    expect(parseCommandLine(["--json"]).command).toBe("run");
    expect(parseCommandLine(["sweep", "--workers", "2"]).flags.workers).toBe("2");
  });

  test("error: InvalidFlagError", () => {
    expect(() => parseCommandLine(["launch"])).toThrow(InvalidFlagError);
    expect(() => parseCommandLine(["--nope"])).toThrow(InvalidFlagError);
    expect(() => parseCommandLine(["stray", "x"])).toThrow(InvalidFlagError);
  });
});

describe("withUserPaths", () => {
  test("behavior: file flags resolve against the user's directory, not the workspace's", () => {
    const flags = withUserPaths({ out: "report", prices: "/abs/p.csv", weights: "BTC=100" }, "/home/me");
    expect(flags).toEqual({ out: "/home/me/report", prices: "/abs/p.csv", weights: "BTC=100" });
  });
});
