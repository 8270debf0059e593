import { UsageError } from "@blocketf/cli-kit";

/**
 * Bad input to the backtester. The CLI prints `shortMessage` on one line (no stack) and exits with 2, as
 * for every `UsageError` (an unknown flag, an unknown asset, weights not summing to 100 %).
 */
export class BacktestInputError extends UsageError {
  override name = "BacktestInputError";
}

export { UnknownAssetError, WeightsSumError } from "@blocketf/cli-kit";

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
