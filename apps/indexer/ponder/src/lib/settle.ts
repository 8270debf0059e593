// Reads at a block that cannot see a later block's state, on anvil too.
//
// anvil answers a read at its latest block from its live state, which it already changes while it mines
// the next block: measured here (src/settle.test.ts), a few percent of the reads at the head made while
// transactions were being sent returned the next block's values, by block number and by block hash alike.
// So on anvil a read at the head is checked: once a later block exists, the block's state is final and is
// read again; if the head stays put for `settleMs` after the read, nothing was being mined during it
// (anvil mines a block in milliseconds). A real node's state at a block never changes: reads go straight.

export type SettleChain = {
  /** True when the node is anvil. */
  readonly isAnvil: () => Promise<boolean>;
  /** The node's latest block number, uncached. */
  readonly head: () => Promise<bigint>;
  /** How long the head must stay put after a read at it (ms). */
  readonly settleMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `read()` of the state at the end of `blockNumber`, settled as above. */
export async function settledRead<T>(
  chain: SettleChain,
  blockNumber: bigint,
  read: () => Promise<T>,
): Promise<T> {
  if (!(await chain.isAnvil())) return read();
  if ((await chain.head()) > blockNumber) return read();
  const value = await read();
  await (chain.sleep ?? wait)(chain.settleMs);
  return (await chain.head()) > blockNumber ? read() : value;
}

/** True for anvil's `web3_clientVersion` ("anvil/v1.4.3"). */
export const isAnvilVersion = (version: string): boolean => /^anvil\//i.test(version);
