/**
 * A mistake in what the user typed or pointed at (a flag, a file, an address): every command prints
 * `error: <shortMessage>` on one line, without a stack trace, and exits with code 2. Each app's own input
 * errors extend it.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly shortMessage: string;

  constructor(shortMessage: string, options: { cause?: unknown } = {}) {
    super(shortMessage, options);
    this.shortMessage = shortMessage;
  }
}

/** A weights or per-asset flag names an asset the basket (or the price data) does not hold. */
export class UnknownAssetError extends UsageError {
  override name = "UnknownAssetError";
  constructor(flag: string, asset: string, known: readonly string[]) {
    super(`${flag}: unknown asset "${asset}". Known: ${known.join(", ")}.`);
  }
}

/** Target weights that do not sum to 100 %. */
export class WeightsSumError extends UsageError {
  override name = "WeightsSumError";
  constructor(flag: string, sumPercent: number) {
    super(`${flag}: weights sum to ${sumPercent}%, not 100%`);
  }
}
