// The history charts (recharts, loaded lazily): NAV per share against the same basket without Venus yield
// and against V1; cumulative Venus interest by asset; weights against targets with rebalance markers.
// Each chart has a sentence saying what it shows, for screen readers and for a quick read.
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { FundHistory } from "../history/indexer.js";
import { formatDate } from "../lib/format.js";
import { interestByAsset, navSeries, weightSeries } from "../model/history.js";

const COLORS = ["#f7931a", "#627eea", "#c99400", "#23292f", "#9945ff", "#26a17b", "#e84142", "#2a5ada"];
const color = (i: number): string => COLORS[i % COLORS.length] ?? "#111827";
const usd = (v: number, digits = 2) =>
  `$${v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
const date = (t: number) => formatDate(t);
const pct = (a: number, b: number) => `${b >= a ? "+" : ""}${(((b - a) / a) * 100).toFixed(2)} %`;

function NavChart({
  history,
  stableIndex,
  symbol,
}: {
  history: FundHistory;
  stableIndex: number | undefined;
  symbol: string;
}) {
  const points = navSeries(history, stableIndex);
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || points.length < 2)
    return (
      <p className="muted">
        Not enough history yet: the chart needs two snapshots (one per replayed day on the devnet).
      </p>
    );
  const summary = `${symbol} NAV per share went from ${usd(first.nav, 4)} on ${date(first.t)} to ${usd(last.nav, 4)} on ${date(last.t)} (${pct(first.nav, last.nav)}). Without the Venus interest it would be ${usd(last.withoutYield, 4)}${last.v1 === null || first.v1 === null ? "" : `; V1 (the same assets without the stablecoin sleeve, held) ${usd(last.v1, 4)} (${pct(first.v1, last.v1)})`}.`;
  return (
    <figure>
      <figcaption>
        <h3>NAV per share</h3>
        <p data-testid="nav-summary">{summary}</p>
      </figcaption>
      <div className="chart" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis
              dataKey="t"
              type="number"
              domain={["dataMin", "dataMax"]}
              tickFormatter={date}
              minTickGap={40}
            />
            <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => usd(v, 0)} width={64} />
            <Tooltip labelFormatter={(t) => date(Number(t))} formatter={(v) => usd(Number(v), 4)} />
            <Legend />
            <Line
              type="monotone"
              dataKey="nav"
              name={`${symbol} (V2)`}
              stroke="#1d4ed8"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="withoutYield"
              name="without Venus yield"
              stroke="#6b7280"
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="v1"
              name="V1: no sleeve, no yield"
              stroke="#dc2626"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function InterestChart({ history }: { history: FundHistory }) {
  const { points, symbols } = interestByAsset(history);
  const last = points.at(-1);
  if (last === undefined || points.length < 2) return null;
  const total = symbols.reduce((s, k) => s + (last[k] ?? 0), 0);
  const top = [...symbols].sort((a, b) => (last[b] ?? 0) - (last[a] ?? 0)).slice(0, 3);
  const summary = `Venus interest earned since indexing began: ${usd(total)} by ${date(last.t)}; most from ${top.map((s) => `${s} ${usd(last[s] ?? 0)}`).join(", ")}.`;
  return (
    <figure>
      <figcaption>
        <h3>Interest earned on Venus, by asset</h3>
        <p data-testid="interest-summary">{summary}</p>
      </figcaption>
      <div className="chart" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={240}>
          <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis
              dataKey="t"
              type="number"
              domain={["dataMin", "dataMax"]}
              tickFormatter={date}
              minTickGap={40}
            />
            <YAxis tickFormatter={(v: number) => usd(v, 0)} width={64} />
            <Tooltip labelFormatter={(t) => date(Number(t))} formatter={(v) => usd(Number(v))} />
            <Legend />
            {symbols.map((s, i) => (
              <Area
                key={s}
                type="monotone"
                dataKey={s}
                stackId="1"
                stroke={color(i)}
                fill={color(i)}
                fillOpacity={0.5}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function WeightChart({ history }: { history: FundHistory }) {
  const { points, symbols, targets, markers } = weightSeries(history);
  if (points.length < 2) return null;
  const summary = `Weights against their targets (${symbols.map((s) => `${s} ${targets[s]} %`).join(", ")}); ${markers.length === 0 ? "no rebalance step yet" : `${markers.length} rebalance step${markers.length === 1 ? "" : "s"}, marked by vertical lines`}.`;
  return (
    <figure>
      <figcaption>
        <h3>Weights over time</h3>
        <p data-testid="weights-summary">{summary}</p>
      </figcaption>
      <div className="chart" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis
              dataKey="t"
              type="number"
              domain={["dataMin", "dataMax"]}
              tickFormatter={date}
              minTickGap={40}
            />
            <YAxis tickFormatter={(v: number) => `${v} %`} width={48} />
            <Tooltip labelFormatter={(t) => date(Number(t))} formatter={(v) => `${Number(v).toFixed(2)} %`} />
            <Legend />
            {symbols.map((s, i) => (
              <Line
                key={s}
                type="monotone"
                dataKey={s}
                stroke={color(i)}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {markers.map((m) => (
              <ReferenceLine
                key={`${m.t}`}
                x={m.t}
                stroke="#111827"
                strokeDasharray={m.complete ? undefined : "2 2"}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export default function Charts({
  history,
  stableIndex,
  symbol,
}: {
  history: FundHistory;
  stableIndex: number | undefined;
  symbol: string;
}) {
  return (
    <div className="charts">
      <NavChart history={history} stableIndex={stableIndex} symbol={symbol} />
      <InterestChart history={history} />
      <WeightChart history={history} />
    </div>
  );
}
