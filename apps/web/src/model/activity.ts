// One sentence per indexed event, in symbols and human units.
import type { ActivityRow, RebalanceStepRow } from "../history/indexer.js";
import {
  formatAmount,
  formatBps,
  formatDateTime,
  formatDuration,
  formatToken,
  formatUsd,
  shortAddress,
} from "../lib/format.js";

export type TokenNames = {
  readonly share: { readonly symbol: string; readonly decimals: number };
  readonly assets: readonly {
    readonly symbol: string;
    readonly decimals: number;
    readonly vToken?: string | undefined;
  }[];
  readonly stable: { readonly symbol: string; readonly decimals: number } | undefined;
};

export type Described = {
  /** Short label of the kind: "Mint", "Rebalance step"… */
  readonly title: string;
  readonly text: string;
  /** A rebalance step whose loss exceeded its bound (never expected: the fund refuses it on-chain). */
  readonly alarm?: boolean;
};

const who = (a: string | null): string => (a === null ? "someone" : shortAddress(a));

function field(details: unknown, key: string): unknown {
  return typeof details === "object" && details !== null
    ? (details as Record<string, unknown>)[key]
    : undefined;
}

/** Why Venus could not pay (the fund's VenusOutcome, as the indexer names it). */
const REASONS: Record<string, string> = {
  Paused: "withdrawals paused",
  CapReached: "supply cap reached",
  NoCash: "short of cash",
  ErrorCode: "the market returned an error code",
  Reverted: "the market reverted",
  RateUnavailable: "its exchange rate could not be read",
  Unreadable: "its state could not be read",
  WrittenOff: "the position is written off",
};

/** How a rebalance episode ended (the indexer's endReason). */
const EPISODE_ENDS: Record<string, string> = {
  Completed: "completed: every weight came back near its target",
  MaxSteps: "stopped at its step cap",
  Stalled: "stalled: nothing over its target could be sold",
  Expired: "ran out of time at its deadline",
};

const PARAMETERS: Record<string, string> = {
  targetWeights: "target weights",
  buffer: "an asset's cash buffer",
  venusMarket: "an asset's Venus market",
  yieldEnabled: "whether an asset is supplied to Venus",
  managementFee: "the management fee",
  redeemFee: "the redeem fee",
  feeRecipient: "the fee recipient",
  guardian: "the guardian",
  keeper: "the keeper",
  oracle: "the oracle",
  rebalanceRule: "the rebalance rule",
  rebalancer: "the rebalancer",
  owner: "the owner",
  ownershipTransferStarted: "a pending owner",
  route: "a rebalancer route",
  publicDelay: "the public trigger delay",
  stepInterval: "the rebalance step interval",
  episodeBounds: "the rebalance episode bounds",
  maxPokeGap: "the longest gap between due checks",
};

const num = (details: unknown, key: string): bigint | undefined => {
  const v = field(details, key);
  return typeof v === "string" || typeof v === "number" ? BigInt(v) : undefined;
};

/** A parameter change in words, with its new values where they read well. */
function parameterText(row: ActivityRow): string {
  const d = row.details;
  const by = who(row.caller);
  const ended =
    typeof field(d, "endedEpisode") === "string" ? " The open rebalance episode ended with it." : "";
  switch (row.parameter) {
    case "episodeBounds": {
      const steps = num(d, "maxSteps");
      const interval = num(d, "minStepInterval");
      const duration = num(d, "maxDuration");
      const loss = num(d, "maxLossBps");
      if (steps === undefined || interval === undefined || duration === undefined || loss === undefined)
        break;
      return `${by} set the rebalance episode bounds: at most ${steps} steps, ${formatDuration(
        Number(interval),
      )} apart, within ${formatDuration(Number(duration))}, losing at most ${formatBps(loss)} of what it has to sell.${ended}`;
    }
    case "maxPokeGap": {
      const gap = num(d, "gap");
      if (gap === undefined) break;
      return `${by} set the longest gap between two "due" checks to ${formatDuration(Number(gap))}.`;
    }
    case "stepInterval": {
      const interval = num(d, "interval");
      if (interval === undefined) break;
      return `${by} set the rebalancer's step interval to ${formatDuration(Number(interval))}.`;
    }
  }
  return `${by} changed ${PARAMETERS[row.parameter ?? ""] ?? row.parameter ?? "a parameter"}.${ended}`;
}

export function describeActivity(
  row: ActivityRow,
  t: TokenNames,
  steps: readonly RebalanceStepRow[] = [],
): Described {
  const shares = row.shares === null ? "" : formatToken(row.shares, t.share.decimals, t.share.symbol);
  const stable = (x: bigint | null) =>
    x === null || t.stable === undefined ? "" : formatToken(x, t.stable.decimals, t.stable.symbol, 2);
  const value = row.valueUsd === null ? "" : ` (${formatUsd(row.valueUsd)})`;
  switch (row.kind) {
    case "create":
      return { title: "Created", text: `The fund was created by ${who(row.caller)}.` };
    case "seed":
      return { title: "Seeded", text: `The fund was seeded with ${shares}${value}.` };
    case "mint":
      return row.viaRouter
        ? {
            title: "Mint",
            text: `${who(row.account)} minted ${shares} with ${stable(row.stableAmount)} through the router.`,
          }
        : { title: "Mint", text: `${who(row.account)} minted ${shares} in kind${value}.` };
    case "redeem":
      return row.viaRouter
        ? {
            title: "Redeem",
            text: `${who(row.account)} redeemed ${shares} for ${stable(row.stableAmount)} through the router.`,
          }
        : { title: "Redeem", text: `${who(row.account)} redeemed ${shares} in kind${value}.` };
    case "transfer":
      return { title: "Transfer", text: `${shares} moved from ${who(row.caller)} to ${who(row.account)}.` };
    case "claim": {
      const vToken = String(field(row.details, "vToken") ?? "").toLowerCase();
      const asset = t.assets.find((a) => a.vToken?.toLowerCase() === vToken);
      return {
        title: "Claim",
        text: `${who(row.account)} claimed what the fund held for them in ${asset === undefined ? "a Venus market" : `v${asset.symbol}`}.`,
      };
    }
    case "sweep": {
      const parts = (row.amounts ?? [])
        .map((x, i) =>
          x > 0n && t.assets[i] !== undefined
            ? formatToken(x, t.assets[i].decimals, t.assets[i].symbol, 2)
            : undefined,
        )
        .filter((x) => x !== undefined);
      return {
        title: "Sweep",
        text: `Idle assets supplied to Venus${value}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}.`,
      };
    }
    case "rebalance": {
      const step = steps.find((s) => s.id === field(row.details, "stepId"));
      const loss = step === undefined ? undefined : step.lossUsd;
      const complete = field(row.details, "complete") === true;
      const text =
        step === undefined
          ? `A rebalance step traded${value}.`
          : `A rebalance step traded ${formatUsd(step.tradedValue)} and lost ${formatUsd(step.lossUsd)}${
              step.tradedValue > 0n ? ` (${formatBps((step.lossUsd * 10_000n) / step.tradedValue)})` : ""
            } against a bound of ${formatUsd(step.boundUsd)} (${formatBps(step.maxLossBps)}), sent by ${
              step.byKeeper === false ? "a public caller" : "the keeper"
            }.`;
      const n = step?.episodeStep ?? field(row.details, "episodeStep");
      const numbered = typeof n === "number" ? ` ${n}` : "";
      return {
        title: complete ? `Rebalance step${numbered} (last)` : `Rebalance step${numbered}`,
        text: `${text}${complete ? " The rebalance is complete." : ""}`,
        alarm: step !== undefined && loss !== undefined && loss > step.boundUsd,
      };
    }
    case "rebalanceDue":
      return num(row.details, "since") === 0n
        ? { title: "No longer due", text: "The rebalance rule stopped calling for a rebalance." }
        : { title: "Rebalance due", text: "A weight left its band: the rebalance rule became due." };
    case "episodeStarted": {
      const budget = num(row.details, "lossBudget") ?? 0n;
      const deadline = num(row.details, "deadline");
      const maxSteps = num(row.details, "maxSteps");
      return {
        title: "Rebalance episode started",
        text: `A rebalance began with ${formatUsd(
          num(row.details, "overweightValue") ?? 0n,
        )} over its targets to sell: at most ${maxSteps ?? "?"} steps, a loss budget of ${formatUsd(
          budget,
        )}${deadline === undefined ? "" : `, until ${formatDateTime(deadline)}`}.`,
      };
    }
    case "episodeEnded": {
      const reason = String(field(row.details, "reason") ?? "");
      const steps = num(row.details, "steps") ?? 0n;
      const lost = num(row.details, "lost") ?? 0n;
      const budget = num(row.details, "lossBudget") ?? 0n;
      return {
        title: "Rebalance episode ended",
        text: `The rebalance ${EPISODE_ENDS[reason] ?? `ended (${reason})`} after ${steps} step${
          steps === 1n ? "" : "s"
        }, having lost ${formatUsd(lost)} of its ${formatUsd(budget)} loss budget${
          budget > 0n ? ` (${formatBps((lost * 10_000n) / budget)})` : ""
        }.`,
        alarm: lost > budget,
      };
    }
    case "writeOff": {
      const asset = t.assets[Number(field(row.details, "index"))];
      const symbol = asset?.symbol ?? "an asset";
      const vShares = num(row.details, "vShares") ?? 0n;
      // vTokens have 8 decimals on Venus's core pool.
      const held = `${formatAmount(vShares, 8)} v${asset?.symbol ?? "Token"}`;
      return field(row.details, "writtenOff") === true
        ? {
            title: "Venus position written off",
            text: `${who(row.caller)} wrote off the fund's ${symbol} position on Venus (${held}), which Venus could no longer value: it counts as zero in NAV, and every redemption pays its share of those vTokens in kind.`,
          }
        : {
            title: "Venus position counted again",
            text: `${who(row.caller)} counted the fund's ${symbol} position on Venus (${held}) in NAV again: Venus values it once more.`,
          };
    }
    case "managementFee":
      return {
        title: "Management fee",
        text: `${shares} minted to the fee recipient as the management fee.`,
      };
    case "pause":
      return {
        title: "Paused",
        text: `${who(row.caller)} paused the fund: minting stops, redeeming still works.`,
      };
    case "unpause":
      return { title: "Unpaused", text: `${who(row.caller)} unpaused the fund.` };
    case "venusExit": {
      const asset = t.assets[Number(field(row.details, "index"))];
      return {
        title: "Venus exit",
        text: `${asset?.symbol ?? "An asset"} was pulled out of Venus by ${who(row.caller)}.`,
      };
    }
    case "vTokenPayout": {
      const asset = t.assets[Number(field(row.details, "index"))];
      const symbol = asset?.symbol ?? "an asset";
      const escrowed = field(row.details, "escrowed") === true;
      const code = String(field(row.details, "reason") ?? "");
      // vTokens have 8 decimals on Venus's core pool.
      const vTokens = `${formatAmount(num(row.details, "vTokens") ?? 0n, 8)} v${asset?.symbol ?? "Token"}`;
      const paid = escrowed
        ? `${vTokens} are held by the fund for them to claim`
        : `they received ${vTokens} instead`;
      if (code === "WrittenOff")
        return {
          title: "Paid in vTokens",
          text: `${symbol}'s Venus position is written off: ${who(row.account)}'s share of it came as vTokens (${paid}).`,
        };
      const reason = REASONS[code] ?? code.toLowerCase();
      return {
        title: "Paid in vTokens",
        text: `Venus could not pay ${symbol} (${reason}) to ${who(row.account)}: ${paid}.`,
      };
    }
    case "parameter":
      return { title: "Parameter", text: parameterText(row) };
    default:
      return { title: row.kind, text: `${row.kind}${value}` };
  }
}
