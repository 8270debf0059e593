import type {
  Abi,
  Account,
  Address,
  Chain,
  ContractConstructorArgs,
  Hex,
  PublicClient,
  Transport,
  WalletClient,
} from "viem";
import { deployContract } from "../actions/deployContract.js";

/** The clients a deployment sends from: any chain, one signing account. */
export type DeployClients = {
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly wallet: WalletClient<Transport, Chain, Account>;
  readonly account: Account;
};

/** Deploys a contract through the SDK's `write` (simulate, estimate, pad, confirm) and returns its address. */
export async function deploy<const abi extends Abi>(
  clients: Pick<DeployClients, "wallet">,
  p: { abi: abi; bytecode: Hex; args?: ContractConstructorArgs<abi> | undefined },
): Promise<Address> {
  const { address } = await deployContract(clients.wallet, p);
  return address;
}
