import { describe, expect, test } from "vitest";
import { UsageError } from "./errors.js";
import { parseCommand, parseFlags } from "./flags.js";

const OPTIONS = {
  network: { type: "string" },
  "check-only": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

describe("parseFlags", () => {
  test("default: typed values", () => {
    const flags = parseFlags(["--network", "local", "--check-only"], OPTIONS);
    expect(flags).toEqual({ network: "local", "check-only": true });
  });

  test("error: an unknown flag is one line naming it (a typo never runs the command)", () => {
    expect(() => parseFlags(["--network", "local", "--chek-only"], OPTIONS)).toThrow(UsageError);
    expect(() => parseFlags(["--chek-only"], OPTIONS)).toThrow(/^unknown option --chek-only \(see --help\)$/);
  });

  test("error: a missing value, a value to a boolean, a stray argument", () => {
    expect(() => parseFlags(["--network"], OPTIONS)).toThrow(/^--network needs a value/);
    expect(() => parseFlags(["--check-only=yes"], OPTIONS)).toThrow(/^--check-only takes no value/);
    expect(() => parseFlags(["local"], OPTIONS)).toThrow(/^unexpected argument "local"/);
    expect(() => parseFlags(["--network", "-1"], OPTIONS)).toThrow(/written --network=-…/);
    expect(parseFlags(["--network=-1"], OPTIONS).network).toBe("-1");
  });
});

describe("parseCommand", () => {
  test("default: the fallback command when the first argument is a flag", () => {
    expect(parseCommand(["--help"], ["run", "sweep"], "run", OPTIONS)).toEqual({
      command: "run",
      flags: { help: true },
    });
    expect(parseCommand(["sweep", "-h"], ["run", "sweep"], "run", OPTIONS).command).toBe("sweep");
  });

  test("error: UsageError for an unknown command", () => {
    expect(() => parseCommand(["launch"], ["run", "sweep"], "run", OPTIONS)).toThrow(
      /unknown command "launch": one of run, sweep/,
    );
  });
});
