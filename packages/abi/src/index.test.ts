import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import {
  blockEtfAbi,
  blockEtfBytecode,
  blockEtfErrorsAbi,
  blockEtfLinkReferences,
  linkBytecode,
  UnlinkedLibraryError,
} from "./index.js";

const errorsLib = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../../contracts/src/libraries/ErrorsLib.sol",
);

describe("generated ABIs", () => {
  test("behavior: the fund ABI exposes every user entry point", () => {
    const functions = blockEtfAbi.filter((item) => item.type === "function").map((item) => item.name);
    for (const name of ["mint", "mintExactShares", "redeem", "claim", "sweep", "holdings", "exitVenus"]) {
      expect(functions).toContain(name);
    }
  });

  test("behavior: the fund ABI has the events its linked libraries emit at the fund's address", () => {
    const events = blockEtfAbi.filter((item) => item.type === "event").map((item) => item.name);
    // Claim and RedeemInVTokens (RedeemLib), VenusExit (VenusLib): absent from BlockETF's own artifact.
    for (const name of ["Redeem", "Claim", "RedeemInVTokens", "VenusExit", "Withdraw", "Rebalance"]) {
      expect(events).toContain(name);
    }
    expect(new Set(events).size, "each event once").toBe(events.length);
  });

  test("behavior: every error declared in ErrorsLib can be decoded", () => {
    const declared = [...readFileSync(errorsLib, "utf8").matchAll(/error (\w+)\(/g)].map((m) => m[1]);
    const decodable = new Set<string>(blockEtfErrorsAbi.map((item) => item.name));
    expect(declared.length).toBeGreaterThan(30);
    expect(declared.filter((name) => name === undefined || !decodable.has(name))).toEqual([]);
  });
});

describe("linkBytecode", () => {
  const venusLib = "0x00000000000000000000000000000000000000aa" as const;
  const rebalanceLib = "0x00000000000000000000000000000000000000bb" as const;
  const redeemLib = "0x00000000000000000000000000000000000000cc" as const;

  test("default: fills every library placeholder and nothing else", () => {
    expect(blockEtfBytecode).toContain("__$");
    const linked = linkBytecode(blockEtfBytecode, blockEtfLinkReferences, {
      VenusLib: venusLib,
      RebalanceLib: rebalanceLib,
      RedeemLib: redeemLib,
    });
    expect(linked).not.toContain("__$");
    expect(linked.length).toBe(blockEtfBytecode.length);
    expect(linked).toContain(venusLib.slice(2));
    expect(linked).toContain(rebalanceLib.slice(2));
    expect(linked).toContain(redeemLib.slice(2));
  });

  test("error: UnlinkedLibraryError names the missing library", () => {
    expect(() =>
      linkBytecode(blockEtfBytecode, blockEtfLinkReferences, { VenusLib: venusLib, RedeemLib: redeemLib }),
    ).toThrow(/RebalanceLib/);
  });

  test("error: UnlinkedLibraryError", () => {
    expect(() => linkBytecode(blockEtfBytecode, blockEtfLinkReferences, {})).toThrow(UnlinkedLibraryError);
  });
});
