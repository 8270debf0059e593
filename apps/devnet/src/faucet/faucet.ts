import { blockEtfLensAbi } from "@blocketf/abi";
import { buildCall, write } from "@blocketf/sdk";
import { BASKET, type BasketSymbol, type DevClients, venusArtifacts } from "@blocketf/testkit";
import { type Address, erc20Abi, formatEther, parseEther } from "viem";
import type { LocalDeployment } from "../deployment.js";

/** anvil's dev key index of the faucet: its own nonces, apart from the replayer (0–2) and the keeper (4). */
export const FAUCET_KEY_INDEX = 5;

export type FaucetOptions = {
  readonly to: Address;
  /** {USD} Value given of each basket token, at the fund's oracle prices. */
  readonly usd: number;
  /** {BNB} Native BNB added for gas. */
  readonly bnb: number;
};

export type FaucetGrant = { readonly symbol: BasketSymbol; readonly token: Address; readonly amount: bigint };

/**
 * Gives `to` `usd` worth of every basket token at the fund's oracle prices (the devnet's test tokens mint
 * to the faucet account, which transfers them; WBNB is wrapped BNB) and `bnb` BNB for gas (anvil's
 * setBalance). Every transaction goes through the SDK's `write`. Local devnet only.
 */
export async function runFaucet(
  faucet: DevClients,
  deployment: LocalDeployment,
  options: FaucetOptions,
): Promise<readonly FaucetGrant[]> {
  const fund = await faucet.publicClient.readContract({
    address: deployment.lens,
    abi: blockEtfLensAbi,
    functionName: "getFund",
    args: [deployment.fund],
  });
  const grants: FaucetGrant[] = [];
  for (const symbol of BASKET) {
    const token = deployment.tokens[symbol];
    const asset = fund.assets.find((a) => a.token.toLowerCase() === token.toLowerCase());
    if (asset === undefined || asset.price === 0n) throw new Error(`the fund has no price for ${symbol}`);
    // {tok} = D18{USD} * 10^decimals / D18{USD/tok}
    const amount = (parseEther(String(options.usd)) * 10n ** BigInt(asset.decimals)) / asset.price;
    if (symbol === "WBNB") {
      const me = faucet.account.address;
      const balance = await faucet.publicClient.getBalance({ address: me });
      await faucet.test.setBalance({ address: me, value: balance + amount });
      await write(faucet.wallet, {
        request: buildCall({
          address: token,
          abi: venusArtifacts.wbnbAbi,
          functionName: "deposit",
          value: amount,
        }),
      });
    } else {
      await write(faucet.wallet, {
        request: buildCall({
          address: token,
          abi: venusArtifacts.mockTokenAbi,
          functionName: "faucet",
          args: [amount],
        }),
      });
    }
    await write(faucet.wallet, {
      request: buildCall({
        address: token,
        abi: erc20Abi,
        functionName: "transfer",
        args: [options.to, amount],
      }),
    });
    grants.push({ symbol, token, amount });
  }
  const bnb = parseEther(String(options.bnb));
  if (bnb > 0n) {
    const balance = await faucet.publicClient.getBalance({ address: options.to });
    await faucet.test.setBalance({ address: options.to, value: balance + bnb });
  }
  return grants;
}

export const formatGrant = (g: FaucetGrant): string => `${formatEther(g.amount)} ${g.symbol}`;
