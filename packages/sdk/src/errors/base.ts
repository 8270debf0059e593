import type { TransactionReceipt } from "viem";

type ErrorArgs = readonly unknown[];

export type BlockEtfErrorOptions = {
  readonly details?: string;
  readonly cause?: unknown;
  /** The contract's custom error name, when the failure is a decoded revert. */
  readonly errorName?: string;
  readonly args?: ErrorArgs;
};

/**
 * Base of every error the SDK throws: a short message that says what happened in the reader's units and
 * what to do, the technical details, and the cause.
 */
export class BlockEtfError extends Error {
  override name = "BlockEtfError";
  readonly shortMessage: string;
  readonly details: string;
  /** The contract's custom error name, when the failure is a decoded revert. */
  readonly errorName: string | undefined;
  /** The custom error's arguments, as decoded. */
  readonly args: ErrorArgs;

  constructor(shortMessage: string, options: BlockEtfErrorOptions = {}) {
    super(shortMessage, { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = options.details ?? "";
    this.errorName = options.errorName;
    this.args = options.args ?? [];
  }
}

/* CONTRACT REVERTS */

/** A slippage bound was hit: minimum shares or amounts not met, or a maximum amount exceeded. */
export class SlippageError extends BlockEtfError {
  override name = "SlippageError";
}
/** The transaction was mined after its deadline. */
export class DeadlinePassedError extends BlockEtfError {
  override name = "DeadlinePassedError";
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
/**
 * The router refused a redeem because the fund would escrow vTokens (Venus can neither pay nor transfer
 * them): redeem in kind, so the escrow claim is in the holder's name.
 */
export class RedeemEscrowedError extends VenusUnavailableError {
  override name = "RedeemEscrowedError";
}
/** The router cannot trade an asset: no route, no stablecoin sleeve, no pool, or the pool refused the swap. */
export class RouteUnavailableError extends BlockEtfError {
  override name = "RouteUnavailableError";
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
/** More shares than exist were asked for (a preview or a redeem of more than the supply). */
export class SharesExceedSupplyError extends InvalidInputError {
  override name = "SharesExceedSupplyError";
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

/* TRANSPORT AND TRANSACTIONS */

/** The RPC node could not be reached or did not answer in time: nothing was decided on-chain. */
export class NetworkError extends BlockEtfError {
  override name = "NetworkError";
  /** The RPC URL that failed. */
  readonly url: string | undefined;
  constructor(shortMessage: string, options: BlockEtfErrorOptions & { url?: string | undefined } = {}) {
    super(shortMessage, options);
    this.url = options.url;
  }
}
/** The node refused the transaction before mining it: nonce, gas funds, fee or account problems. */
export class TransactionRejectedError extends BlockEtfError {
  override name = "TransactionRejectedError";
}
/** The transaction was mined and reverted (it passed simulation: the state moved, or it ran out of gas). */
export class TransactionRevertedError extends BlockEtfError {
  override name = "TransactionRevertedError";
  readonly hash: `0x${string}`;
  readonly receipt: TransactionReceipt;
  readonly gasUsed: bigint;
  readonly gasLimit: bigint;
  constructor(
    shortMessage: string,
    options: BlockEtfErrorOptions & { receipt: TransactionReceipt; gasLimit: bigint },
  ) {
    super(shortMessage, options);
    this.receipt = options.receipt;
    this.hash = options.receipt.transactionHash;
    this.gasUsed = options.receipt.gasUsed;
    this.gasLimit = options.gasLimit;
  }
}
/** The transaction was sent but no receipt arrived in time; it may still be mined. */
export class TransactionTimeoutError extends BlockEtfError {
  override name = "TransactionTimeoutError";
  readonly hash: `0x${string}`;
  constructor(shortMessage: string, options: BlockEtfErrorOptions & { hash: `0x${string}` }) {
    super(shortMessage, options);
    this.hash = options.hash;
  }
}
