// Writes src/generated/*.ts from forge's artifacts in contracts/out: one `as const` ABI per contract,
// plus bytecode and link references for the deployable ones, plus the union of every custom error.
// Run after `forge build` (`npm run codegen`); the output is git-ignored and never edited.
// The V3 pool, factory and router-state interfaces the keeper and the deploy checks read come from
// PancakeSwap V3's published npm artifacts (see `external` below).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONTRACTS, DEVNET_ONLY } from "./contracts.js";
import { ENUM_SOURCES, solidityEnums } from "./enums.js";
import { contractsFingerprint, FINGERPRINT_FILE, REPO_ROOT } from "./fingerprint.js";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "..", "..", "contracts", "out");
const genDir = join(here, "..", "src", "generated");

/**
 * Interfaces of other protocols, from their npm artifacts: [package, artifact path]. PancakeSwap V3's, the
 * DEX the fund meets on BNB Chain: the pool's `slot0` (its `feeProtocol` is a uint32, where Uniswap's is a
 * uint8), `token0`, `fee`; the factory's `getPool`; the router's `factory()` and `deployer()`.
 */
const external: ReadonlyArray<readonly [string, string]> = [
  ["@pancakeswap/v3-core", "artifacts/contracts/interfaces/IPancakeV3Pool.sol/IPancakeV3Pool.json"],
  ["@pancakeswap/v3-core", "artifacts/contracts/interfaces/IPancakeV3Factory.sol/IPancakeV3Factory.json"],
  [
    "@pancakeswap/v3-periphery",
    "artifacts/contracts/interfaces/IPeripheryImmutableState.sol/IPeripheryImmutableState.json",
  ],
];

interface AbiItem {
  type: string;
  name?: string;
  inputs?: unknown[];
}
interface Artifact {
  abi: AbiItem[];
  bytecode: {
    object: string;
    linkReferences: Record<string, Record<string, { start: number; length: number }[]>>;
  };
}

const camel = (name: string): string =>
  name
    .replace(/^I(?=[A-Z])/, "i")
    .replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]/, (m) => m.toLowerCase())
    .replace(/ETF/g, "Etf");

const json = (value: unknown): string => JSON.stringify(value, null, 2);

rmSync(genDir, { recursive: true, force: true });
mkdirSync(genDir, { recursive: true });
const index: string[] = [];
const errors = new Map<string, AbiItem>();

const readArtifact = (file: string, name: string): Artifact =>
  JSON.parse(readFileSync(join(outDir, file, `${name}.json`), "utf8")) as Artifact;

/**
 * The ABI of what a contract's address emits: its own ABI plus the events of the linked libraries it
 * DELEGATECALLs (recursively), which log at the contract's address but are absent from its artifact
 * (e.g. BlockETF's `Claim` and `RedeemInVTokens`, emitted inside RedeemLib).
 */
function withLibraryEvents(artifact: Artifact): AbiItem[] {
  const abi = [...artifact.abi];
  const seen = new Set(abi.filter((i) => i.type === "event").map((i) => `${i.name}/${json(i.inputs)}`));
  const visit = (a: Artifact): void => {
    for (const [path, libraries] of Object.entries(a.bytecode.linkReferences)) {
      for (const library of Object.keys(libraries)) {
        const lib = readArtifact(path.split("/").at(-1) ?? path, library);
        for (const item of lib.abi) {
          const key = `${item.name}/${json(item.inputs)}`;
          if (item.type !== "event" || seen.has(key)) continue;
          seen.add(key);
          abi.push(item);
        }
        visit(lib);
      }
    }
  };
  visit(artifact);
  return abi;
}

for (const [file, name, deployable] of CONTRACTS) {
  const artifact = readArtifact(file, name);
  const id = camel(name);
  let body = `// Generated from contracts/out/${file}/${name}.json by packages/abi/scripts/generate.ts. Do not edit.\n`;
  body += `export const ${id}Abi = ${json(deployable ? withLibraryEvents(artifact) : artifact.abi)} as const;\n`;
  if (deployable) {
    body += `\nexport const ${id}Bytecode = ${json(artifact.bytecode.object)} as const;\n`;
    body += `\n/** Library placeholders to fill before deploying (see linkBytecode). */\n`;
    body += `export const ${id}LinkReferences = ${json(artifact.bytecode.linkReferences)} as const;\n`;
  }
  writeFileSync(join(genDir, `${id}.ts`), body);
  index.push(`export * from "./${id}.js";`);
  if (DEVNET_ONLY.has(name)) continue;
  for (const item of artifact.abi) {
    if (item.type === "error" && item.name !== undefined)
      errors.set(`${item.name}/${json(item.inputs)}`, item);
  }
}

const require = createRequire(import.meta.url);
for (const [pkg, path] of external) {
  const artifact = JSON.parse(readFileSync(require.resolve(`${pkg}/${path}`), "utf8")) as {
    contractName: string;
    abi: AbiItem[];
  };
  const id = camel(artifact.contractName);
  let body = `// Generated from ${pkg}/${path} by packages/abi/scripts/generate.ts. Do not edit.\n`;
  body += `export const ${id}Abi = ${json(artifact.abi)} as const;\n`;
  writeFileSync(join(genDir, `${id}.ts`), body);
  index.push(`export * from "./${id}.js";`);
}

writeFileSync(
  join(genDir, "errors.ts"),
  `// Generated: every custom error of the exported contracts, for revert decoding. Do not edit.\nexport const blockEtfErrorsAbi = ${json([...errors.values()])} as const;\n`,
);
index.push(`export * from "./errors.js";`);

let enumsBody =
  "// Generated: the members of the contracts' enums, by value (an ABI gives only a uint8). Do not edit.\n";
let enumCount = 0;
for (const file of ENUM_SOURCES) {
  for (const [name, members] of solidityEnums(readFileSync(join(REPO_ROOT, file), "utf8"))) {
    enumsBody += `\n/** \`${name}\` (${file}), by value. */\nexport const ${camel(name)}Names = ${json(members)} as const;\n`;
    enumCount++;
  }
}
writeFileSync(join(genDir, "enums.ts"), enumsBody);
index.push(`export * from "./enums.js";`);
writeFileSync(join(genDir, "index.ts"), `${index.join("\n")}\n`);
// What this output was built from, so `npm start` can tell in milliseconds whether to compile again.
writeFileSync(FINGERPRINT_FILE, `${json({ fingerprint: contractsFingerprint() })}\n`);
console.log(
  `generated ${CONTRACTS.length} contracts, ${external.length} external interfaces, ${errors.size} errors and ${enumCount} enums into packages/abi/src/generated`,
);
