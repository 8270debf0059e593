import type { Account, Address, Chain, Client, Hex, Transport } from "viem";
import { call, estimateGas } from "viem/actions";
import { type BlockEtfError, InvalidInputError } from "../errors/base.js";
import { padGasLimit } from "../gas.js";
import { type ExplainWith, explain } from "./internal.js";

/** What to send: a builder's frozen request, or a deployment (`to` absent, `data` = creation code). */
export type WriteRequest = {
  readonly to?: Address | undefined;
  readonly data: Hex;
  readonly value?: bigint | undefined;
};

export type PrepareWriteParameters = ExplainWith & {
  readonly request: WriteRequest;
  /** The sender; the client's account when omitted. */
  readonly account?: Account | Address | undefined;
};

/** A transaction simulated and estimated, ready for `sendPreparedWrite`. */
export type PrepareWriteReturnType = {
  readonly account: Account | Address;
  readonly to: Address | undefined;
  readonly data: Hex;
  readonly value: bigint;
  /** The gas limit it will be sent with: `padGasLimit(gasEstimate)`, the SDK's one policy. */
  readonly gas: bigint;
  readonly gasEstimate: bigint;
  /** What the call returned in simulation, ABI-encoded (for a deployment: the runtime code). */
  readonly returnData: Hex;
  /** Carried to `sendPreparedWrite`, which explains a revert the same way. */
  readonly explainWith: ExplainWith;
};

/** The typed revert of the simulation or the estimate (in the fund's units), a NetworkError, or InvalidInputError. */
export type PrepareWriteErrorType = BlockEtfError;

/**
 * The first half of `write`: simulates the transaction (eth_call, so a revert is a typed error before
 * anything is signed), estimates its gas and applies the SDK's padding (see `padGasLimit`). Nothing is
 * sent. Callers that must decide between simulating and sending (the keeper re-reads its nonces there)
 * call this, then `sendPreparedWrite`.
 */
export async function prepareWrite(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  p: PrepareWriteParameters,
): Promise<PrepareWriteReturnType> {
  const account = p.account ?? client.account;
  if (account === undefined)
    throw new InvalidInputError("No account to send from: pass `account` or use a client with one.");
  const explainWith: ExplainWith = { fund: p.fund, errorContext: p.errorContext };
  const tx = { account, to: p.request.to, data: p.request.data, value: p.request.value ?? 0n };
  try {
    const [{ data }, gasEstimate] = await Promise.all([call(client, tx), estimateGas(client, tx)]);
    return {
      account,
      to: tx.to,
      data: tx.data,
      value: tx.value,
      gas: padGasLimit(gasEstimate),
      gasEstimate,
      returnData: data ?? "0x",
      explainWith,
    };
  } catch (error: unknown) {
    throw await explain(client, error, explainWith);
  }
}
