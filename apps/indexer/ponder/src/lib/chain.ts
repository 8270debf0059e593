// Reads at a past block through the indexer's own client, not Ponder's: Ponder's client retries a failed
// call for about a minute and then stops indexing, whereas a node that no longer holds a block's state
// (anvil keeps the last 256, a non-archive BNB Chain node ~128) is an expected condition here. Such a
// block is recorded as a gap (fund.missingSnapshots) and indexing goes on; any other failure (node down)
// still stops the handler, so Ponder retries it and nothing is skipped silently.
import {
  type Address,
  BaseError,
  type ContractFunctionReturnType,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  createPublicClient,
  http,
  type PublicClient,
} from "viem";
import { lensAbi, rebalancerAbi } from "../../abis.js";
import { readSettings } from "../../settings.js";
import { isAnvilVersion, type SettleChain, settledRead } from "./settle.js";

export type LensFund = ContractFunctionReturnType<typeof lensAbi, "view", "getFund">;
export type LensAsset = LensFund["assets"][number];

let client: PublicClient | undefined;
function chainClient(): PublicClient {
  client ??= createPublicClient({
    transport: http(readSettings().rpcUrl, { retryCount: 3, retryDelay: 250, timeout: 30_000 }),
  });
  return client;
}

/** The node's messages for a block whose state it no longer holds (anvil, geth/bsc, erigon, reth). */
const NO_STATE = [
  /invalid param/i,
  /missing trie node/i,
  /header not found/i,
  /state.*(not available|unavailable|pruned|not found)/i,
  /historical state/i,
  /block.*(out of range|not found)/i,
];

/** True when the call failed because the node lacks that block's state, or the contract's code there. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  if (error.walk((e) => e instanceof ContractFunctionZeroDataError)) return true;
  if (error.walk((e) => e instanceof ContractFunctionRevertedError)) return true;
  const text = `${error.message} ${error.details ?? ""}`;
  return NO_STATE.some((re) => re.test(text));
}

let anvil: Promise<boolean> | undefined;
const settle: SettleChain = {
  isAnvil: () => {
    anvil ??= chainClient()
      .request({ method: "web3_clientVersion" })
      .then(isAnvilVersion, () => false);
    return anvil;
  },
  head: () => chainClient().getBlockNumber({ cacheTime: 0 }),
  settleMs: 500,
};

async function atBlock<T>(blockNumber: bigint, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await settledRead(settle, blockNumber, read);
  } catch (error: unknown) {
    if (isUnavailable(error)) return undefined;
    throw error;
  }
}

/** The Lens's view of `fund` at the end of `blockNumber`; undefined when that state is gone. */
export function readFund(fund: Address, blockNumber: bigint): Promise<LensFund | undefined> {
  return atBlock(blockNumber, () =>
    chainClient().readContract({
      address: readSettings().lens,
      abi: lensAbi,
      functionName: "getFund",
      args: [fund],
      blockNumber,
    }),
  );
}

export type RebalancerState = {
  stableIndex: number;
  publicDelay: number;
  stepInterval: number;
  dueSince: bigint;
  maxPokeGap: number;
  routes: ReadonlyArray<{
    index: number;
    sellPath: `0x${string}`;
    buyPath: `0x${string}`;
    maxSlippageBps: number;
    maxTradeValue: bigint;
  }>;
};

/** A rebalancer's parameters and routes at `blockNumber` (set before it was attached to the fund). */
export async function readRebalancer(
  rebalancer: Address,
  assetCount: number,
  blockNumber: bigint,
): Promise<RebalancerState | undefined> {
  const c = chainClient();
  const read = <
    const name extends "STABLE_INDEX" | "publicDelay" | "stepInterval" | "dueSince" | "maxPokeGap",
  >(
    functionName: name,
  ) => c.readContract({ address: rebalancer, abi: rebalancerAbi, functionName, blockNumber });
  return atBlock(blockNumber, async () => {
    const [stableIndex, publicDelay, stepInterval, dueSince, maxPokeGap] = await Promise.all([
      read("STABLE_INDEX"),
      read("publicDelay"),
      read("stepInterval"),
      read("dueSince"),
      read("maxPokeGap"),
    ]);
    const routes: RebalancerState["routes"][number][] = [];
    for (let index = 0; index < assetCount; index++) {
      if (BigInt(index) === stableIndex) continue;
      const r = await c.readContract({
        address: rebalancer,
        abi: rebalancerAbi,
        functionName: "route",
        args: [BigInt(index)],
        blockNumber,
      });
      if (r.sellPath === "0x") continue;
      routes.push({
        index,
        sellPath: r.sellPath,
        buyPath: r.buyPath,
        maxSlippageBps: r.maxSlippageBps,
        maxTradeValue: r.maxTradeValue,
      });
    }
    return {
      stableIndex: Number(stableIndex),
      publicDelay: Number(publicDelay),
      stepInterval: Number(stepInterval),
      dueSince: BigInt(dueSince),
      maxPokeGap: Number(maxPokeGap),
      routes,
    };
  });
}
