import {
  type PrepareWriteReturnType,
  type SendPreparedWriteReturnType,
  sendPreparedWrite,
  TransactionRejectedError,
  TransactionRevertedError,
  TransactionTimeoutError,
} from "@blocketf/sdk";
import type { Account, Chain, Client, Hash, TransactionReceipt, Transport } from "viem";
import { getGasPrice, getTransactionCount, getTransactionReceipt } from "viem/actions";

export type SendWithReplacementParameters = {
  readonly prepared: PrepareWriteReturnType;
  readonly nonce: number;
  /** {wei/gas} The first attempt's gas price. */
  readonly gasPrice: bigint;
  /** {ms} Wait this long for each attempt before replacing it. */
  readonly replaceAfterMs: number;
  /** Replacements at most; the last attempt then waits `receiptTimeoutMs`. */
  readonly maxReplacements: number;
  /** {ms} */
  readonly receiptTimeoutMs: number;
  /** Each attempt, as soon as the node accepted it (attempt 0 is the first send). */
  readonly onSent?: (sent: {
    hash: Hash;
    gasPrice: bigint;
    attempt: number;
    replaces: Hash | undefined;
  }) => void;
};

export type SendWithReplacementReturnType = SendPreparedWriteReturnType & {
  /** How many replacements were sent (0: the first transaction was mined). */
  readonly replacements: number;
  /** Every hash sent at the nonce, in order; one of them (`hash`) was mined. */
  readonly hashes: readonly Hash[];
};

/** {wei/gas} A replacement's gas price: +25 % (nodes refuse a replacement under +10 %), and at least the node's current one. */
export function bumpGasPrice(previous: bigint, current: bigint): bigint {
  const bumped = (previous * 125n + 99n) / 100n;
  return bumped > current ? bumped : current;
}

/**
 * Sends a prepared transaction at `nonce` through the SDK and, when it is not mined within
 * `replaceAfterMs`, sends it again at the same nonce with a higher gas price (`bumpGasPrice`), up to
 * `maxReplacements` times. At most one of them executes (one nonce); whichever is mined is returned.
 * Throws the SDK's typed errors: TransactionTimeoutError when none is mined in time (the nonce stays
 * pending for the next ticks), TransactionRevertedError when the mined one reverted.
 */
export async function sendWithReplacement(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  p: SendWithReplacementParameters,
): Promise<SendWithReplacementReturnType> {
  const hashes: Hash[] = [];
  let gasPrice = p.gasPrice;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= p.maxReplacements;
    try {
      const sent = await sendPreparedWrite(client, {
        prepared: p.prepared,
        nonce: p.nonce,
        gasPrice,
        timeout: last ? p.receiptTimeoutMs : p.replaceAfterMs,
        onSent: (hash) => {
          const replaces = hashes.at(-1);
          hashes.push(hash);
          p.onSent?.({ hash, gasPrice, attempt, replaces });
        },
      });
      return { ...sent, replacements: attempt, hashes };
    } catch (error: unknown) {
      const waiting = error instanceof TransactionTimeoutError;
      // A replacement the node refuses because an earlier attempt was mined meanwhile ("nonce too low").
      const raced = attempt > 0 && error instanceof TransactionRejectedError;
      if (!waiting && !raced) throw error;
      const mined = await minedAttempt(client, p.nonce, hashes, p.prepared);
      if (mined !== undefined) return { ...mined, replacements: attempt, hashes };
      if (last || raced) throw error;
      gasPrice = bumpGasPrice(gasPrice, await getGasPrice(client));
    }
  }
}

/** The receipt of whichever attempt was mined, when the nonce has been used; a revert as the SDK types it. */
async function minedAttempt(
  client: Client<Transport, Chain | undefined, Account | undefined>,
  nonce: number,
  hashes: readonly Hash[],
  prepared: PrepareWriteReturnType,
): Promise<SendPreparedWriteReturnType | undefined> {
  const account = typeof prepared.account === "string" ? prepared.account : prepared.account.address;
  const used = (await getTransactionCount(client, { address: account, blockTag: "latest" })) > nonce;
  if (!used) return undefined;
  for (const hash of hashes) {
    let receipt: TransactionReceipt;
    try {
      receipt = await getTransactionReceipt(client, { hash });
    } catch {
      continue; // Not mined: replaced.
    }
    if (receipt.status !== "success") {
      throw new TransactionRevertedError(
        `Transaction ${hash} reverted in block ${receipt.blockNumber} although its simulation passed: the state moved in between. Simulate again and retry.`,
        { receipt, gasLimit: prepared.gas, details: `gas used ${receipt.gasUsed} of ${prepared.gas}` },
      );
    }
    return { hash, receipt, gas: prepared.gas, gasEstimate: prepared.gasEstimate };
  }
  return undefined;
}
