import {
  BaseError,
  ContractFunctionRevertedError,
  ExecutionRevertedError,
  FeeCapTooLowError,
  type Hex,
  HttpRequestError,
  InsufficientFundsError as InsufficientGasFundsError,
  IntrinsicGasTooHighError,
  IntrinsicGasTooLowError,
  NonceTooHighError,
  NonceTooLowError,
  SocketClosedError,
  TimeoutError,
  TipAboveFeeCapError,
  UserRejectedRequestError,
  WebSocketRequestError,
} from "viem";
import { BlockEtfError, NetworkError, TransactionRejectedError, UnknownRevertError } from "./base.js";
import { decodeRevertData } from "./contract.js";
import type { ErrorContext } from "./format.js";

/** The transport failure inside a viem error, if that is what it is: the node was not reached or did not answer. */
function networkFailure(error: BaseError): NetworkError | undefined {
  const failed = error.walk(
    (e) =>
      e instanceof HttpRequestError ||
      e instanceof TimeoutError ||
      e instanceof WebSocketRequestError ||
      e instanceof SocketClosedError,
  );
  if (failed === null || !(failed instanceof BaseError)) return undefined;
  const url = (failed as { url?: unknown }).url;
  const where = typeof url === "string" ? url : "the RPC node";
  const what =
    failed instanceof TimeoutError
      ? "did not answer in time"
      : failed instanceof HttpRequestError && failed.status !== undefined
        ? `answered HTTP ${failed.status}`
        : "could not be reached";
  return new NetworkError(`${where} ${what}: nothing was sent or decided. Check the RPC URL and retry.`, {
    url: typeof url === "string" ? url : undefined,
    cause: error,
    details: failed.shortMessage,
  });
}

/** A node's refusal to accept a transaction (before anything is mined). */
function rejection(error: BaseError): TransactionRejectedError | undefined {
  const refused = error.walk(
    (e) =>
      e instanceof NonceTooLowError ||
      e instanceof NonceTooHighError ||
      e instanceof InsufficientGasFundsError ||
      e instanceof FeeCapTooLowError ||
      e instanceof TipAboveFeeCapError ||
      e instanceof IntrinsicGasTooLowError ||
      e instanceof IntrinsicGasTooHighError ||
      e instanceof UserRejectedRequestError,
  );
  if (refused === null || !(refused instanceof BaseError)) return undefined;
  const advice =
    refused instanceof InsufficientGasFundsError
      ? "The account cannot pay for gas: send it BNB."
      : refused instanceof NonceTooLowError || refused instanceof NonceTooHighError
        ? "Another transaction used this nonce: re-read the state and retry."
        : refused instanceof UserRejectedRequestError
          ? "The wallet rejected the request."
          : "Check the gas and fee settings.";
  return new TransactionRejectedError(`The node refused the transaction: ${refused.shortMessage} ${advice}`, {
    cause: error,
    details: refused.details,
  });
}

/**
 * The typed BlockETF error inside anything a viem call throws: a decoded contract revert (in the fund's
 * symbols and units when `context` is given), a NetworkError naming the RPC URL, a TransactionRejectedError,
 * or an UnknownRevertError for the rest.
 */
export function decodeBlockEtfError(error: unknown, context?: ErrorContext): BlockEtfError {
  if (error instanceof BlockEtfError) return error;
  if (!(error instanceof BaseError)) {
    return new UnknownRevertError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError) {
    if (reverted.raw !== undefined && reverted.raw !== "0x")
      return decodeRevertData(reverted.raw, { context, cause: error });
    if (reverted.reason !== undefined)
      return new UnknownRevertError(`The call reverted: ${reverted.reason}.`, { cause: error });
  }
  const withData = error.walk((e) => typeof (e as { data?: unknown }).data === "string");
  const data = (withData as { data?: unknown } | null)?.data;
  if (typeof data === "string" && data.startsWith("0x") && data.length >= 10)
    return decodeRevertData(data as Hex, { context, cause: error });
  const network = networkFailure(error);
  if (network !== undefined) return network;
  const rejected = rejection(error);
  if (rejected !== undefined) return rejected;
  if (error.walk((e) => e instanceof ExecutionRevertedError) !== null)
    return new UnknownRevertError("The call reverted without a reason.", { cause: error });
  return new UnknownRevertError(error.shortMessage, { cause: error });
}
