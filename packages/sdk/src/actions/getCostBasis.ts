import { blockEtfAbi, blockEtfLensAbi } from "@blocketf/abi";
import { type Address, type BlockNumber, type Client, isAddressEqual } from "viem";
import { getContractEvents, readContract } from "viem/actions";
import type { BlockEtfError } from "../errors/base.js";
import { typed } from "./internal.js";

export type GetCostBasisParameters = {
  readonly lens: Address;
  readonly fund: Address;
  readonly holder: Address;
  /** First block to read transfers from: the fund's creation block (or earlier) for a complete basis. */
  readonly fromBlock: BlockNumber;
  readonly toBlock?: BlockNumber | undefined;
};

export type GetCostBasisReturnType = {
  /** {share} Shares held after the last transfer read. */
  readonly shares: bigint;
  /** D18{USD} Average cost of those shares: each share received is valued at the NAV of its block. */
  readonly costUsd: bigint;
  /** D18{USD} Cost of the shares that left, against what they were worth at the NAV when they left. */
  readonly realizedUsd: bigint;
  /** Transfers read (mints, redeems and transfers in and out). */
  readonly transfers: number;
};

export type GetCostBasisErrorType = BlockEtfError;

const WAD = 10n ** 18n;

/**
 * A holder's cost basis from the fund's Transfer events (mints and redeems included), average-cost
 * method: every share received is valued at the fund's NAV per share at the block it arrived, every share
 * that left takes out its average cost and realises the difference to its NAV then. Cost: one log query
 * and one historical Lens call per transfer, so the node must serve state at those blocks (an archive
 * node on BNB Chain; the devnet keeps all). What a router mint paid for swaps is not in the NAV: the
 * basis is the value received, not the stablecoin spent.
 */
export async function getCostBasis(
  client: Client,
  p: GetCostBasisParameters,
): Promise<GetCostBasisReturnType> {
  const range = { fromBlock: p.fromBlock, toBlock: p.toBlock ?? "latest" } as const;
  const [incoming, outgoing] = await typed(
    client,
    Promise.all([
      getContractEvents(client, {
        address: p.fund,
        abi: blockEtfAbi,
        eventName: "Transfer",
        args: { to: p.holder },
        ...range,
      }),
      getContractEvents(client, {
        address: p.fund,
        abi: blockEtfAbi,
        eventName: "Transfer",
        args: { from: p.holder },
        ...range,
      }),
    ]),
  );
  const events = [...incoming, ...outgoing]
    // A transfer to oneself appears in both lists and changes nothing.
    .filter(
      (e, i, all) =>
        all.findIndex((o) => o.transactionHash === e.transactionHash && o.logIndex === e.logIndex) === i,
    )
    .sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
    );
  const navAt = new Map<bigint, bigint>();
  let shares = 0n;
  let costUsd = 0n;
  let realizedUsd = 0n;
  for (const event of events) {
    const { from, to, value } = event.args;
    if (from === undefined || to === undefined || value === undefined || isAddressEqual(from, to)) continue;
    let nav = navAt.get(event.blockNumber);
    if (nav === undefined) {
      nav = await typed(
        client,
        readContract(client, {
          address: p.lens,
          abi: blockEtfLensAbi,
          functionName: "navPerShare",
          args: [p.fund],
          blockNumber: event.blockNumber,
        }),
        { fund: p.fund },
      );
      navAt.set(event.blockNumber, nav);
    }
    if (isAddressEqual(to, p.holder)) {
      // D18{USD} += {share} * D18{USD/share} / 1e18
      costUsd += (value * nav) / WAD;
      shares += value;
    } else {
      const costOut = shares === 0n ? 0n : (costUsd * value) / shares;
      realizedUsd += (value * nav) / WAD - costOut;
      costUsd -= costOut;
      shares -= value;
    }
  }
  return { shares, costUsd, realizedUsd, transfers: events.length };
}
