import { createConfig, factory } from "ponder";
import { getAbiItem } from "viem";
import { factoryAbi, fundAbi, rebalancerAbi, routerAbi } from "./abis.js";
import { readSettings } from "./settings.js";

const s = readSettings();
const ZERO = "0x0000000000000000000000000000000000000000";

export default createConfig({
  database:
    s.databaseUrl !== undefined
      ? { kind: "postgres", connectionString: s.databaseUrl }
      : { kind: "pglite", ...(s.pgliteDir === undefined ? {} : { directory: s.pgliteDir }) },
  chains: {
    chain: {
      id: s.chainId,
      rpc: s.rpcBuckets > 1 ? Array.from({ length: s.rpcBuckets }, () => s.rpcUrl) : s.rpcUrl,
      pollingInterval: s.pollingIntervalMs,
    },
  },
  contracts: {
    Factory: { chain: "chain", abi: factoryAbi, address: s.factory, startBlock: s.startBlock },
    Fund: {
      chain: "chain",
      abi: fundAbi,
      address: factory({
        address: s.factory,
        event: getAbiItem({ abi: factoryAbi, name: "CreateFund" }),
        parameter: "fund",
      }),
      startBlock: s.startBlock,
    },
    // A fund's rebalancer is whatever contract its owner set (SetRebalancer), so rebalancer events are
    // taken from any address and the handlers keep those of the indexed funds' rebalancers (their
    // routes and delays are read when attached; later changes come as events). Ponder fetches only the
    // events that have a handler: the rebalancer's own (no handler for a common event such as
    // OwnershipTransferred, which would be fetched chain-wide).
    Rebalancer: { chain: "chain", abi: rebalancerAbi, startBlock: s.startBlock },
    // One USDT router per chain (none yet: the zero address emits nothing).
    Router: {
      chain: "chain",
      abi: routerAbi,
      address: s.routers.length > 0 ? s.routers : ZERO,
      startBlock: s.startBlock,
    },
  },
  blocks: {
    Snapshot: { chain: "chain", startBlock: s.startBlock, interval: s.snapshotInterval },
  },
});
