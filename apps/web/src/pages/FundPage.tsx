// The fund: what a share is worth, what the fund earns on Venus now and has earned, where every asset
// sits (idle or earning, against its target), the rebalance rule's state, and the history charts.

import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { Empty, ErrorState, Loading, Stat } from "../components/states.js";
import { useNetwork, useReadClient } from "../config/context.js";
import { formatAmount, formatBps, formatPercent, formatUsd } from "../lib/format.js";
import { useTitle } from "../lib/router.js";
import { realisedYield } from "../model/history.js";
import { yieldNow } from "../model/yield.js";
import { fundQuery, historyQuery, ruleQuery, tokensQuery } from "../queries/fund.js";
import { CompositionTable } from "./fund/CompositionTable.js";
import { RebalancePanel } from "./fund/RebalancePanel.js";

// Charts are the heaviest code of the app: loaded after the figures render.
const Charts = lazy(() => import("../charts/Charts.js"));

export function FundPage() {
  const network = useNetwork();
  const client = useReadClient();
  const fund = useQuery(fundQuery(client, network));
  const rule = useQuery(ruleQuery(client, network));
  const tokens = useQuery(tokensQuery(client, network));
  const history = useQuery(historyQuery(network));
  useTitle(fund.data === undefined ? "Fund" : `${fund.data.symbol} fund`);

  if (fund.isPending) return <Loading what="the fund" />;
  if (fund.isError)
    return <ErrorState what="the fund" error={fund.error} retry={() => void fund.refetch()} />;
  const f = fund.data;
  const now = yieldNow(f, network.venusBlocksPerYear);
  const stable = tokens.data?.stableIndex === undefined ? undefined : f.assets[tokens.data.stableIndex];
  const week = history.data === undefined ? undefined : realisedYield(history.data.snapshots, 7);
  const month = history.data === undefined ? undefined : realisedYield(history.data.snapshots, 30);
  const realised = (r: typeof week, days: number) => {
    if (network.indexerUrl === undefined) return { value: "–", note: "no history indexer" };
    if (history.isPending) return { value: "…", note: "loading history" };
    if (history.isError) return { value: "–", note: "history unavailable" };
    if (r === undefined) return { value: "–", note: "not enough history yet" };
    return {
      value: formatPercent(r.apy),
      note: `${formatUsd(r.interestUsd)} earned${r.days + 0.5 < days ? ` over ${r.days.toFixed(1)} days indexed` : ""}`,
    };
  };
  const w7 = realised(week, 7);
  const w30 = realised(month, 30);

  return (
    <article className="fund">
      <header className="page-head">
        <h1>
          {f.name} <span className="muted">({f.symbol})</span>
        </h1>
        {f.paused && (
          <p className="warn-box">The fund is paused: minting is stopped; redeeming always works.</p>
        )}
        {!f.holdingsOk && (
          <p className="warn-box" data-testid="holdings-unvalued">
            A Venus market the fund uses cannot be read right now: NAV is not shown rather than shown wrong,
            and minting is stopped. Redeeming still works (that asset is paid in Venus's vTokens).
          </p>
        )}
        {!f.pricesOk && (
          <p className="warn-box">
            An oracle price is refused right now: NAV cannot be computed. In-kind mint and redeem still work
            (they need no price).
          </p>
        )}
      </header>

      <section aria-labelledby="figures">
        <h2 id="figures" className="visually-hidden">
          Key figures
        </h2>
        <dl className="stats">
          <Stat
            label="NAV per share"
            value={f.pricesOk && f.holdingsOk ? formatUsd(f.navPerShare, 4) : "–"}
            testId="nav"
          />
          <Stat
            label="Total value (TVL)"
            value={f.pricesOk && f.holdingsOk ? formatUsd(f.totalValue) : "–"}
            testId="tvl"
          />
          <Stat label="Supply" value={`${formatAmount(f.totalSupply, 18, 2)} ${f.symbol}`} testId="supply" />
          <Stat
            label="APY now"
            value={formatPercent(now.apy)}
            note={`Venus supply rates × the ${formatPercent(now.earningShare, 1)} of NAV supplied`}
            testId="apy-now"
          />
          <Stat label="Realised, 7 days" value={w7.value} note={w7.note} testId="apy-7d" />
          <Stat label="Realised, 30 days" value={w30.value} note={w30.note} testId="apy-30d" />
        </dl>
        <p className="lede">
          {formatPercent(now.earningShare, 1)} of the fund ({formatUsd(now.earningUsd)}) is supplied to Venus
          and earning interest; the rest is idle cash buffer kept for redemptions and rebalances.
          {stable !== undefined && (
            <>
              {" "}
              The {stable.symbol} sleeve is {formatBps(stable.currentWeightBps, 1)} of the fund (target{" "}
              {formatBps(stable.weightBps, 1)}): a stable part that softens falls and funds rebalances.
            </>
          )}
        </p>
      </section>

      <section aria-labelledby="composition">
        <h2 id="composition">Composition</h2>
        {rule.isError ? (
          <ErrorState what="the rebalance rule" error={rule.error} />
        ) : (
          <CompositionTable
            fund={f}
            thresholdBps={rule.data?.thresholdBps}
            blocksPerYear={network.venusBlocksPerYear}
          />
        )}
      </section>

      <section aria-labelledby="rebalance">
        <h2 id="rebalance">Rebalancing</h2>
        <RebalancePanel fund={f} history={history.data} />
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {network.indexerUrl === undefined ? (
          <Empty>No history indexer is configured for {network.name}: charts need one.</Empty>
        ) : history.isPending ? (
          <Loading what="the history" />
        ) : history.isError ? (
          <ErrorState what="the history" error={history.error} retry={() => void history.refetch()} />
        ) : (
          <Suspense fallback={<Loading what="the charts" />}>
            <Charts history={history.data} stableIndex={tokens.data?.stableIndex} symbol={f.symbol} />
          </Suspense>
        )}
      </section>
    </article>
  );
}
