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
