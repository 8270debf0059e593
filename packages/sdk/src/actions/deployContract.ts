import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Client,
  type ContractConstructorArgs,
  encodeDeployData,
  type Hex,
  type TransactionReceipt,
  type Transport,
} from "viem";
import { type BlockEtfError, TransactionRevertedError } from "../errors/base.js";
import { write } from "./write.js";

export type DeployContractParameters<abi extends Abi> = {
  readonly abi: abi;
  /** Creation code, libraries already linked (see @blocketf/abi's linkBytecode). */
  readonly bytecode: Hex;
  readonly args?: ContractConstructorArgs<abi> | undefined;
  readonly account?: Account | Address | undefined;
};

export type DeployContractReturnType = { readonly address: Address; readonly receipt: TransactionReceipt };

export type DeployContractErrorType = BlockEtfError;

/** Deploys a contract through `write` (simulated, estimated, padded, confirmed) and returns its address. */
export async function deployContract<const abi extends Abi>(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  p: DeployContractParameters<abi>,
): Promise<DeployContractReturnType> {
  const data = encodeDeployData({ abi: p.abi, bytecode: p.bytecode, args: p.args } as Parameters<
    typeof encodeDeployData
  >[0]);
  const { receipt, hash, gas } = await write(client, { request: { data }, account: p.account });
  if (!receipt.contractAddress) {
    throw new TransactionRevertedError(`Deployment ${hash} created no contract.`, {
      receipt,
      gasLimit: gas,
    });
  }
  return { address: receipt.contractAddress, receipt };
}
