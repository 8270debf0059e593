import type { Account, Chain, Client, Transport } from "viem";
import type { BlockEtfError } from "../errors/base.js";
import { type PrepareWriteParameters, prepareWrite } from "./prepareWrite.js";
import {
  type SendPreparedWriteParameters,
  type SendPreparedWriteReturnType,
  sendPreparedWrite,
} from "./sendPreparedWrite.js";

export type WriteParameters = PrepareWriteParameters & Omit<SendPreparedWriteParameters, "prepared">;

export type WriteReturnType = SendPreparedWriteReturnType & {
  /** What the call returned in simulation, ABI-encoded (decode it with the function's ABI). */
  readonly returnData: `0x${string}`;
};

/**
 * A contract revert (simulation or estimate) as its typed error in the fund's units, NetworkError (naming
 * the RPC URL), TransactionRejectedError, TransactionTimeoutError or TransactionRevertedError.
 */
export type WriteErrorType = BlockEtfError;

/**
 * The SDK's one way to write to a chain: simulate (eth_call) → estimate gas → pad it with the SDK's one
 * policy (`padGasLimit`: +30 % + 100,000) → send → wait for the receipt → typed error at any step.
 *
 * @example
 * const { receipt } = await write(wallet, {
 *   request: buildMintWithStable({ router, fund, stableIn, minShares, receiver, deadline }),
 *   fund, // reverts explained in this fund's symbols and units
 * });
 */
export async function write(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  p: WriteParameters,
): Promise<WriteReturnType> {
  const prepared = await prepareWrite(client, p);
  const sent = await sendPreparedWrite(client, {
    prepared,
    nonce: p.nonce,
    gasPrice: p.gasPrice,
    timeout: p.timeout,
    onSent: p.onSent,
  });
  return { ...sent, returnData: prepared.returnData };
}
