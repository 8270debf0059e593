// The activity feed (newest first, a page at a time): the fund's, or one holder's.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useNetwork, useReadClient } from "../config/context.js";
import { getActivity } from "../history/indexer.js";
import { formatDateTime } from "../lib/format.js";
import { describeActivity } from "../model/activity.js";
import { historyQuery, tokensQuery } from "../queries/fund.js";
import { Empty, ErrorState, Loading } from "./states.js";
import { TxLink } from "./TxLink.js";

export function ActivityList({ account, caption }: { account?: Address | undefined; caption: string }) {
  const network = useNetwork();
  const client = useReadClient();
  const tokens = useQuery(tokensQuery(client, network));
  const history = useQuery(historyQuery(network));
  const feed = useInfiniteQuery({
    queryKey: ["activity", network.chain.id, network.fund, network.indexerUrl, account],
    queryFn: ({ pageParam }) =>
      getActivity(network.indexerUrl ?? "", { fund: network.fund, account, after: pageParam, limit: 25 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: network.indexerUrl !== undefined,
    refetchInterval: 10_000,
  });
  if (network.indexerUrl === undefined)
    return <Empty>No history indexer is configured for {network.name}.</Empty>;
  if (feed.isPending || tokens.isPending) return <Loading what="the activity" />;
  if (feed.isError)
    return <ErrorState what="the activity" error={feed.error} retry={() => void feed.refetch()} />;
  if (tokens.isError) return <ErrorState what="the fund's tokens" error={tokens.error} />;
  const rows = feed.data.pages.flatMap((p) => p.rows);
  if (rows.length === 0) return <Empty>Nothing yet.</Empty>;
  const names = {
    share: tokens.data.share,
    assets: tokens.data.assets,
    stable: tokens.data.stable,
  };
  return (
    <>
      <div className="table-wrap">
        <table className="stack activity" data-testid="activity-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">Transaction</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const d = describeActivity(r, names, history.data?.steps);
              return (
                <tr key={r.id} className={d.alarm === true ? "bad" : undefined}>
                  <td data-label="When">{formatDateTime(r.timestamp)}</td>
                  <td data-label="What">
                    <strong>{d.title}</strong>
                  </td>
                  <td data-label="Details">{d.text}</td>
                  <td data-label="Transaction">
                    <TxLink hash={r.txHash} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {feed.hasNextPage && (
        <button type="button" disabled={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
          {feed.isFetchingNextPage ? "Loading…" : "Show older"}
        </button>
      )}
    </>
  );
}
