import { describe, expect, test } from "vitest";
import { solidityEnums } from "../scripts/enums.js";
import * as abi from "./index.js";

describe("solidityEnums", () => {
  test("default: members in declaration order, NatSpec and comments ignored", () => {
    const source = `
      /// @notice Why.
      enum Outcome {
        Ok,
        /// @dev Paused, { or } not.
        Paused, // trailing
        /* a block
           comment, with commas */
        Gone
      }
      contract C { enum Inner { A, B } }`;
    expect(Object.fromEntries(solidityEnums(source))).toEqual({
      Outcome: ["Ok", "Paused", "Gone"],
      Inner: ["A", "B"],
    });
  });
});

// Every enum an exported ABI carries (as a uint8 with internalType "enum Name") has its names generated,
// so nothing has to copy them by hand.
test("behavior: every enum in the exported ABIs has its member names generated", () => {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) visit(n);
    else if (typeof node === "object" && node !== null) {
      const t = (node as { internalType?: unknown }).internalType;
      if (typeof t === "string" && t.startsWith("enum ")) found.add(t.slice(5).split(".").at(-1) ?? t);
      for (const v of Object.values(node)) visit(v);
    }
  };
  for (const [name, value] of Object.entries(abi)) if (name.endsWith("Abi")) visit(value);
  expect(found.size, "enums found in the ABIs").toBeGreaterThan(0);
  const names = abi as Record<string, unknown>;
  for (const e of found) {
    const generated = names[`${e.charAt(0).toLowerCase()}${e.slice(1)}Names`];
    expect(
      Array.isArray(generated) && generated.length > 0,
      `${e}'s names are generated (is it declared in one of scripts/enums.ts ENUM_SOURCES?)`,
    ).toBe(true);
  }
});
