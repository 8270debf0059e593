// `npm run pack -w @blocketf/sdk [-- --out <dir>]`: builds @blocketf/abi and @blocketf/sdk to JavaScript
// with type declarations and packs each into a tarball that installs anywhere (`npm install
// blocketf-abi-0.1.0.tgz blocketf-sdk-0.1.0.tgz viem`). In this repository the workspace consumes the
// TypeScript sources (package.json `exports` point at src/); the tarballs carry a package.json whose
// `exports` point at dist/ instead. A bare `npm pack` in a package would ship TypeScript only, so the
// packages refuse it (`prepack`) and point here.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: { out: { type: "string", default: join(root, ".cache", "pack") } },
});
const out = resolve(String(values.out));
mkdirSync(out, { recursive: true });
const staging = mkdtempSync(join(tmpdir(), "blocketf-pack-"));

type Manifest = Record<string, unknown> & {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
};

const readJson = (file: string): Manifest => JSON.parse(readFileSync(file, "utf8")) as Manifest;
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

/** Compiles `pkg`'s src (tests excluded) into `<staging>/<dir>/dist` with a generated tsconfig. */
function build(dir: string, paths: Record<string, string[]> = {}): string {
  const into = join(staging, dir);
  const config = {
    extends: join(root, "tsconfig.base.json"),
    compilerOptions: {
      rootDir: join(root, "packages", dir, "src"),
      outDir: join(into, "dist"),
      composite: false,
      incremental: false,
      declaration: true,
      declarationMap: false,
      sourceMap: false,
      emitDeclarationOnly: false,
      types: [],
      paths,
    },
    include: [join(root, "packages", dir, "src")],
    exclude: [join(root, "packages", dir, "src", "**", "*.test.ts")],
  };
  const file = join(staging, `tsconfig.${dir}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  execFileSync(process.execPath, [tsc, "-p", file], { stdio: "inherit" });
  return into;
}

/** Writes the tarball's package.json (exports → dist) and packs it into `out`. */
function pack(dir: string, into: string, dependencies: Record<string, string>, files: string[] = []): string {
  const source = readJson(join(root, "packages", dir, "package.json"));
  const { private: _private, scripts: _scripts, exports: _exports, ...rest } = source;
  const manifest = {
    ...rest,
    exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js", default: "./dist/index.js" } },
    types: "./dist/index.d.ts",
    files: ["dist", ...files],
    dependencies,
  };
  writeFileSync(join(into, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const f of files) copyFileSync(join(root, "packages", dir, f), join(into, f));
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", out], {
    cwd: into,
    encoding: "utf8",
  })
    .trim()
    .split("\n")
    .at(-1);
  return join(out, name ?? "");
}

try {
  const sdkManifest = readJson(join(root, "packages", "sdk", "package.json"));
  const viem = sdkManifest.dependencies?.viem ?? "";
  const abiDir = build("abi");
  // The ABI package needs viem's types only (its generated code is plain data).
  const abi = pack("abi", abiDir, { viem });
  const sdkDir = build("sdk", { "@blocketf/abi": [join(abiDir, "dist", "index.d.ts")] });
  const abiVersion = readJson(join(root, "packages", "abi", "package.json")).version;
  const sdk = pack("sdk", sdkDir, { "@blocketf/abi": abiVersion, viem }, ["README.md"]);
  console.log(`${abi}\n${sdk}`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
