// Set-up step: fetches Venus's published compiled artifacts without installing Venus.
//
// `npm pack`s three pinned Venus packages into a temp dir, verifies each tarball's sha512 against the
// pinned integrity (docs/venus-integration.md §3), extracts only the artifact files we deploy with system
// `tar`, strips each to {contractName, abi, bytecode} into `<repo>/.cache/venus-artifacts/` (git-ignored)
// with a manifest, and generates typed `as const` ABIs into `packages/testkit/src/local/venus/generated/`.
// A second run with a matching manifest does nothing. Never add the Venus packages to package.json:
// their dependency tree is ~2 GB and fails to install.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Base class of every failure of this script. */
export class VenusArtifactsError extends Error {
  override readonly name: string = "VenusArtifactsError";
}
/** A packed tarball does not hash to its pinned sha512 integrity. */
export class IntegrityMismatchError extends VenusArtifactsError {
  override readonly name = "IntegrityMismatchError";
  constructor(
    readonly spec: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`integrity mismatch for ${spec}: expected ${expected}, got ${actual}`);
  }
}
/** `npm pack` or `tar` failed. */
export class ToolFailedError extends VenusArtifactsError {
  override readonly name = "ToolFailedError";
}
/** An expected artifact is absent from a tarball, or malformed. */
export class ArtifactMissingError extends VenusArtifactsError {
  override readonly name = "ArtifactMissingError";
}

type PinnedPackage = {
  readonly name: string;
  readonly version: string;
  readonly integrity: string;
  /** Artifact paths inside the package (without the tarball's `package/` prefix), as [path, output name]. */
  readonly artifacts: ReadonlyArray<readonly [string, string]>;
  /** Plain JSON files copied as they are (address books), as [path, output name]. */
  readonly files: ReadonlyArray<readonly [string, string]>;
};

const VP = "artifacts/contracts";
const HD = "artifacts/hardhat-deploy/solc_0.8/openzeppelin/proxy/transparent";

/** The three pinned packages and the files taken from each (docs/venus-integration.md §1.1 and §3). */
export const PINNED: readonly PinnedPackage[] = [
  {
    name: "@venusprotocol/venus-protocol",
    version: "10.3.0",
    integrity:
      "sha512-qGvjvUgYhK5REF/Cj4Lg4FNBMrEscnSSxr4sHL4WDlb2woPucvqLfGkw/f3XKFanf+lWD1G4K0Gzpdc430+BeQ==",
    artifacts: [
      [`${VP}/Comptroller/Unitroller.sol/Unitroller.json`, "Unitroller"],
      [`${VP}/Comptroller/Diamond/Diamond.sol/Diamond.json`, "Diamond"],
      [`${VP}/Comptroller/Diamond/DiamondConsolidated.sol/DiamondConsolidated.json`, "DiamondConsolidated"],
      [`${VP}/Comptroller/Diamond/facets/MarketFacet.sol/MarketFacet.json`, "MarketFacet"],
      [`${VP}/Comptroller/Diamond/facets/PolicyFacet.sol/PolicyFacet.json`, "PolicyFacet"],
      [`${VP}/Comptroller/Diamond/facets/RewardFacet.sol/RewardFacet.json`, "RewardFacet"],
      [`${VP}/Comptroller/Diamond/facets/SetterFacet.sol/SetterFacet.json`, "SetterFacet"],
      [`${VP}/Comptroller/Diamond/facets/FlashLoanFacet.sol/FlashLoanFacet.json`, "FlashLoanFacet"],
      [`${VP}/Comptroller/Diamond/interfaces/IMarketFacet.sol/IMarketFacet.json`, "IMarketFacet"],
      [`${VP}/Comptroller/Diamond/interfaces/IPolicyFacet.sol/IPolicyFacet.json`, "IPolicyFacet"],
      [`${VP}/Comptroller/Diamond/interfaces/IRewardFacet.sol/IRewardFacet.json`, "IRewardFacet"],
      [`${VP}/Comptroller/Diamond/interfaces/ISetterFacet.sol/ISetterFacet.json`, "ISetterFacet"],
      [`${VP}/Comptroller/Diamond/interfaces/IFlashLoanFacet.sol/IFlashLoanFacet.json`, "IFlashLoanFacet"],
      [`${VP}/Comptroller/Diamond/interfaces/IFacetBase.sol/IFacetBase.json`, "IFacetBase"],
      [`${VP}/Lens/ComptrollerLens.sol/ComptrollerLens.json`, "ComptrollerLens"],
      [`${VP}/InterestRateModels/JumpRateModel.sol/JumpRateModel.json`, "JumpRateModel"],
      [`${VP}/Tokens/VTokens/VBep20Delegate.sol/VBep20Delegate.json`, "VBep20Delegate"],
      [`${VP}/Tokens/VTokens/VBep20Delegator.sol/VBep20Delegator.json`, "VBep20Delegator"],
      [`${VP}/Tokens/VTokens/VBNB.sol/VBNB.json`, "VBNB"],
      [`${VP}/Tokens/XVS/XVS.sol/XVS.json`, "XVS"],
      [`${VP}/test/SimplePriceOracle.sol/SimplePriceOracle.json`, "SimplePriceOracle"],
      [`${VP}/test/MockToken.sol/MockToken.json`, "MockToken"],
      [`${VP}/test/WBNB.sol/WBNB.json`, "WBNB"],
      [
        `${HD}/TransparentUpgradeableProxy.sol/TransparentUpgradeableProxy.json`,
        "TransparentUpgradeableProxy",
      ],
      [`${HD}/ProxyAdmin.sol/ProxyAdmin.json`, "ProxyAdmin"],
    ],
    files: [["deployments/bscmainnet_addresses.json", "venus-protocol.bscmainnet_addresses.json"]],
  },
  {
    name: "@venusprotocol/governance-contracts",
    version: "2.9.0",
    integrity:
      "sha512-rnNVFULAtHAVrORtvcB5LygC1rHxdIEnCeZp8IzRPVRBENPkQIvR+NUZCsWOT4c17qwIALZgY5qaV4jgaVaQUA==",
    artifacts: [
      [
        "artifacts/contracts/Governance/AccessControlManager.sol/AccessControlManager.json",
        "AccessControlManager",
      ],
    ],
    files: [["deployments/bscmainnet_addresses.json", "governance-contracts.bscmainnet_addresses.json"]],
  },
  {
    name: "@venusprotocol/oracle",
    version: "2.16.0",
    integrity:
      "sha512-glqLXVBTL5zTSZsdw71aE3UZrH8CeRZfv5tKapZhP5Yi1in8HfKoNoWMqEji4lgBGCUArZJ85jVG9SesNDi8PA==",
    artifacts: [
      [
        "artifacts/contracts/DeviationBoundedOracle.sol/DeviationBoundedOracle.json",
        "DeviationBoundedOracle",
      ],
    ],
    files: [["deployments/bscmainnet_addresses.json", "oracle.bscmainnet_addresses.json"]],
  },
];

/** Artifacts whose bytecode is not exported (interfaces, and the 47 KB consolidated ABI). */
const ABI_ONLY = new Set([
  "DiamondConsolidated",
  "IMarketFacet",
  "IPolicyFacet",
  "IRewardFacet",
  "ISetterFacet",
  "IFlashLoanFacet",
  "IFacetBase",
]);

const FORMAT = 1;

type Manifest = {
  readonly format: number;
  readonly packages: ReadonlyArray<{ name: string; version: string; integrity: string }>;
  /** Cached file name → sha256 of its content (hex). */
  readonly files: Readonly<Record<string, string>>;
  /** Files written to src/local/venus/generated/. */
  readonly generated: readonly string[];
};

/** What the manifest must say, except the file hashes (known only once the files exist). */
type Expected = Omit<Manifest, "files"> & { readonly files: readonly string[] };

type StrippedArtifact = { contractName: string; abi: unknown[]; bytecode: `0x${string}` };

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..", "..");
export const CACHE_DIR = join(repoRoot, ".cache", "venus-artifacts");
const GENERATED_DIR = join(here, "..", "src", "local", "venus", "generated");
const MANIFEST = join(CACHE_DIR, "manifest.json");

/** `VBep20Delegator` → `vBep20Delegator`, `IFacetBase` → `iFacetBase`, `VBNB` → `vbnb`. */
export function camelName(name: string): string {
  if (/^[A-Z0-9]+$/.test(name)) return name.toLowerCase();
  return name.replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]/, (m) => m.toLowerCase());
}

function expectedManifest(): Expected {
  const files: string[] = [];
  const generated: string[] = ["index.ts"];
  for (const pkg of PINNED) {
    for (const [, out] of pkg.artifacts) {
      files.push(`${out}.json`);
      generated.push(`${camelName(out)}.ts`);
    }
    for (const [, out] of pkg.files) files.push(out);
  }
  return {
    format: FORMAT,
    packages: PINNED.map(({ name, version, integrity }) => ({ name, version, integrity })),
    files,
    generated,
  };
}

async function sha256File(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

async function buildManifest(expected: Expected): Promise<Manifest> {
  const files: Record<string, string> = {};
  for (const file of expected.files) files[file] = await sha256File(join(CACHE_DIR, file));
  return { ...expected, files };
}

async function sha512(path: string): Promise<string> {
  const hash = createHash("sha512");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest("base64")}`;
}

async function tool(cmd: string, args: readonly string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { cwd, maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ToolFailedError(`${cmd} ${args.slice(0, 3).join(" ")}… failed: ${message}`);
  }
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8")) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function strip(raw: unknown, source: string): StrippedArtifact {
  if (!isRecord(raw) || typeof raw.contractName !== "string" || !Array.isArray(raw.abi)) {
    throw new ArtifactMissingError(`${source} is not a hardhat artifact`);
  }
  const bytecode = raw.bytecode;
  if (typeof bytecode !== "string" || !bytecode.startsWith("0x")) {
    throw new ArtifactMissingError(`${source} has no bytecode string`);
  }
  if (isRecord(raw.linkReferences) && Object.keys(raw.linkReferences).length > 0) {
    throw new ArtifactMissingError(`${source} needs library linking, which this script does not do`);
  }
  return { contractName: raw.contractName, abi: raw.abi as unknown[], bytecode: bytecode as `0x${string}` };
}

/** "fresh": nothing to do; "regenerate": cache intact, generated TS missing; "stale": fetch again. */
async function manifestMatches(expected: Expected): Promise<"fresh" | "regenerate" | "stale"> {
  if (!existsSync(MANIFEST)) return "stale";
  let current: Manifest;
  try {
    current = (await readJson(MANIFEST)) as Manifest;
  } catch {
    return "stale";
  }
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (
    current.format !== expected.format ||
    !same(current.packages, expected.packages) ||
    !same(current.generated, expected.generated) ||
    !isRecord(current.files) ||
    !same(Object.keys(current.files), expected.files)
  ) {
    return "stale";
  }
  for (const file of expected.files) {
    const path = join(CACHE_DIR, file);
    if (!existsSync(path) || (await sha256File(path)) !== current.files[file]) return "stale";
  }
  if (!expected.generated.every((f) => existsSync(join(GENERATED_DIR, f)))) return "regenerate";
  return "fresh";
}

async function generateTypescript(): Promise<number> {
  await rm(GENERATED_DIR, { recursive: true, force: true });
  await mkdir(GENERATED_DIR, { recursive: true });
  const index: string[] = [
    "// Generated by packages/testkit/scripts/fetchVenusArtifacts.ts from Venus's npm artifacts. Do not edit.",
  ];
  let count = 0;
  for (const pkg of PINNED) {
    for (const [path, out] of pkg.artifacts) {
      const artifact = (await readJson(join(CACHE_DIR, `${out}.json`))) as StrippedArtifact;
      const id = camelName(out);
      let body =
        `// Generated from ${pkg.name}@${pkg.version} ${path}\n` +
        "// by packages/testkit/scripts/fetchVenusArtifacts.ts. Do not edit.\n";
      body += `export const ${id}Abi = ${JSON.stringify(artifact.abi, null, 2)} as const;\n`;
      if (!ABI_ONLY.has(out)) {
        body += `\nexport const ${id}Bytecode = ${JSON.stringify(artifact.bytecode)} as const;\n`;
      }
      await writeFile(join(GENERATED_DIR, `${id}.ts`), body);
      index.push(`export * from "./${id}.js";`);
      count += 1;
    }
  }
  await writeFile(join(GENERATED_DIR, "index.ts"), `${index.join("\n")}\n`);
  return count;
}

async function fetchAndExtract(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "venus-artifacts-"));
  try {
    const specs = PINNED.map((p) => `${p.name}@${p.version}`);
    const packed = await tool("npm", ["pack", ...specs, "--json", "--pack-destination", work], work);
    let listing: unknown;
    try {
      listing = JSON.parse(packed) as unknown;
    } catch {
      throw new ToolFailedError(`npm pack printed no JSON: ${packed.slice(0, 200)}`);
    }
    if (!Array.isArray(listing)) throw new ToolFailedError("npm pack --json did not print an array");

    const tarballs = await Promise.all(
      PINNED.map(async (pkg) => {
        const entry: unknown = listing.find((e: unknown) => isRecord(e) && e.name === pkg.name);
        if (!isRecord(entry) || typeof entry.filename !== "string") {
          throw new ToolFailedError(`npm pack output has no tarball for ${pkg.name}`);
        }
        const tarball = join(work, entry.filename);
        // Verify the bytes on disk ourselves; npm's own report is not what we pin against.
        const actual = await sha512(tarball);
        if (actual !== pkg.integrity) {
          throw new IntegrityMismatchError(`${pkg.name}@${pkg.version}`, pkg.integrity, actual);
        }
        return tarball;
      }),
    );

    await rm(CACHE_DIR, { recursive: true, force: true });
    await mkdir(CACHE_DIR, { recursive: true });
    await Promise.all(
      PINNED.map(async (pkg, i) => {
        const tarball = tarballs[i];
        if (tarball === undefined) throw new ToolFailedError(`no tarball for ${pkg.name}`);
        const dest = join(work, `x${i}`);
        await mkdir(dest);
        const members = [...pkg.artifacts, ...pkg.files].map(([p]) => `package/${p}`);
        await tool("tar", ["-xzf", tarball, "-C", dest, ...members], work);
        for (const [path, out] of pkg.artifacts) {
          const source = join(dest, "package", path);
          if (!existsSync(source)) throw new ArtifactMissingError(`${pkg.name}: ${path} not in tarball`);
          const stripped = strip(await readJson(source), `${pkg.name}/${path}`);
          await writeFile(join(CACHE_DIR, `${out}.json`), `${JSON.stringify(stripped)}\n`);
        }
        for (const [path, out] of pkg.files) {
          const source = join(dest, "package", path);
          if (!existsSync(source)) throw new ArtifactMissingError(`${pkg.name}: ${path} not in tarball`);
          await writeFile(join(CACHE_DIR, out), await readFile(source));
        }
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const expected = expectedManifest();
  const state = await manifestMatches(expected);
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(2);
  if (state === "fresh") {
    console.log(`venus artifacts: cache up to date (${expected.files.length} files), ${seconds()} s`);
    return;
  }
  if (state === "stale") {
    await rm(MANIFEST, { force: true });
    await fetchAndExtract();
  }
  const generated = await generateTypescript();
  await writeFile(MANIFEST, `${JSON.stringify(await buildManifest(expected), null, 2)}\n`);
  const what =
    state === "stale"
      ? `fetched ${expected.files.length} files from ${PINNED.map((p) => `${p.name}@${p.version}`).join(", ")} (sha512 verified)`
      : `cache intact (${expected.files.length} files)`;
  console.log(`venus artifacts: ${what}, generated ${generated} typed ABIs, ${seconds()} s`);
}

try {
  await main();
} catch (error: unknown) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`fetchVenusArtifacts failed: ${message}`);
  process.exitCode = 1;
}
