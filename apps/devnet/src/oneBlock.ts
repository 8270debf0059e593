import type { DevClients } from "@blocketf/testkit";
import { type Address, type Hash, type Hex, parseGwei } from "viem";

/** One transaction of a batch: prepared off-chain, so nothing in it depends on an unmined one's gas estimate. */
export type BatchCall = {
  /** Who sends it (anvil dev account). */
  readonly from: DevClients;
  readonly to: Address;
  readonly data: Hex;
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

/**
 * Sends every call with anvil's automine paused and mines them all in ONE block (at `timestamp`, if given),
 * so no block shows part of the batch. Automine is back on when this returns or throws. Calls that revert
 * are returned, not thrown: the caller decides which ones matter.
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
  const hashes: Hash[] = [];
  await node.test.setAutomine(false);
  try {
    for (const call of calls) {
      const sender = call.from.account.address;
      const nonce = nonces.get(sender) ?? 0;
      nonces.set(sender, nonce + 1);
      const tip = TIP_STEP * BigInt(senders.length - senders.indexOf(sender) + 1);
      hashes.push(
        await call.from.wallet.sendTransaction({
          to: call.to,
          data: call.data,
          value: call.value ?? 0n,
          gas: call.gas,
          nonce,
          type: "eip1559",
          maxPriorityFeePerGas: tip,
          // The next block's base fee is at most 12.5 % above the latest one's.
          maxFeePerGas: baseFee * 2n + tip,
        }),
      );
    }
    if (options.timestamp !== undefined)
      await node.test.setNextBlockTimestamp({ timestamp: options.timestamp });
    await node.test.mine({ blocks: 1 });
  } finally {
    await node.test.setAutomine(true);
  }
  const reverted: BatchCall[] = [];
  let block: bigint | undefined;
  for (const [i, hash] of hashes.entries()) {
    const call = calls[i] as BatchCall;
    const receipt = await node.publicClient.getTransactionReceipt({ hash }).catch(() => undefined);
    if (receipt === undefined) throw new OneBlockError(`${call.label}: transaction ${hash} was not mined`);
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
