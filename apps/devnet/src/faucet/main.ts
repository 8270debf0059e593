// `npm run faucet -- --to <address> [--usd 10000] [--bnb 10] [--deployment deployments/local.json]`:
// basket tokens and BNB for gas on the running devnet (`npm start`), from anvil's dev account #5.
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { decodeBlockEtfError, NetworkError } from "@blocketf/sdk";
import { devClients } from "@blocketf/testkit";
import { isAddress } from "viem";
import { DEVNET_CHAIN_ID, devnetPaths, type LocalDeployment, REPO_ROOT } from "../deployment.js";
import { DevnetConfigError } from "../errors.js";
import { FAUCET_KEY_INDEX, formatGrant, runFaucet } from "./faucet.js";

const HELP = `npm run faucet -- --to <address> [options]   (the running devnet only: npm start)

  --to <address>       who receives the tokens and the BNB
  --usd <n>            USD worth of each basket token, at the fund's oracle prices (default 10000)
  --bnb <n>            BNB added for gas (default 10)
  --deployment <file>  the devnet's deployment (default deployments/local.json)
  --help               this text`;

function positive(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new DevnetConfigError(`${flag} needs a number >= 0, got "${text}"`);
  return n;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        to: { type: "string" },
        usd: { type: "string", default: "10000" },
        bnb: { type: "string", default: "10" },
        deployment: { type: "string", default: devnetPaths(REPO_ROOT).deploymentFile },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error: unknown) {
    throw new DevnetConfigError(`${(error as Error).message.split("\n")[0]} (see --help)`);
  }
  if (values.help === true) {
    console.log(HELP);
    return;
  }
  const to = String(values.to ?? "");
  if (!isAddress(to, { strict: false })) throw new DevnetConfigError(`--to needs an address, got "${to}"`);
  const usd = positive("--usd", String(values.usd));
  const bnb = positive("--bnb", String(values.bnb));
  const file = String(values.deployment);
  if (!existsSync(file))
    throw new DevnetConfigError(`no devnet deployment at ${file}: start the devnet with npm start`);
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

main().catch((error: unknown) => {
  if (error instanceof DevnetConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(2);
  }
  const typed = decodeBlockEtfError(error);
  process.stderr.write(`faucet failed: ${typed.shortMessage}\n`);
  process.exit(1);
});
