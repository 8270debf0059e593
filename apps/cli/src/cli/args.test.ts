import { UsageError } from "@blocketf/cli-kit";
import { describe, expect, test } from "vitest";
import { parseCommandLine, withUserPaths } from "./args.js";

describe("parseCommandLine", () => {
  test("default: the command defaults to run", () => {
    expect(parseCommandLine(["--json"]).command).toBe("run");
    expect(parseCommandLine(["sweep", "--workers", "2"]).flags.workers).toBe("2");
  });

  test("error: UsageError (strict: an unknown command, flag or argument is never ignored)", () => {
    expect(() => parseCommandLine(["launch"])).toThrow(UsageError);
    expect(() => parseCommandLine(["--nope"])).toThrow("unknown option --nope (see --help)");
    expect(() => parseCommandLine(["stray", "x"])).toThrow(UsageError);
  });
});

describe("withUserPaths", () => {
  test("behavior: file flags resolve against the user's directory, not the workspace's", () => {
    const flags = withUserPaths({ out: "report", prices: "/abs/p.csv", weights: "BTC=100" }, "/home/me");
    expect(flags).toEqual({ out: "/home/me/report", prices: "/abs/p.csv", weights: "BTC=100" });
  });
});
