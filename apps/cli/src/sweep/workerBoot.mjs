// Worker threads do not inherit tsx's loader on Node 20, so each worker loads the TypeScript entry
// through tsx's API.
import { tsImport } from "tsx/esm/api";

await tsImport("./worker.ts", import.meta.url);
