// `npm run dev -w @blocketf/web`: the app alone on Vite's dev server, against the devnet that `npm start`
// left in deployments/local.json (npm start already serves the app; this is for working on it).
// Flags: --port (5173), --deployment <local.json>, --indexer <url>.
import { fileURLToPath } from "node:url";
import { startWeb } from "./index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
};
const web = await startWeb({
  mode: "dev",
  port: Number(arg("--port") ?? 5173),
  localDeploymentFile: arg("--deployment") ?? `${root}deployments/local.json`,
  bscDeploymentFile: `${root}deployments/bsc-fund.json`,
  indexerUrl: arg("--indexer"),
});
process.stdout.write(`web app ${web.url} (Ctrl-C stops)\n`);
const stop = (): void => {
  web.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
