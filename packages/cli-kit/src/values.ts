import { resolve } from "node:path";
import { type Address, getAddress, isAddress } from "viem";
import { UsageError } from "./errors.js";

/**
 * An address flag: 0x and 40 hex digits (any case; a mixed-case one must carry a valid checksum), returned
 * checksummed. `--owner 0x123` is refused here, before anything is read or sent.
 */
export function addressValue(flag: string, text: string): Address {
  if (!/^0x[0-9a-fA-F]{40}$/.test(text)) {
    throw new UsageError(`${flag} needs an address (0x and 40 hex digits), got "${text}"`);
  }
  // viem's strict check: all lower (or upper) case, or a mixed case that is the EIP-55 checksum.
  if (!isAddress(text, { strict: true })) {
    throw new UsageError(`${flag} ${text} has a bad checksum: check the address or write it in lower case`);
  }
  return getAddress(text);
}

export type NumberRange = {
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
};

/** A finite number flag within `range`; the message says what was expected. */
export function numberValue(flag: string, text: string, range: NumberRange = {}): number {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  const { min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY, integer = false } = range;
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    const bounds = [
      Number.isFinite(min) ? `>= ${min}` : undefined,
      Number.isFinite(max) ? `<= ${max}` : undefined,
    ].filter((b) => b !== undefined);
    throw new UsageError(
      `${flag} needs a ${integer ? "whole " : ""}number${bounds.length > 0 ? ` ${bounds.join(" and ")}` : ""}, got "${text}"`,
    );
  }
  return value;
}

/** {bps} A percent flag in [0, 100) with at most two decimals (2.5 → 250). */
export function percentBps(flag: string, text: string): number {
  const pct = numberValue(flag, text, { min: 0 });
  const bps = pct * 100;
  if (pct >= 100 || Math.abs(bps - Math.round(bps)) > 1e-6) {
    throw new UsageError(`${flag} needs a percent in [0, 100) with at most 2 decimals, got "${text}"`);
  }
  return Math.round(bps);
}

/**
 * A path flag resolved against the directory the user ran the command from: `npm run -w` moves the process
 * into the workspace, and npm keeps the user's directory in INIT_CWD.
 */
export function userPath(text: string, base = process.env.INIT_CWD ?? process.cwd()): string {
  return resolve(base, text);
}
