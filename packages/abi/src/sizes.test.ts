import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/** {B} EIP-170: the most runtime code an account may hold; BNB Chain enforces it. */
const RUNTIME_LIMIT = 24_576;
/** {B} EIP-3860: the most creation code a transaction may carry. */
const INITCODE_LIMIT = 2 * RUNTIME_LIMIT;

const outDir = join(dirname(fileURLToPath(import.meta.url)), "../../../contracts/out");

type Artifact = {
  bytecode: { object: string };
  deployedBytecode: { object: string };
  metadata?: { settings?: { compilationTarget?: Record<string, string> } };
};

/** Every contract compiled from contracts/src, with its code sizes in bytes. */
function productContracts(): { name: string; runtime: number; initcode: number }[] {
  const found: { name: string; runtime: number; initcode: number }[] = [];
  for (const dir of readdirSync(outDir)) {
    if (!dir.endsWith(".sol")) continue;
    for (const file of readdirSync(join(outDir, dir))) {
      const artifact = JSON.parse(readFileSync(join(outDir, dir, file), "utf8")) as Artifact;
      const target = Object.keys(artifact.metadata?.settings?.compilationTarget ?? {})[0];
      if (target === undefined || !target.startsWith("contracts/src/")) continue;
      const bytes = (hex: string) => (hex.length - 2) / 2;
      found.push({
        name: file.replace(/\.json$/, ""),
        runtime: bytes(artifact.deployedBytecode.object),
        initcode: bytes(artifact.bytecode.object),
      });
    }
  }
  return found;
}

test("behavior: every contract of contracts/src fits EIP-170 (runtime) and EIP-3860 (initcode)", () => {
  const contracts = productContracts();
  const names = contracts.map((c) => c.name);
  for (const expected of [
    "BlockETF",
    "BlockETFFactory",
    "BlockETFLens",
    "BlockETFRebalancer",
    "BlockETFRouter",
  ]) {
    expect(names, "the size check must see the product's contracts").toContain(expected);
  }
  const tooBig = contracts
    .filter((c) => c.runtime > RUNTIME_LIMIT || c.initcode > INITCODE_LIMIT)
    .map(
      (c) =>
        `${c.name}: runtime ${c.runtime} B (limit ${RUNTIME_LIMIT}), initcode ${c.initcode} B (limit ${INITCODE_LIMIT})`,
    );
  expect(tooBig).toEqual([]);
});
