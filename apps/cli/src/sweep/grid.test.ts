import { describe, expect, test } from "vitest";
import { InvalidFlagError } from "../errors.js";
import { parseAxis } from "./grid.js";

describe("parseAxis", () => {
  test("default: lists and inclusive ranges", () => {
    expect(parseAxis("100,200,500", "--x", 1, 1, 10_000)).toEqual([100, 200, 500]);
    expect(parseAxis("0:45:5", "--x", 100, 0, 9_999)).toEqual([
      0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500,
    ]);
  });

  test("error: InvalidFlagError", () => {
    expect(() => parseAxis("0:10:0", "--x", 1, 0, 100)).toThrow(InvalidFlagError);
    expect(() => parseAxis("a,b", "--x", 1, 0, 100)).toThrow(InvalidFlagError);
    expect(() => parseAxis("500", "--x", 1, 0, 100)).toThrow(InvalidFlagError);
  });
});
