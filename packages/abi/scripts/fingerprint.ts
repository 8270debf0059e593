// The fingerprint of what the generated ABIs are built from: every Solidity source under contracts/src,
// the compiler setup (foundry.toml, contracts/tools/solc.mjs, the pinned solc-js version) and the
// generator itself. `generate.ts` records it next to its output; `ensure.ts` compares it to decide, in
// a few milliseconds, whether `npm start` must compile first.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const GENERATED_DIR = join(REPO_ROOT, "packages", "abi", "src", "generated");
/** Written by generate.ts: `{ "fingerprint": "<sha256>" }`. */
export const FINGERPRINT_FILE = join(GENERATED_DIR, "fingerprint.json");

function solidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return solidityFiles(path);
    return entry.name.endsWith(".sol") ? [path] : [];
  });
}

/** sha256 over the inputs' repository-relative names and contents, in a fixed order. */
export function contractsFingerprint(root: string = REPO_ROOT): string {
  const inputs = [
    ...solidityFiles(join(root, "contracts", "src")).sort(),
    join(root, "foundry.toml"),
    join(root, "contracts", "tools", "solc.mjs"),
    join(root, "node_modules", "solc", "package.json"),
    join(root, "packages", "abi", "scripts", "generate.ts"),
  ];
  const hash = createHash("sha256");
  for (const file of inputs) {
    hash.update(relative(root, file));
    hash.update("\0");
    hash.update(existsSync(file) ? readFileSync(file) : "(missing)");
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The fingerprint the generated ABIs were built from, or undefined when there are none. */
export function recordedFingerprint(): string | undefined {
  if (!existsSync(FINGERPRINT_FILE)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(FINGERPRINT_FILE, "utf8")) as { fingerprint?: unknown };
    return typeof parsed.fingerprint === "string" ? parsed.fingerprint : undefined;
  } catch {
    return undefined;
  }
}
