/** Base class of every error thrown by the DEX helpers; each message says what to do about it. */
export class DexError extends Error {
  override readonly name: string = "DexError";
}

/** A decimal price, amount or tolerance could not be parsed, or is not positive. */
export class InvalidDecimalError extends DexError {
  override readonly name = "InvalidDecimalError";
}

/** An argument is outside what the helper accepts (zero amount, identical tokens, ...). */
export class InvalidDexArgumentError extends DexError {
  override readonly name = "InvalidDexArgumentError";
}

/** The requested price cannot be represented by a V3 pool (sqrtPriceX96 outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO)). */
export class PriceOutOfRangeError extends DexError {
  override readonly name = "PriceOutOfRangeError";
}

/** A contract creation or transaction failed on chain. */
export class DexTransactionError extends DexError {
  override readonly name = "DexTransactionError";
}

/** The factory has no tick spacing for this fee (the tier was never enabled). */
export class FeeTierNotEnabledError extends DexError {
  override readonly name = "FeeTierNotEnabledError";
}

/** createPoolWithLiquidity was asked for a pool that already exists. */
export class PoolAlreadyExistsError extends DexError {
  override readonly name = "PoolAlreadyExistsError";
}

/** No pool for this token pair and fee, or the address given is not an initialised pool. */
export class PoolNotFoundError extends DexError {
  override readonly name = "PoolNotFoundError";
}

/** A token given for a pool is neither its token0 nor its token1. */
export class TokenNotInPoolError extends DexError {
  override readonly name = "TokenNotInPoolError";
}

/** The sending account holds less of a token than the operation needs. */
export class InsufficientBalanceError extends DexError {
  override readonly name = "InsufficientBalanceError";
}

/** QuoterV2 reverted (usually: no pool, no liquidity, or a price limit on the wrong side). */
export class QuoteFailedError extends DexError {
  override readonly name = "QuoteFailedError";
}

/** SwapRouter reverted, e.g. "Too little received" when amountOutMinimum is above what the pool gives. */
export class SwapRevertedError extends DexError {
  override readonly name = "SwapRevertedError";
  constructor(
    message: string,
    /** The revert reason string, when the node returned one. */
    readonly reason: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** moveTowardsPrice ran out of swaps before the pool came within the tolerance of the target. */
export class TargetPriceNotReachedError extends DexError {
  override readonly name = "TargetPriceNotReachedError";
}
