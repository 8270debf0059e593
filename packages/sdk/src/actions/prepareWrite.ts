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
  /**
   * An explicit gas limit: nothing is simulated or estimated. Only for a transaction that will be mined
   * after others not mined yet (a batch mined in one block), whose simulation and estimate against the
   * latest block would miss the batch's earlier calls. A revert then shows only in the receipt.
   */
  readonly gas?: bigint | undefined;
};

/** A transaction simulated and estimated, ready for `sendPreparedWrite`. */
export type PrepareWriteReturnType = {
  readonly account: Account | Address;
  readonly to: Address | undefined;
  readonly data: Hex;
  readonly value: bigint;
  /** The gas limit it will be sent with: `padGasLimit(gasEstimate)`, the SDK's one policy (or the explicit `gas`). */
  readonly gas: bigint;
  /** The node's estimate (the explicit `gas` when one was given). */
  readonly gasEstimate: bigint;
  /** What the call returned in simulation, ABI-encoded (for a deployment: the runtime code; "0x" unsimulated). */
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
 * call this, then `sendPreparedWrite`. With an explicit `gas` it only checks the sender and packs the
 * transaction (a batch mined in one block: see `gas`).
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
  if (p.gas !== undefined) {
    if (p.gas <= 0n) throw new InvalidInputError(`Gas limit ${p.gas} must be positive.`);
    return { ...tx, gas: p.gas, gasEstimate: p.gas, returnData: "0x", explainWith };
  }
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
