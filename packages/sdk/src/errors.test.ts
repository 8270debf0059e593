import { blockEtfErrorsAbi } from "@blocketf/abi";
import { encodeErrorResult, getAddress } from "viem";
import { describe, expect, test } from "vitest";
import {
  decodeRevertData,
  FundPausedError,
  InsufficientFundsError,
  InvalidInputError,
  RebalanceBoundError,
  RebalanceNotNeededError,
  RebalanceTooSoonError,
  SlippageError,
  StaleOracleError,
  UnauthorizedError,
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

describe("decodeRevertData: rebalancer errors", () => {
  const decode = (errorName: string, args?: readonly unknown[]) =>
    decodeRevertData(encodeErrorResult({ abi: blockEtfErrorsAbi, errorName, args } as never));

  test("error: RebalanceTooSoonError says when", () => {
    const error = decode("StepTooSoon", [1_700_000_060n]);
    expect(error).toBeInstanceOf(RebalanceTooSoonError);
    expect(error.shortMessage).toBe(
      "The next rebalance step may run at 1700000060 (step interval). Retry then.",
    );
  });

  test("error: UnauthorizedError for NotKeeper, with when anyone may step", () => {
    expect(decode("NotKeeper", [token, 0n])).toBeInstanceOf(UnauthorizedError);
    expect(decode("NotKeeper", [token, 1_700_021_600n]).shortMessage).toMatch(
      /anyone may trigger from 1700021600/,
    );
  });

  test("error: RebalanceNotNeededError for the threshold and the cooldown", () => {
    const below = decode("RebalanceNotNeeded", [120n, 500n, 0n]);
    expect(below).toBeInstanceOf(RebalanceNotNeededError);
    expect(below.shortMessage).toMatch(/120 bps, below the 500 bps threshold/);
    expect(decode("RebalanceNotNeeded", [600n, 500n, 1_700_001_800n]).shortMessage).toMatch(/cooldown/);
    expect(decode("NothingToRebalance")).toBeInstanceOf(RebalanceNotNeededError);
  });

  test("error: RebalanceTooSoonError for the fund's own interval between steps", () => {
    const error = decode("EpisodeStepTooSoon", [1_700_000_060n]);
    expect(error).toBeInstanceOf(RebalanceTooSoonError);
    expect(error.shortMessage).toMatch(/at 1700000060 at the earliest/);
  });

  test("error: InvalidInputError for episode bounds out of range", () => {
    expect(decode("InvalidEpisodeBounds", [0n, 60n, 20n, 100n])).toBeInstanceOf(InvalidInputError);
  });

  test("error: RebalanceBoundError for every bound the fund checks", () => {
    for (const [name, args] of [
      ["EpisodeLossTooHigh", [61n, 60n]],
      ["RebalanceNoProgress", [100n, 101n]],
      ["SwapFailed", [token, token, 1n, 2n]],
      ["RebalanceLossTooHigh", [100n, 98n, 1n]],
      ["RebalanceWeightWorse", [2n, 10n, 11n]],
      ["RebalanceTradeTooLarge", [5n, 4n]],
      ["RebalanceLiquidityShort", [1n, 10n, 5n]],
    ] as const) {
      expect(decode(name, args)).toBeInstanceOf(RebalanceBoundError);
    }
  });
});
