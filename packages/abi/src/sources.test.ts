import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { CONTRACTS } from "../scripts/contracts.js";
import { REPO_ROOT, SOURCE_DIRS } from "../scripts/fingerprint.js";

type Artifact = { metadata?: { settings?: { compilationTarget?: Record<string, string> } } };

// `npm start` on a fresh clone compiles SOURCE_DIRS only, then runs codegen: an exported contract whose
// source lives elsewhere has no artifact there and codegen fails (it did, for the deploy tooling's
// IVenusMarkets, which `npm test` never saw because it compiles everything first).
test("behavior: every contract codegen exports is compiled from a directory npm start builds", () => {
  for (const [file, name] of CONTRACTS) {
    const artifact = JSON.parse(
      readFileSync(join(REPO_ROOT, "contracts", "out", file, `${name}.json`), "utf8"),
    ) as Artifact;
    const source = Object.keys(artifact.metadata?.settings?.compilationTarget ?? {})[0] ?? "(unknown)";
    expect(
      SOURCE_DIRS.some((dir) => source.startsWith(`${dir}/`)),
      `${name} is compiled from ${source}, outside ${SOURCE_DIRS.join(", ")}`,
    ).toBe(true);
  }
});
