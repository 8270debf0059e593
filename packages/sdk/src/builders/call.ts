import {
  type Abi,
  type ContractFunctionName,
  type ContractFunctionParameters,
  type EncodeFunctionDataParameters,
  encodeFunctionData,
} from "viem";
import type { TransactionRequest } from "./fund.js";

export type BuildCallParameters<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
> = ContractFunctionParameters<abi, "nonpayable" | "payable", functionName> & {
  /** {wei} Native value sent with the call. */
  readonly value?: bigint | undefined;
};

/**
 * Any contract call as a frozen request for `write`, typed by its ABI: for calls without a dedicated
 * builder (owner setters, token approvals of other contracts, test tokens' faucets …).
 */
export function buildCall<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, "nonpayable" | "payable">,
>(p: BuildCallParameters<abi, functionName>): TransactionRequest {
  const data = encodeFunctionData({
    abi: p.abi,
    functionName: p.functionName,
    args: p.args,
  } as EncodeFunctionDataParameters);
  return Object.freeze({ to: p.address, data, value: p.value ?? 0n });
}
