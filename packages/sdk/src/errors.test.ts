import { blockEtfErrorsAbi } from "@blocketf/abi";
import { encodeErrorResult, getAddress } from "viem";
import { describe, expect, test } from "vitest";
import {
  decodeRevertData,
  FundPausedError,
  InsufficientFundsError,
  SlippageError,
  StaleOracleError,
  UnknownRevertError,
  VenusUnavailableError,
} from "./errors.js";

const token = getAddress("0x0000000000000000000000000000000000000bbb");

describe("decodeRevertData", () => {
  test("error: SlippageError with what to do", () => {
    const data = encodeErrorResult({
      abi: blockEtfErrorsAbi,
      errorName: "MinSharesNotMet",
      args: [1000n, 990n],
    });
    const error = decodeRevertData(data);
    expect(error).toBeInstanceOf(SlippageError);
    expect(error.errorName).toBe("MinSharesNotMet");
    expect(error.shortMessage).toBe(
      "Minimum shares 1000 not met (would mint 990). Raise the slippage tolerance or retry.",
    );
  });

  test("error: StaleOracleError carries the feed's figures", () => {
    const data = encodeErrorResult({
      abi: blockEtfErrorsAbi,
      errorName: "StalePrice",
      args: [token, 100n, 3600n],
    });
    const error = decodeRevertData(data);
    expect(error).toBeInstanceOf(StaleOracleError);
    expect(error.args).toEqual([token, 100n, 3600n]);
  });

  test("error: FundPausedError, VenusUnavailableError, InsufficientFundsError", () => {
    expect(
      decodeRevertData(encodeErrorResult({ abi: blockEtfErrorsAbi, errorName: "FundPaused" })),
    ).toBeInstanceOf(FundPausedError);
    expect(
      decodeRevertData(
        encodeErrorResult({ abi: blockEtfErrorsAbi, errorName: "VenusRateUnavailable", args: [token] }),
      ),
    ).toBeInstanceOf(VenusUnavailableError);
    expect(
      decodeRevertData(
        encodeErrorResult({
          abi: blockEtfErrorsAbi,
          errorName: "ERC20InsufficientAllowance",
          args: [token, 1n, 2n],
        }),
      ),
    ).toBeInstanceOf(InsufficientFundsError);
  });

  test("error: UnknownRevertError for foreign data", () => {
    expect(decodeRevertData("0xdeadbeef")).toBeInstanceOf(UnknownRevertError);
  });
});
