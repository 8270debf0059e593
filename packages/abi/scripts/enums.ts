// Solidity enums for TypeScript: an ABI carries an enum as a uint8 (its name only in `internalType`), so
// the members' names, in order, are read from the source where the enum is declared.

/** Where the enums that events and views return are declared (relative to the repo root). */
export const ENUM_SOURCES: readonly string[] = ["contracts/src/interfaces/IBlockETF.sol"];

/** Every `enum Name { A, B, … }` in a Solidity source, with its members in declaration order. */
export function solidityEnums(source: string): Map<string, string[]> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  const enums = new Map<string, string[]>();
  for (const m of code.matchAll(/\benum\s+([A-Za-z_]\w*)\s*\{([^}]*)\}/g)) {
    const [, name, body] = m;
    if (name === undefined || body === undefined) continue;
    enums.set(
      name,
      body
        .split(",")
        .map((member) => member.trim())
        .filter((member) => member !== ""),
    );
  }
  return enums;
}
