// One sentence per indexed event, in symbols and human units.
import type { ActivityRow, RebalanceStepRow } from "../history/indexer.js";
import { formatBps, formatToken, formatUsd, shortAddress } from "../lib/format.js";

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
};

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
      return {
        title: complete ? "Rebalance step (last)" : "Rebalance step",
        text: `${text}${complete ? " The rebalance is complete." : ""}`,
        alarm: step !== undefined && loss !== undefined && loss > step.boundUsd,
      };
    }
    case "rebalanceDue":
      return { title: "Rebalance due", text: "A weight left its band: the rebalance rule became due." };
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
      const escrowed = field(row.details, "escrowed") === true;
      const reason =
        REASONS[String(field(row.details, "reason") ?? "")] ??
        String(field(row.details, "reason") ?? "").toLowerCase();
      return {
        title: "Paid in vTokens",
        text: `Venus could not pay ${asset?.symbol ?? "an asset"} (${reason}) to ${who(row.account)}: ${
          escrowed ? "its vTokens are held for a claim" : "paid in its vTokens instead"
        }.`,
      };
    }
    case "parameter":
      return {
        title: "Parameter",
        text: `${who(row.caller)} changed ${PARAMETERS[row.parameter ?? ""] ?? row.parameter ?? "a parameter"}.`,
      };
    default:
      return { title: row.kind, text: `${row.kind}${value}` };
  }
}
