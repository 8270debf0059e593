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

/** The clients a deployment sends from: any chain, one signing account. */
export type DeployClients = {
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly wallet: WalletClient<Transport, Chain, Account>;
  readonly account: Account;
};

/** A deployment step failed: the transaction reverted or created no contract. */
export class DeployError extends Error {
  override readonly name = "DeployError";
}

/** Waits for a transaction and throws DeployError if it reverted. */
export async function confirm(
  clients: DeployClients,
  hash: Hex | Promise<Hex>,
  label: string,
): Promise<void> {
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success")
    throw new DeployError(`${label} reverted (tx ${receipt.transactionHash})`);
}

/** Deploys a contract and waits for it; throws DeployError if it reverted. */
export async function deploy<const abi extends Abi>(
  clients: DeployClients,
  p: { abi: abi; bytecode: Hex; args?: ContractConstructorArgs<abi> | undefined },
): Promise<Address> {
  const hash = await clients.wallet.deployContract(p as Parameters<typeof clients.wallet.deployContract>[0]);
  const receipt = await clients.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success" || !receipt.contractAddress) {
    throw new DeployError(`deployment reverted (tx ${hash})`);
  }
  return receipt.contractAddress;
}
