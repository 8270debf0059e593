import {
  type Account,
  type Chain,
  type Client,
  formatEther,
  type Hash,
  type TransactionReceipt,
  type Transport,
  WaitForTransactionReceiptTimeoutError,
} from "viem";
import { sendTransaction, waitForTransactionReceipt } from "viem/actions";
import {
  type BlockEtfError,
  type NetworkError,
  type TransactionRejectedError,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "../errors/base.js";
import { explain } from "./internal.js";
import type { PrepareWriteReturnType } from "./prepareWrite.js";

export type SendPreparedWriteParameters = {
  readonly prepared: PrepareWriteReturnType;
  /** An explicit nonce (the keeper's, read right before sending); the node's next one when omitted. */
  readonly nonce?: number | undefined;
  /**
   * {wei/gas} A legacy gas price (the keeper's, raised when it replaces a transaction at the same nonce);
   * the node's fee suggestion when omitted. Not with `fees`.
   */
  readonly gasPrice?: bigint | undefined;
  /**
   * EIP-1559 fees (the node's suggestion when omitted; not with `gasPrice`). A batch mined in one block orders its senders by
   * priority tip; a fee above the next block's base fee keeps the transaction in that block.
   */
  readonly fees?: { readonly maxFeePerGas: bigint; readonly maxPriorityFeePerGas: bigint } | undefined;
  /** {ms} How long to wait for the receipt (viem's default when omitted). */
  readonly timeout?: number | undefined;
  /** Called with the hash as soon as the node accepted the transaction, before the receipt. */
  readonly onSent?: ((hash: Hash) => void) | undefined;
};

export type SendPreparedWriteReturnType = {
  readonly hash: Hash;
  readonly receipt: TransactionReceipt;
  readonly gas: bigint;
  readonly gasEstimate: bigint;
};

export type SendPreparedWriteErrorType =
  | TransactionRejectedError
  | TransactionRevertedError
  | TransactionTimeoutError
  | NetworkError
  | BlockEtfError;

/**
 * The second half of `write`: sends a prepared transaction with its padded gas limit, waits for the
 * receipt, and throws a typed error when the node refuses it, the receipt does not come in time, or it
 * is mined and reverts.
 */
export async function sendPreparedWrite(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  p: SendPreparedWriteParameters,
): Promise<SendPreparedWriteReturnType> {
  const { prepared } = p;
  let hash: Hash;
  try {
    hash = await sendTransaction(client, {
      account: prepared.account,
      chain: client.chain ?? null,
      to: prepared.to ?? null,
      data: prepared.data,
      value: prepared.value,
      gas: prepared.gas,
      ...(p.nonce === undefined ? {} : { nonce: p.nonce }),
      ...(p.gasPrice !== undefined
        ? { gasPrice: p.gasPrice }
        : p.fees !== undefined
          ? { maxFeePerGas: p.fees.maxFeePerGas, maxPriorityFeePerGas: p.fees.maxPriorityFeePerGas }
          : {}),
    } as Parameters<typeof sendTransaction>[1]);
  } catch (error: unknown) {
    throw await explain(client, error, prepared.explainWith);
  }
  p.onSent?.(hash);
  let receipt: TransactionReceipt;
  try {
    receipt = await waitForTransactionReceipt(client, {
      hash,
      ...(p.timeout === undefined ? {} : { timeout: p.timeout }),
    });
  } catch (error: unknown) {
    if (error instanceof WaitForTransactionReceiptTimeoutError) {
      throw new TransactionTimeoutError(
        `Transaction ${hash} was sent but not mined within ${p.timeout ?? "viem's default"} ms. It may still be mined: check it before sending again.`,
        { hash, cause: error },
      );
    }
    throw await explain(client, error, prepared.explainWith);
  }
  if (receipt.status !== "success") {
    // Out of gas consumes (nearly) the whole limit; the 63/64 rule may leave a sliver to the caller.
    const outOfGas = receipt.gasUsed * 64n >= prepared.gas * 63n;
    throw new TransactionRevertedError(
      outOfGas
        ? `Transaction ${hash} ran out of gas in block ${receipt.blockNumber} (used ${receipt.gasUsed} of ${prepared.gas}, estimate ${prepared.gasEstimate}). Report it: the padding did not cover the block's extra work.`
        : `Transaction ${hash} reverted in block ${receipt.blockNumber} although its simulation passed: the state moved in between. Simulate again and retry.`,
      {
        receipt,
        gasLimit: prepared.gas,
        details: `gas used ${receipt.gasUsed} of ${prepared.gas}; fee ${formatEther(receipt.gasUsed * receipt.effectiveGasPrice)} BNB`,
      },
    );
  }
  return { hash, receipt, gas: prepared.gas, gasEstimate: prepared.gasEstimate };
}
