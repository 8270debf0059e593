import type { Hex } from "viem";

/** A library placeholder was left without an address. */
export class UnlinkedLibraryError extends Error {
  override readonly name = "UnlinkedLibraryError";
  constructor(readonly library: string) {
    super(`Bytecode needs library ${library}: deploy it first and pass its address to linkBytecode.`);
  }
}

type LinkReferences = Readonly<
  Record<string, Readonly<Record<string, ReadonlyArray<{ start: number; length: number }>>>>
>;

/**
 * Fills solc's library placeholders in `bytecode` with deployed addresses, by the positions recorded in
 * the artifact's link references. `libraries` maps a library name (e.g. "VenusLib") to its address.
 */
export function linkBytecode(
  bytecode: Hex,
  references: LinkReferences,
  libraries: Readonly<Record<string, Hex>>,
): Hex {
  let code = bytecode.slice(2);
  for (const file of Object.values(references)) {
    for (const [library, positions] of Object.entries(file)) {
      const address = libraries[library];
      if (address === undefined) throw new UnlinkedLibraryError(library);
      const hex = address.slice(2).toLowerCase();
      for (const { start, length } of positions) {
        code = code.slice(0, start * 2) + hex.padStart(length * 2, "0") + code.slice((start + length) * 2);
      }
    }
  }
  return `0x${code}`;
}
