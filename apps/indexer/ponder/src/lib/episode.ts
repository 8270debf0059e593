// Rebalance episodes in the indexer's books (see ../episodes.ts).

import { fund, rebalanceEpisode } from "ponder:schema";
import { episodeEndNames } from "@blocketf/abi";
import type { Address } from "viem";
import type { Db, EventRef } from "./store.js";

/** The fund's EpisodeEnd by its number. */
export const endReasonName = (code: number): string => episodeEndNames[code] ?? `EpisodeEnd${code}`;

export const episodeId = (fundAddress: Address, startedAt: bigint): string =>
  `${fundAddress.toLowerCase()}-${startedAt}`;

/**
 * Ends the fund's open episode in the indexer's books when the fund ended it without an event (new
 * bounds, new rebalancer); returns its id, or null when none was open.
 */
export async function closeOpenEpisode(db: Db, address: Address, ev: EventRef, reason: string) {
  const row = await db.find(fund, { address });
  if (row?.episode == null) return null;
  const e = await db.find(rebalanceEpisode, { id: row.episode });
  if (e === null || !e.open) return null;
  await db.update(rebalanceEpisode, { id: e.id }).set({
    open: false,
    endReason: reason,
    endedAt: ev.block.timestamp,
    endBlock: ev.block.number,
    endTx: ev.transaction.hash,
  });
  return e.id;
}
