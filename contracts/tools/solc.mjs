#!/usr/bin/env node
// Offline Solidity compiler for forge: answers forge's `solc` protocol with the npm solc-js.
//
// forge (with `offline = true` and `solc = "tools/solc.mjs"`) calls this with `--version`, and
// with `--standard-json` plus path flags, the input JSON on stdin. Sources are re-listed by
// `urls` and served through the import callback: a large inline standard-JSON input overflows
// solc-js's wasm stack ("memory access out of bounds").
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join } from "node:path";

const require = createRequire(import.meta.url);
const solc = require("solc");
const args = process.argv.slice(2);

if (args.includes("--version")) {
  const version = solc.version().replace(".Emscripten.clang", ".Linux.g++");
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${version}\n`);
  process.exit(0);
}

if (!args.includes("--standard-json")) {
  process.stderr.write("solc.mjs: only --version and --standard-json are supported\n");
  process.exit(1);
}

const flagValues = (flag) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
const roots = [...flagValues("--base-path"), ...flagValues("--include-path"), process.cwd()];

const input = JSON.parse(readFileSync(0, "utf8"));
const inline = new Map();
for (const [path, source] of Object.entries(input.sources ?? {})) {
  if (typeof source.content === "string") {
    inline.set(path, source.content);
    input.sources[path] = { urls: [path] };
  }
}

function findImports(path) {
  const known = inline.get(path);
  if (known !== undefined) return { contents: known };
  for (const root of isAbsolute(path) ? [""] : roots) {
    try {
      return { contents: readFileSync(root ? join(root, path) : path, "utf8") };
    } catch {
      // try the next root
    }
  }
  return { error: `File not found: ${path}` };
}

process.stdout.write(solc.compile(JSON.stringify(input), { import: findImports }));
