import type { GetFundReturnType } from "@blocketf/sdk";
import { supplyApy } from "@blocketf/sdk";
import { formatBps, formatPercent, formatToken, formatUsd } from "../../lib/format.js";
import { compositionRows } from "../../model/composition.js";

const signedPts = (bps: number) =>
  `${bps > 0 ? "+" : bps < 0 ? "−" : "±"}${(Math.abs(bps) / 100).toFixed(2)} pts`;

export function CompositionTable({
  fund,
  thresholdBps,
  blocksPerYear,
}: {
  fund: GetFundReturnType;
  thresholdBps: number | undefined;
  blocksPerYear: number;
}) {
  const rows = compositionRows(fund, thresholdBps ?? 0);
  return (
    <div className="table-wrap">
      <table className="composition stack">
        <caption>
          Target against current weight; the deviation against the rebalance band (±
          {thresholdBps === undefined ? "…" : formatBps(thresholdBps)}); how much of each asset is on Venus,
          earning.
        </caption>
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Target</th>
            <th scope="col">Current</th>
            <th scope="col">Deviation</th>
            <th scope="col">Holdings</th>
            <th scope="col">On Venus</th>
            <th scope="col">Supply APY</th>
            <th scope="col">Venus market</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.asset.token} data-testid={`asset-${r.asset.symbol}`}>
              <th scope="row">{r.asset.symbol}</th>
              <td data-label="Target">{formatBps(r.targetBps)}</td>
              <td data-label="Current">{fund.pricesOk ? formatBps(r.currentBps) : "–"}</td>
              <td data-label="Deviation">
                <span className={r.outsideBand ? "bad" : r.bandUse > 0.6 ? "warn" : ""}>
                  {signedPts(r.deviationBps)}
                </span>
                <meter
                  min={0}
                  max={1}
                  low={0.6}
                  high={0.99}
                  optimum={0}
                  value={Math.min(r.bandUse, 1)}
                  aria-label={`${r.asset.symbol}: ${Math.round(r.bandUse * 100)} % of the rebalance band used`}
                />
                <span className="visually-hidden">
                  {r.outsideBand ? " (outside the band)" : " (within the band)"}
                </span>
              </td>
              <td data-label="Holdings">
                {formatToken(r.asset.holdings, r.asset.decimals, r.asset.symbol)}
                <div className="muted small">{fund.pricesOk ? formatUsd(r.asset.value) : ""}</div>
              </td>
              <td data-label="On Venus">
                {formatBps(r.onVenusBps, 1)} of it
                <div className="muted small">
                  {formatBps(r.earningNavBps, 1)} of NAV earning · idle{" "}
                  {formatToken(r.asset.idle, r.asset.decimals, r.asset.symbol, 2)}
                </div>
              </td>
              <td data-label="Supply APY">
                {r.asset.yieldEnabled
                  ? formatPercent(supplyApy(r.asset.supplyRatePerBlock, blocksPerYear))
                  : "–"}
              </td>
              <td data-label="Venus market">
                <ul className="states">
                  {r.states.map((s) => (
                    <li key={s.label} className={`tone-${s.tone}`}>
                      <strong>{s.label}</strong>
                      <span className="small"> — {s.detail}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
