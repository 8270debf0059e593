// Your position: shares and their value now (the chain), cost basis, interest earned since you joined and
// P&L (the indexer), what redeeming everything pays now, and your activity.
import { useQuery } from "@tanstack/react-query";
import { useConnection } from "wagmi";
import { ActivityList } from "../components/ActivityList.js";
import { Empty, ErrorState, Loading, Stat } from "../components/states.js";
import { useNetwork, useReadClient } from "../config/context.js";
import { formatBps, formatToken, formatUsd, formatUsdSigned } from "../lib/format.js";
import { Link, useTitle } from "../lib/router.js";
import { fundQuery, portfolioQuery, positionQuery, tokensQuery } from "../queries/fund.js";

export default function PortfolioPage() {
  useTitle("Portfolio");
  const network = useNetwork();
  const client = useReadClient();
  const { address } = useConnection();
  const position = useQuery(positionQuery(client, network, address));
  const portfolio = useQuery(portfolioQuery(network, address));
  const tokens = useQuery(tokensQuery(client, network));
  const fund = useQuery(fundQuery(client, network));
  if (address === undefined)
    return (
      <section>
        <h1>Portfolio</h1>
        <Empty>Connect a wallet to see your position.</Empty>
      </section>
    );
  if (position.isPending || tokens.isPending || fund.isPending) return <Loading what="your position" />;
  if (position.isError) return <ErrorState what="your position" error={position.error} />;
  if (tokens.isError) return <ErrorState what="the fund's tokens" error={tokens.error} />;
  if (fund.isError) return <ErrorState what="the fund" error={fund.error} />;
  const p = position.data;
  const share = tokens.data.share;
  const h = portfolio.data;
  const costKnown = h?.costKnown === true;
  const unrealised = costKnown ? p.valueUsd - h.costBasisUsd : undefined;
  const historyNote =
    network.indexerUrl === undefined
      ? "no history indexer"
      : portfolio.isPending
        ? "loading history"
        : portfolio.isError
          ? "history unavailable"
          : h === undefined
            ? "no history yet"
            : undefined;
  return (
    <section aria-labelledby="portfolio-title">
      <h1 id="portfolio-title">Portfolio</h1>
      {p.shares === 0n && (h === undefined || h.withdrawnUsd === 0n) ? (
        <Empty>
          You hold no {share.symbol} yet. <Link to="/mint">Mint some</Link> with USDT or in kind.
        </Empty>
      ) : null}
      <dl className="stats">
        <Stat
          label="Your shares"
          value={formatToken(p.shares, share.decimals, share.symbol)}
          note={`${formatBps(p.shareOfFundBps)} of the fund`}
          testId="my-shares"
        />
        <Stat
          label="Value now"
          value={formatUsd(p.valueUsd)}
          note={`at ${formatUsd(p.navPerShare, 4)} per share`}
          testId="my-value"
        />
        <Stat
          label="Cost basis"
          value={h === undefined ? "–" : costKnown ? formatUsd(h.costBasisUsd) : "unknown"}
          note={historyNote ?? "average cost of the shares you hold"}
          testId="my-cost"
        />
        <Stat
          label="Interest earned"
          value={h === undefined ? "–" : formatUsd(h.interestUsd)}
          note={historyNote ?? "Venus interest on your shares since you joined"}
          testId="my-interest"
        />
        <Stat
          label="Unrealised P&L"
          value={unrealised === undefined ? "–" : formatUsdSigned(unrealised)}
          note={historyNote ?? (costKnown ? "value now − cost basis" : "a price was missing when you bought")}
          testId="my-pnl"
        />
        <Stat
          label="Realised P&L"
          value={h === undefined ? "–" : formatUsdSigned(h.realizedPnlUsd)}
          note={
            h === undefined
              ? historyNote
              : `from redemptions; deposited ${formatUsd(h.depositedUsd)}, withdrawn ${formatUsd(h.withdrawnUsd)}`
          }
        />
      </dl>
      {p.shares > 0n && (
        <div className="table-wrap">
          <table className="stack">
            <caption>Redeeming all your shares in kind would pay now (after any redeem fee):</caption>
            <thead>
              <tr>
                <th scope="col">Asset</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {fund.data.assets.map((a, i) => (
                <tr key={a.token}>
                  <th scope="row">{a.symbol}</th>
                  <td data-label="Amount">{formatToken(p.redeemable[i] ?? 0n, a.decimals, a.symbol)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="my-activity">
        <h2 id="my-activity">Your activity</h2>
        <ActivityList account={address} caption="Your mints, redeems, transfers and claims, newest first." />
      </section>
    </section>
  );
}
