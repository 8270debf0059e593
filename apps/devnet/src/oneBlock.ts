import {
  prepareWrite,
  type SendPreparedWriteReturnType,
  sendPreparedWrite,
  TransactionRevertedError,
} from "@blocketf/sdk";
import type { DevClients } from "@blocketf/testkit";
import { type Address, parseGwei, type TransactionReceipt } from "viem";

/** One transaction of a batch: prepared off-chain, so nothing in it depends on an unmined one's gas estimate. */
export type BatchCall = {
  /** Who sends it (anvil dev account). */
  readonly from: DevClients;
  readonly to: Address;
  readonly data: `0x${string}`;
  readonly value?: bigint;
  /** Explicit limit: estimates would run against the latest block, without the batch's earlier calls. */
  readonly gas: bigint;
  /** For logs and errors, e.g. "swap ETH". */
  readonly label: string;
};

export type BatchResult = {
  readonly block: bigint;
  /** Calls whose transaction reverted, in batch order. */
  readonly reverted: readonly BatchCall[];
};

/** A batch transaction was not mined in the batch's block, or the node refused it. */
export class OneBlockError extends Error {
  override readonly name = "OneBlockError";
}

// Priority tips order the block: anvil (`--order fees`, its default) sorts different senders by tip and one
// sender's transactions by nonce. The batch's first sender gets the highest tip, so the block executes the
// batch in the order given, ahead of anything else pending (a keeper's transaction lands after the move).
const TIP_STEP = parseGwei("1");

/** {ms} Receipts are read right after the block is mined: a missing one was not in it. */
const RECEIPT_TIMEOUT_MS = 30_000;

type Outcome =
  | { readonly ok: true; readonly sent: SendPreparedWriteReturnType }
  | { readonly ok: false; readonly error: unknown };

/**
 * Sends every call through the SDK (`prepareWrite` with the call's explicit gas limit, then
 * `sendPreparedWrite` with an explicit nonce and tip) with anvil's automine paused, and mines them all in
 * ONE block (at `timestamp`, if given), so no block shows part of the batch. Automine is back on when
 * this returns or throws. Calls that revert are returned, not thrown: the caller decides which ones matter.
 */
export async function mineInOneBlock(
  node: DevClients,
  calls: readonly BatchCall[],
  options: { readonly timestamp?: bigint } = {},
): Promise<BatchResult> {
  const latest = await node.publicClient.getBlock({ blockTag: "latest" });
  const baseFee = latest.baseFeePerGas ?? 0n;
  const senders = [...new Set(calls.map((c) => c.from.account.address))];
  const nonces = new Map<Address, number>();
  for (const address of senders) {
    nonces.set(address, await node.publicClient.getTransactionCount({ address, blockTag: "pending" }));
  }
  const outcomes: Promise<Outcome>[] = [];
  let refused: { call: BatchCall; error: unknown } | undefined;
  await node.test.setAutomine(false);
  try {
    for (const call of calls) {
      const sender = call.from.account.address;
      const nonce = nonces.get(sender) ?? 0;
      nonces.set(sender, nonce + 1);
      const tip = TIP_STEP * BigInt(senders.length - senders.indexOf(sender) + 1);
      const prepared = await prepareWrite(call.from.wallet, {
        request: { to: call.to, data: call.data, value: call.value ?? 0n },
        gas: call.gas,
      });
      // sendPreparedWrite resolves once the block is mined; wait only until the node accepted this one.
      let accepted: () => void = () => {};
      const inPool = new Promise<void>((resolve) => {
        accepted = resolve;
      });
      const outcome = sendPreparedWrite(call.from.wallet, {
        prepared,
        nonce,
        // The next block's base fee is at most 12.5 % above the latest one's.
        fees: { maxPriorityFeePerGas: tip, maxFeePerGas: baseFee * 2n + tip },
        timeout: RECEIPT_TIMEOUT_MS,
        onSent: accepted,
      }).then(
        (sent): Outcome => ({ ok: true, sent }),
        (error: unknown): Outcome => ({ ok: false, error }),
      );
      outcomes.push(outcome);
      const first = await Promise.race([inPool.then(() => undefined), outcome]);
      if (first !== undefined && !first.ok) {
        refused = { call, error: first.error };
        break;
      }
    }
    // Mined even when the node refused a call, so nothing of the batch stays pending.
    if (options.timestamp !== undefined && refused === undefined)
      await node.test.setNextBlockTimestamp({ timestamp: options.timestamp });
    await node.test.mine({ blocks: 1 });
  } finally {
    await node.test.setAutomine(true);
  }
  const settled = await Promise.all(outcomes);
  if (refused !== undefined) {
    const reason = refused.error instanceof Error ? refused.error.message : String(refused.error);
    throw new OneBlockError(`${refused.call.label}: the node refused the transaction: ${reason}`, {
      cause: refused.error,
    });
  }
  const reverted: BatchCall[] = [];
  let block: bigint | undefined;
  for (const [i, outcome] of settled.entries()) {
    const call = calls[i] as BatchCall;
    const receipt = receiptOf(outcome);
    if (receipt === undefined) {
      const reason = outcome.ok ? "" : `: ${outcome.error instanceof Error ? outcome.error.message : ""}`;
      throw new OneBlockError(`${call.label}: not mined with the batch${reason}`, {
        cause: outcome.ok ? undefined : outcome.error,
      });
    }
    block ??= receipt.blockNumber;
    if (receipt.blockNumber !== block) {
      throw new OneBlockError(
        `${call.label}: mined in block ${receipt.blockNumber}, not with the batch in block ${block} (block gas limit?)`,
      );
    }
    if (receipt.status !== "success") reverted.push(call);
  }
  if (block === undefined) block = await node.publicClient.getBlockNumber({ cacheTime: 0 });
  return { block, reverted };
}

/** The receipt of a sent call: the SDK's own, or the one its TransactionRevertedError carries. */
function receiptOf(outcome: Outcome): TransactionReceipt | undefined {
  if (outcome.ok) return outcome.sent.receipt;
  return outcome.error instanceof TransactionRevertedError ? outcome.error.receipt : undefined;
}
