// Writes fund-spec/ct5u.json from src/fundSpec.ts, for the tools that cannot import TypeScript: the
// Solidity tests read it with vm.readFile + vm.parseJson (contracts/test/utils/BaseTest.sol). Run:
// `npm run fund-spec -w @blocketf/core`; src/fundSpec.test.ts fails when the file and the module differ.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CT5U } from "../src/fundSpec.js";
import { fundSpecJson } from "../src/fundSpecJson.js";

const file = fileURLToPath(new URL("../fund-spec/ct5u.json", import.meta.url));
writeFileSync(file, fundSpecJson(CT5U));
console.log(`wrote ${file}`);
