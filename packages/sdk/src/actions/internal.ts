import type { Address, Client } from "viem";
import { decodeBlockEtfError } from "../errors/decode.js";
import type { BlockEtfError, ErrorContext } from "../errors/index.js";
import { getFundTokens } from "./getFundTokens.js";

/** Where messages get their symbols and units: a context given, or a fund to read it from on failure. */
export type ExplainWith = {
  /** Explains a revert in this fund's symbols and units (read only when something fails). */
  readonly fund?: Address | undefined;
  readonly errorContext?: ErrorContext | undefined;
};

/**
 * The typed error of a failure; for a contract revert, in the fund's symbols and units (the fund's tokens
 * are read only here, on the failure path; if that read fails too, the message keeps raw units).
 */
export async function explain(client: Client, error: unknown, how: ExplainWith = {}): Promise<BlockEtfError> {
  const typed = decodeBlockEtfError(error);
  if (typed.errorName === undefined) return typed;
  let context = how.errorContext;
  if (context === undefined && how.fund !== undefined) {
    context = await getFundTokens(client, { fund: how.fund }).catch(() => undefined);
  }
  return context === undefined ? typed : decodeBlockEtfError(error, context);
}

/** Awaits a read and throws its failure as the typed BlockETF error. */
export async function typed<T>(client: Client, read: Promise<T>, how: ExplainWith = {}): Promise<T> {
  try {
    return await read;
  } catch (error: unknown) {
    throw await explain(client, error, how);
  }
}
