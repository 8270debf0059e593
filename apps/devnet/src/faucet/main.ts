// `npm run faucet -- --to <address> [--usd 10000] [--bnb 10] [--deployment deployments/local.json]`:
// basket tokens and BNB for gas on the running devnet (`npm start`), from anvil's dev account #5.
import { existsSync, readFileSync } from "node:fs";
import { addressValue, numberValue, parseFlags, runMain, userPath } from "@blocketf/cli-kit";
import { decodeBlockEtfError, NetworkError } from "@blocketf/sdk";
import { devClients } from "@blocketf/testkit";
import { DEVNET_CHAIN_ID, devnetPaths, type LocalDeployment, REPO_ROOT } from "../deployment.js";
import { DevnetConfigError } from "../errors.js";
import { FAUCET_KEY_INDEX, formatGrant, runFaucet } from "./faucet.js";

const HELP = `npm run faucet -- --to <address> [options]   (the running devnet only: npm start)

  --to <address>       who receives the tokens and the BNB
  --usd <n>            USD worth of each basket token, at the fund's oracle prices (default 10000)
  --bnb <n>            BNB added for gas (default 10)
  --deployment <file>  the devnet's deployment (default deployments/local.json of the repository;
                       a devnet started with --dir <path>: <path>/deployments/local.json)
  --help               this text`;

async function main(): Promise<void> {
  const f = parseFlags(process.argv.slice(2), {
    to: { type: "string" },
    usd: { type: "string" },
    bnb: { type: "string" },
    deployment: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help === true) {
    console.log(HELP);
    return;
  }
  if (f.to === undefined) throw new DevnetConfigError("--to <address> is required (see --help)");
  const to = addressValue("--to", f.to);
  const usd = f.usd === undefined ? 10_000 : numberValue("--usd", f.usd, { min: 0 });
  const bnb = f.bnb === undefined ? 10 : numberValue("--bnb", f.bnb, { min: 0 });
  const file = f.deployment === undefined ? devnetPaths(REPO_ROOT).deploymentFile : userPath(f.deployment);
  if (!existsSync(file))
    throw new DevnetConfigError(
      `no devnet deployment at ${file}: start the devnet with npm start (one started with --dir <path> writes <path>/deployments/local.json)`,
    );
  const deployment = JSON.parse(readFileSync(file, "utf8")) as LocalDeployment;
  const faucet = devClients(deployment.rpcUrl, FAUCET_KEY_INDEX, deployment.chainId);
  let chainId: number;
  try {
    chainId = await faucet.publicClient.getChainId();
  } catch (error: unknown) {
    const typed = decodeBlockEtfError(error);
    if (typed instanceof NetworkError)
      throw new DevnetConfigError(
        `the devnet at ${deployment.rpcUrl} is not running: start it with npm start`,
      );
    throw typed;
  }
  if (chainId !== DEVNET_CHAIN_ID)
    throw new DevnetConfigError(
      `${deployment.rpcUrl} is chain ${chainId}, not the devnet (${DEVNET_CHAIN_ID}): the faucet only mints test tokens`,
    );
  const grants = await runFaucet(faucet, deployment, { to, usd, bnb });
  console.log(
    `sent to ${to}: ${grants.map(formatGrant).join(", ")} ($${usd} of each) and ${bnb} BNB for gas`,
  );
}

runMain("faucet", main, (error) => decodeBlockEtfError(error).shortMessage);
