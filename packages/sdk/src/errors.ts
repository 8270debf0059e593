import { blockEtfErrorsAbi } from "@blocketf/abi";
import { BaseError, ContractFunctionRevertedError, decodeErrorResult, type Hex } from "viem";

type ErrorArgs = readonly unknown[];

/** Base of every error the SDK throws: a short message that says what to do, plus details and cause. */
export class BlockEtfError extends Error {
  override name = "BlockEtfError";
  readonly shortMessage: string;
  readonly details: string;
  /** The contract's custom error name, when the failure is a decoded revert. */
  readonly errorName: string | undefined;
  readonly args: ErrorArgs;

  constructor(
    shortMessage: string,
    options: { details?: string; cause?: unknown; errorName?: string; args?: ErrorArgs } = {},
  ) {
    super(shortMessage, { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = options.details ?? "";
    this.errorName = options.errorName;
    this.args = options.args ?? [];
  }
}

/** A slippage bound was hit: minimum shares or amounts not met, or a maximum amount exceeded. */
export class SlippageError extends BlockEtfError {
  override name = "SlippageError";
}
/** The fund is paused: minting and sweeping are stopped (redeeming always works). */
export class FundPausedError extends BlockEtfError {
  override name = "FundPausedError";
}
/** An oracle price was refused: stale, non-positive, from an incomplete round, out of bounds or missing. */
export class StaleOracleError extends BlockEtfError {
  override name = "StaleOracleError";
}
/** A Venus market could not be valued or could not pay a claim now. */
export class VenusUnavailableError extends BlockEtfError {
  override name = "VenusUnavailableError";
}
/** The caller lacks the role the call needs. */
export class UnauthorizedError extends BlockEtfError {
  override name = "UnauthorizedError";
}
/** Not enough tokens or allowance. */
export class InsufficientFundsError extends BlockEtfError {
  override name = "InsufficientFundsError";
}
/** The inputs are invalid (zero shares, wrong lengths, bad configuration …). */
export class InvalidInputError extends BlockEtfError {
  override name = "InvalidInputError";
}
/** The rebalance rule does not hold now: no weight far enough from target, or the cooldown runs. */
export class RebalanceNotNeededError extends BlockEtfError {
  override name = "RebalanceNotNeededError";
}
/** A rebalance step may not run yet: the step interval, or the public delay for a non-keeper caller. */
export class RebalanceTooSoonError extends BlockEtfError {
  override name = "RebalanceTooSoonError";
}
/**
 * A rebalance step broke one of the fund's bounds: a swap below its oracle minimum, a loss above the
 * fund's maximum, a weight moved away from target, a trade larger than the over-weight value, or an asset
 * Venus could not pay out.
 */
export class RebalanceBoundError extends BlockEtfError {
  override name = "RebalanceBoundError";
}
/** A revert the SDK could not attribute to a BlockETF error. */
export class UnknownRevertError extends BlockEtfError {
  override name = "UnknownRevertError";
}

const fmt = (value: unknown): string => (typeof value === "bigint" ? value.toString() : String(value));

/** Turns a decoded custom error into the matching typed error with a message that says what to do. */
export function toBlockEtfError(errorName: string, args: ErrorArgs, cause?: unknown): BlockEtfError {
  const a = args.map(fmt);
  const base = { errorName, args, cause, details: `${errorName}(${a.join(", ")})` };
  switch (errorName) {
    case "MinSharesNotMet":
      return new SlippageError(
        `Minimum shares ${a[0]} not met (would mint ${a[1]}). Raise the slippage tolerance or retry.`,
        base,
      );
    case "MaxAmountExceeded":
      return new SlippageError(
        `Asset ${a[0]} would cost ${a[1]}, above your maximum ${a[2]}. Raise the slippage tolerance or retry.`,
        base,
      );
    case "MinAmountNotMet":
      return new SlippageError(
        `Asset ${a[0]} would pay ${a[1]}, below your minimum ${a[2]}. Lower the minimum or retry.`,
        base,
      );
    case "FundPaused":
      return new FundPausedError(
        "The fund is paused: minting and sweeping are stopped. Redeeming still works.",
        base,
      );
    case "StalePrice":
      return new StaleOracleError(
        `The price feed of ${a[0]} is stale (updated at ${a[1]}, heartbeat ${a[2]} s). Wait for an update.`,
        base,
      );
    case "NonPositivePrice":
    case "IncompleteRound":
    case "PriceOutOfBounds":
      return new StaleOracleError(
        `The price feed of ${a[0]} returned an unusable answer (${errorName}). Wait for a new round.`,
        base,
      );
    case "FeedNotSet":
      return new StaleOracleError(
        `No price feed is configured for ${a[0]}. The oracle owner must set one.`,
        base,
      );
    case "VenusRateUnavailable":
      return new VenusUnavailableError(
        `Venus market ${a[0]} cannot be valued right now, so minting is refused. Redeeming still works.`,
        base,
      );
    case "ClaimUnavailable":
      return new VenusUnavailableError(
        `Venus market ${a[0]} can neither pay nor transfer your claim now. Retry when it reopens.`,
        base,
      );
    case "NothingToClaim":
      return new InvalidInputError(`Nothing is escrowed for ${a[0]} in market ${a[1]}.`, base);
    case "Unauthorized":
    case "OwnableUnauthorizedAccount":
    case "NotSeeder":
      return new UnauthorizedError(`${a[0]} is not allowed to make this call.`, base);
    case "ERC20InsufficientBalance":
      return new InsufficientFundsError(`${a[0]} holds ${a[1]} but ${a[2]} is needed.`, base);
    case "ERC20InsufficientAllowance":
      return new InsufficientFundsError(
        `Allowance of ${a[0]} is ${a[1]} but ${a[2]} is needed. Approve the fund first.`,
        base,
      );
    case "TransferShortfall":
      return new InvalidInputError(
        `Token ${a[0]} delivered ${a[2]} instead of ${a[1]}: fee-on-transfer tokens are not supported.`,
        base,
      );
    case "RebalanceNotNeeded":
      return new RebalanceNotNeededError(
        BigInt(a[0] ?? "0") >= BigInt(a[1] ?? "0")
          ? `No rebalance now: the cooldown runs until ${a[2]}. Retry after it.`
          : `No rebalance needed: the largest deviation is ${a[0]} bps, below the ${a[1]} bps threshold.`,
        base,
      );
    case "NothingToRebalance":
      return new RebalanceNotNeededError(
        "The planned step trades nothing (no asset can be sold now). Check routes and Venus liquidity.",
        base,
      );
    case "StepTooSoon":
      return new RebalanceTooSoonError(
        `The next rebalance step may run at ${a[0]} (step interval). Retry then.`,
        base,
      );
    case "NotKeeper":
      return new UnauthorizedError(
        a[1] === "0"
          ? `${a[0]} is not the fund's keeper and no step has been seen due lately. Use the keeper's account, or poke() while a step is due, at least every maxPokeGap, for the public delay.`
          : `${a[0]} is not the fund's keeper: anyone may trigger from ${a[1]} (public delay) if poke() keeps seeing it due. Use the keeper's account or wait.`,
        base,
      );
    case "EpisodeStepTooSoon":
      return new RebalanceTooSoonError(
        `The fund takes its next rebalance step at ${a[0]} at the earliest (its own interval between steps). Retry then.`,
        base,
      );
    case "EpisodeLossTooHigh":
      return new RebalanceBoundError(
        `The rebalance episode would have lost ${a[0]} USD (D18) in all, above its budget ${a[1]}. Wait for its deadline or the next episode; check the pools and routes.`,
        base,
      );
    case "RebalanceNoProgress":
      return new RebalanceBoundError(
        `The step would not bring the fund closer to its targets (gap ${a[0]} → ${a[1]} USD, D18). The rebalancer's plan is wrong or the pools are off: report it.`,
        base,
      );
    case "InvalidEpisodeBounds":
      return new InvalidInputError(
        `Episode bounds (interval ${a[0]} s, duration ${a[1]} s, ${a[2]} steps, ${a[3]} bps) are out of range: 1 s..1 day, interval..7 days, 1..100 steps, 1..500 bps.`,
        base,
      );
    case "SwapFailed":
      return new RebalanceBoundError(
        `Swapping ${a[2]} of ${a[0]} for ${a[1]} returned less than the oracle minimum ${a[3]}. The pool is off the oracle or too shallow: wait for arbitrage, or lower the route's maxTradeValue.`,
        base,
      );
    case "RebalanceLossTooHigh":
      return new RebalanceBoundError(
        `The step would take the fund from ${a[0]} to ${a[1]} USD (D18), more than the ${a[2]} allowed. Lower maxTradeValue or wait for deeper pools.`,
        base,
      );
    case "RebalanceWeightWorse":
      return new RebalanceBoundError(
        `The step would move asset ${a[0]} further from target (${a[1]} → ${a[2]}, D18). Check the routes and the pools' prices.`,
        base,
      );
    case "RebalanceTradeTooLarge":
      return new RebalanceBoundError(
        `The step would trade ${a[0]} USD (D18), above the over-weight value ${a[1]}. The rebalancer's plan is wrong: report it.`,
        base,
      );
    case "RebalanceLiquidityShort":
      return new RebalanceBoundError(
        `Asset ${a[0]} needs ${a[1]} but only ${a[2]} can be paid out now (Venus cash or pause). Retry when Venus has cash.`,
        base,
      );
    case "InvalidRoute":
      return new InvalidInputError(
        `Route ${a[0]} is invalid: paths must run asset → stablecoin and back, slippage 1..1000 bps, maxTradeValue > 0.`,
        base,
      );
    case "UnexpectedCallback":
      return new UnauthorizedError(`${a[0]} may not call the rebalance callback.`, base);
    case "ZeroShares":
      return new InvalidInputError("The amounts are too small to mint or redeem a single share unit.", base);
    default:
      return new InvalidInputError(`The fund rejected the call: ${errorName}(${a.join(", ")}).`, base);
  }
}

/** Decodes raw revert data with every BlockETF custom error. */
export function decodeRevertData(data: Hex, cause?: unknown): BlockEtfError {
  try {
    const decoded = decodeErrorResult({ abi: blockEtfErrorsAbi, data });
    return toBlockEtfError(decoded.errorName, decoded.args ?? [], cause);
  } catch {
    return new UnknownRevertError(`The call reverted with unrecognised data ${data.slice(0, 10)}.`, {
      cause,
      details: data,
    });
  }
}

/** Finds the revert in a viem error (simulate, call, write) and returns the typed BlockETF error. */
export function decodeBlockEtfError(error: unknown): BlockEtfError {
  if (error instanceof BlockEtfError) return error;
  if (error instanceof BaseError) {
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      if (reverted.raw !== undefined && reverted.raw !== "0x") return decodeRevertData(reverted.raw, error);
      if (reverted.reason !== undefined)
        return new UnknownRevertError(`The call reverted: ${reverted.reason}.`, { cause: error });
    }
    const withData = error.walk((e) => typeof (e as { data?: unknown }).data === "string");
    const data = (withData as { data?: unknown } | null)?.data;
    if (typeof data === "string" && data.startsWith("0x") && data.length >= 10)
      return decodeRevertData(data as Hex, error);
    return new UnknownRevertError(error.shortMessage, { cause: error });
  }
  return new UnknownRevertError(error instanceof Error ? error.message : String(error), { cause: error });
}
