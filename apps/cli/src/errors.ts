/**
 * Bad input to the backtester. The CLI prints `shortMessage` on one line (no stack) and exits with 2.
 */
export class BacktestInputError extends Error {
  override name = "BacktestInputError";
  readonly shortMessage: string;

  constructor(shortMessage: string, options: { cause?: unknown } = {}) {
    super(shortMessage, options);
    this.shortMessage = shortMessage;
  }
}

/** An asset name that the price data does not hold. */
export class UnknownAssetError extends BacktestInputError {
  override name = "UnknownAssetError";
  constructor(asset: string, known: readonly string[]) {
    super(`Unknown asset "${asset}". Known assets: ${known.join(", ")}.`);
  }
}

/** Target weights that do not sum to 100%. */
export class WeightsSumError extends BacktestInputError {
  override name = "WeightsSumError";
  constructor(sumPercent: number) {
    super(`Weights sum to ${sumPercent}%, not 100%. Adjust --weights so they add up to 100.`);
  }
}

/** A --from/--to window outside the data, or empty. */
export class DateRangeError extends BacktestInputError {
  override name = "DateRangeError";
}

/** A CSV file that cannot be read as the expected table. */
export class MalformedCsvError extends BacktestInputError {
  override name = "MalformedCsvError";
  constructor(file: string, line: number, reason: string) {
    super(`Malformed CSV ${file} line ${line}: ${reason}.`);
  }
}

/** A flag with a value that cannot be used. */
export class InvalidFlagError extends BacktestInputError {
  override name = "InvalidFlagError";
  constructor(flag: string, reason: string) {
    super(`Invalid ${flag}: ${reason}. See --help.`);
  }
}
