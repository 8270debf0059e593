import type { FundSpec } from "./fundSpec.js";

/** The JSON copy of a spec, as scripts/generateFundSpec.ts writes it (two-space indent, final newline). */
export function fundSpecJson(spec: FundSpec): string {
  return `${JSON.stringify(
    {
      description:
        "Generated from packages/core/src/fundSpec.ts by `npm run fund-spec -w @blocketf/core`; never edit by hand.",
      ...spec,
    },
    null,
    2,
  )}\n`;
}
