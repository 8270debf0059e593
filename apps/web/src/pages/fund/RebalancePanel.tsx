// The rebalance rule's state in words: due or not and why, cooling down; the rebalance episode (in
// progress or not, steps taken of the most allowed, value lost against its budget, deadline, next step);
// the last rebalance and its steps, each step's value lost against the fund's bound.
import type { GetFundReturnType } from "@blocketf/sdk";
import { useQuery } from "@tanstack/react-query";
import { zeroAddress } from "viem";
import { ErrorState, Loading } from "../../components/states.js";
import { TxLink } from "../../components/TxLink.js";
import { useNetwork, useReadClient } from "../../config/context.js";
import type { FundHistory } from "../../history/indexer.js";
import { formatBps, formatDateTime, formatDuration, formatUsd } from "../../lib/format.js";
import { describeEpisode } from "../../model/episode.js";
import { episodeQuery, rebalancerQuery, rebalanceStatusQuery, ruleQuery } from "../../queries/fund.js";

export function RebalancePanel({
  fund,
  history,
}: {
  fund: GetFundReturnType;
  history: FundHistory | undefined;
}) {
  const network = useNetwork();
  const client = useReadClient();
  const rule = useQuery(ruleQuery(client, network));
  const status = useQuery(rebalanceStatusQuery(client, network));
  const episode = useQuery(episodeQuery(client, network));
  const rebalancer = useQuery(rebalancerQuery(client, network, rule.data?.rebalancer));
  if (rule.isPending) return <Loading what="the rebalance rule" />;
  if (rule.isError) return <ErrorState what="the rebalance rule" error={rule.error} />;
  const r = rule.data;
  const now = Number(fund.timestamp); // chain time (the devnet's clock follows the replayed dates)
  const rb = rebalancer.data;
  const episodes = history?.episodes ?? [];
  const words =
    episode.data === undefined
      ? undefined
      : describeEpisode(episode.data, now, episodes[episodes.length - 1], rb?.canRebalance.nextStepAt);
  const sentences: string[] = [];
  let state = "Not due";
  if (words?.state === "In progress") {
    state = "In progress";
  } else if (status.isError) {
    state = "Unknown";
    sentences.push("The rule cannot be evaluated now (an oracle price is refused).");
  } else if (status.data !== undefined) {
    const s = status.data;
    const trigger = s.triggerIndex >= 0n ? fund.assets[Number(s.triggerIndex)] : undefined;
    if (s.needsRebalance) {
      state = "Due";
      sentences.push(
        `${trigger?.symbol ?? "An asset"} is ${formatBps(s.maxDeviationBps)} from its target, past the ${formatBps(r.thresholdBps)} threshold: the keeper will trade back to the targets through the stablecoin sleeve, in steps bounded on-chain.`,
      );
    } else if (!s.cooldownElapsed && s.maxDeviationBps >= BigInt(r.thresholdBps)) {
      state = "Cooling down";
      sentences.push(
        `The largest deviation (${formatBps(s.maxDeviationBps)}) is past the threshold, but the last rebalance ended less than ${formatDuration(r.cooldown)} ago.`,
      );
    } else {
      sentences.push(
        `The largest deviation is ${formatBps(s.maxDeviationBps)}, inside the ${formatBps(r.thresholdBps)} threshold: nothing to trade. Meanwhile idle assets earn on Venus.`,
      );
    }
  }
  if (rb !== undefined && rb.dueSince > 0n && words?.state !== "In progress")
    sentences.push(
      `Due since ${formatDateTime(rb.dueSince)} (anyone may trigger after ${formatDuration(rb.publicDelay)}).`,
    );

  const steps = history?.steps ?? [];
  // The steps of the current (or last) episode; before the indexer knew episodes, back to the previous
  // complete step.
  const lastStep = steps[steps.length - 1];
  const shown =
    lastStep === undefined
      ? []
      : lastStep.episode !== null
        ? steps.filter((s) => s.episode === lastStep.episode && s.episodeStep !== null)
        : episodeOf(steps, lastStep.id);

  return (
    <div className="rebalance">
      <dl className="stats small-stats">
        <div className="stat">
          <dt>State</dt>
          <dd data-testid="rebalance-state">{state}</dd>
        </div>
        <div className="stat">
          <dt>Last rebalance ended</dt>
          <dd>
            {r.lastRebalanceAt === 0n
              ? "Never"
              : `${formatDateTime(r.lastRebalanceAt)} (${formatDuration(now - Number(r.lastRebalanceAt))} ago)`}
          </dd>
        </div>
        <div className="stat">
          <dt>Rule</dt>
          <dd>
            ±{formatBps(r.thresholdBps)} band, {formatDuration(r.cooldown)} cooldown, each step loses at most{" "}
            {formatBps(r.maxLossBps)} of what it trades
          </dd>
        </div>
      </dl>
      {sentences.map((s) => (
        <p key={s}>{s}</p>
      ))}
      <div data-testid="rebalance-episode">
        {episode.isError ? (
          <ErrorState what="the rebalance episode" error={episode.error} />
        ) : words === undefined ? (
          <Loading what="the rebalance episode" />
        ) : (
          <>
            {words.sentences.map((s) => (
              <p key={s}>{s}</p>
            ))}
            <p className="muted">{words.bounds}</p>
          </>
        )}
      </div>
      {r.rebalancer === zeroAddress && <p className="muted">The fund has no rebalancer attached.</p>}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table data-testid="rebalance-steps">
            <caption>
              The {lastStep?.episode !== null && words?.state === "In progress" ? "current" : "last"}{" "}
              rebalance, step by step: value lost at oracle prices against each step's bound.
            </caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">When</th>
                <th scope="col">Traded</th>
                <th scope="col">Value lost</th>
                <th scope="col">Bound</th>
                <th scope="col">Sent by</th>
                <th scope="col">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s, i) => (
                <tr key={s.id}>
                  <td data-label="Step">{s.episodeStep ?? i + 1}</td>
                  <td data-label="When">{formatDateTime(s.timestamp)}</td>
                  <td data-label="Traded">{formatUsd(s.tradedValue)}</td>
                  <td data-label="Value lost" className={s.lossUsd > s.boundUsd ? "bad" : ""}>
                    {formatUsd(s.lossUsd)} (
                    {s.tradedValue === 0n ? "–" : formatBps((s.lossUsd * 10_000n) / s.tradedValue)})
                  </td>
                  <td data-label="Bound">
                    {formatUsd(s.boundUsd)} ({formatBps(s.maxLossBps)})
                  </td>
                  <td data-label="Sent by">{s.byKeeper === null ? "–" : s.byKeeper ? "keeper" : "public"}</td>
                  <td data-label="Transaction">
                    <TxLink hash={s.txHash} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {steps.length === 0 && history !== undefined && (
        <p className="muted">No rebalance step in the indexed history.</p>
      )}
    </div>
  );
}

/** The steps of the rebalance that ended with step `lastId`: back to the previous complete step. */
function episodeOf<T extends { id: string; complete: boolean }>(steps: readonly T[], lastId: string): T[] {
  const end = steps.findIndex((s) => s.id === lastId);
  let start = end;
  while (start > 0 && steps[start - 1]?.complete === false) start--;
  return steps.slice(start, end + 1);
}
