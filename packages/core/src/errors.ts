/** Base class of every error thrown by `@blocketf/core`: a one-line `shortMessage` plus details. */
export class BlockEtfCoreError extends Error {
  override name = "BlockEtfCoreError";
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: { details?: string; cause?: unknown } = {}) {
    super(options.details === undefined ? shortMessage : `${shortMessage}\n\nDetails: ${options.details}`, {
      cause: options.cause,
    });
    this.shortMessage = shortMessage;
    this.details = options.details;
  }
}

/** Two per-asset arrays that must line up do not. */
export class LengthMismatchError extends BlockEtfCoreError {
  override name = "LengthMismatchError";
  constructor(what: string, expected: number, got: number) {
    super(`${what}: expected ${expected} entries, got ${got}.`);
  }
}

/** The stablecoin index does not point at a basket member. */
export class StableIndexError extends BlockEtfCoreError {
  override name = "StableIndexError";
  constructor(index: number, length: number) {
    super(`Stable index ${index} is outside the basket of ${length} assets.`);
  }
}
