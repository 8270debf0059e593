import { blockEtfErrorsAbi } from "@blocketf/abi";
import { createPublicClient, encodeErrorResult, getAddress, http } from "viem";
import { describe, expect, test } from "vitest";
import {
  contractErrors,
  DeadlinePassedError,
  decodeBlockEtfError,
  decodeRevertData,
  FundPausedError,
  InsufficientFundsError,
  InvalidInputError,
  NetworkError,
  RebalanceBoundError,
  RebalanceNotNeededError,
  RebalanceTooSoonError,
  RedeemEscrowedError,
  RouteUnavailableError,
  SlippageError,
  StaleOracleError,
  UnauthorizedError,
  UnknownRevertError,
  VenusUnavailableError,
} from "./index.js";

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
      "Minting gives 990 shares (raw units) but at least 1000 shares (raw units) was required. Raise the slippage tolerance or retry.",
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

  test("error: the Venus safety errors are typed", () => {
    const decode = (errorName: "VenusInconsistent" | "VenusPositionReadable", args: readonly unknown[]) =>
      decodeRevertData(encodeErrorResult({ abi: blockEtfErrorsAbi, errorName, args } as never));
    expect(decode("VenusInconsistent", [token])).toBeInstanceOf(VenusUnavailableError);
    const readable = decode("VenusPositionReadable", [1n]);
    expect(readable).toBeInstanceOf(InvalidInputError);
    expect(readable.shortMessage).toMatch(/Use exitVenus/);
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
      "The next rebalance step may run at 2023-11-14 22:14:20 UTC (step interval). Retry then.",
    );
  });

  test("error: UnauthorizedError for NotKeeper, with when anyone may step", () => {
    expect(decode("NotKeeper", [token, 0n])).toBeInstanceOf(UnauthorizedError);
    expect(decode("NotKeeper", [token, 1_700_021_600n]).shortMessage).toMatch(
      /anyone may trigger from 2023-11-15 04:13:20 UTC/,
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
    const error = decode("EpisodeStepTooSoon", [1_700_021_600n]);
    expect(error).toBeInstanceOf(RebalanceTooSoonError);
    expect(error.shortMessage).toMatch(/at 2023-11-15 04:13:20 UTC at the earliest/);
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

const BASKET = [
  { symbol: "BTCB", decimals: 18, address: getAddress("0x00000000000000000000000000000000000000b1") },
  { symbol: "ETH", decimals: 18, address: getAddress("0x00000000000000000000000000000000000000e1") },
  { symbol: "USDT", decimals: 18, address: getAddress("0x00000000000000000000000000000000000000d1") },
] as const;
const CONTEXT = {
  assets: BASKET,
  stable: BASKET[2],
  share: { symbol: "CT5U", decimals: 18 },
} as const;
const encode = (errorName: string, args?: readonly unknown[]) =>
  encodeErrorResult({ abi: blockEtfErrorsAbi, errorName, args } as never);

describe("decodeRevertData: symbols and human units", () => {
  test("error: MaxAmountExceeded names the asset and its amounts, never an index or raw units", () => {
    const error = decodeRevertData(
      encode("MaxAmountExceeded", [0n, 2650759470266168430000n, 2500n * 10n ** 18n]),
      {
        context: CONTEXT,
      },
    );
    expect(error).toBeInstanceOf(SlippageError);
    expect(error.shortMessage).toBe(
      "Minting needs 2,650.7594 BTCB but at most 2,500 BTCB was allowed. Raise the slippage tolerance or retry.",
    );
  });

  test("behavior: a bound missed by a hair shows the digits that tell the amounts apart", () => {
    // 2.50001 ETH against at most 2.5: four decimals would print "2.5" twice.
    const error = decodeRevertData(
      encode("MaxAmountExceeded", [1n, 2_500_010n * 10n ** 12n, 25n * 10n ** 17n]),
      {
        context: CONTEXT,
      },
    );
    expect(error.shortMessage).toBe(
      "Minting needs 2.50001 ETH but at most 2.5 ETH was allowed. Raise the slippage tolerance or retry.",
    );
  });

  test("behavior: without a context the message falls back to the index and raw units", () => {
    expect(decodeRevertData(encode("MaxAmountExceeded", [3n, 5n, 4n])).shortMessage).toBe(
      "Minting needs 5 of asset 3 (raw units) but at most 4 of asset 3 (raw units) was allowed. Raise the slippage tolerance or retry.",
    );
  });

  test("behavior: token addresses become symbols", () => {
    const error = decodeRevertData(encode("StalePrice", [BASKET[0].address, 1_735_689_600n, 3600n]), {
      context: CONTEXT,
    });
    expect(error.shortMessage).toBe(
      "The price of BTCB is stale (last update 2025-01-01 00:00:00 UTC, heartbeat 3600 s). Wait for an update.",
    );
  });
});

describe("decodeRevertData: the USDT router's errors", () => {
  test("error: MinStableOutNotMet is a SlippageError in USDT", () => {
    const error = decodeRevertData(encode("MinStableOutNotMet", [1000n * 10n ** 18n, 9952n * 10n ** 17n]), {
      context: CONTEXT,
    });
    expect(error).toBeInstanceOf(SlippageError);
    expect(error.shortMessage).toBe(
      "Redeeming pays 995.2 USDT but at least 1,000 USDT was required. Lower the minimum or quote again.",
    );
  });

  test("error: DeadlinePassedError says when", () => {
    const error = decodeRevertData(encode("DeadlinePassed", [1_735_689_600n, 1_735_689_700n]));
    expect(error).toBeInstanceOf(DeadlinePassedError);
    expect(error.shortMessage).toMatch(/2025-01-01 00:00:00 UTC passed .* 2025-01-01 00:01:40 UTC/);
  });

  test("error: NoRoute, NoStableSleeve, NoPool and SellFailed are RouteUnavailableError", () => {
    const fund = getAddress("0x00000000000000000000000000000000000000f1");
    const noRoute = decodeRevertData(encode("NoRoute", [fund, 1n]), { context: CONTEXT });
    expect(noRoute).toBeInstanceOf(RouteUnavailableError);
    expect(noRoute.shortMessage).toMatch(/no swap route for ETH/);
    expect(decodeRevertData(encode("NoStableSleeve", [fund]))).toBeInstanceOf(RouteUnavailableError);
    expect(decodeRevertData(encode("NoPool", [fund, fund, 500]))).toBeInstanceOf(RouteUnavailableError);
    expect(decodeRevertData(encode("SellFailed", [0n, 1n]))).toBeInstanceOf(RouteUnavailableError);
  });

  test("error: RedeemEscrowed is a RedeemEscrowedError (a VenusUnavailableError) that says to redeem in kind", () => {
    const error = decodeRevertData(encode("RedeemEscrowed", [0n, BASKET[0].address, 5n]), {
      context: CONTEXT,
    });
    expect(error).toBeInstanceOf(RedeemEscrowedError);
    expect(error).toBeInstanceOf(VenusUnavailableError);
    expect(error.shortMessage).toMatch(/BTCB .* Redeem in kind/);
  });

  test("error: BuyFailed is a SlippageError in the asset and the stablecoin", () => {
    const error = decodeRevertData(encode("BuyFailed", [0n, 10n ** 17n, 10_000n * 10n ** 18n]), {
      context: CONTEXT,
    });
    expect(error).toBeInstanceOf(SlippageError);
    expect(error.shortMessage).toMatch(/^Buying 0\.1 BTCB would cost more than .* 10,000 USDT allowed/);
  });
});

describe("contractErrors", () => {
  test("behavior: every custom error of the generated ABI has a handler (tsc checks it; this checks the build)", () => {
    const names = new Set(blockEtfErrorsAbi.map((e) => e.name));
    expect([...names].filter((n) => !(n in contractErrors))).toEqual([]);
    expect(Object.keys(contractErrors).filter((n) => !names.has(n as never))).toEqual([]);
  });

  test("behavior: no contract error falls to the generic class by default", () => {
    for (const item of blockEtfErrorsAbi) {
      const args = item.inputs.map((i) =>
        i.type === "address"
          ? BASKET[0].address
          : i.type.startsWith("int") || i.type.startsWith("uint")
            ? i.type === "uint8" || i.type === "uint24"
              ? 1
              : 1n
            : 0n,
      );
      const error = decodeRevertData(encode(item.name, args), { context: CONTEXT });
      expect(error.errorName, item.name).toBe(item.name);
      expect(error.shortMessage, item.name).not.toMatch(/undefined|NaN/);
    }
  });
});

describe("decodeBlockEtfError: the network", () => {
  test("error: an unreachable RPC is a NetworkError naming its URL, not a revert", async () => {
    const url = "http://127.0.0.1:9/rpc"; // the discard port: nothing listens there
    const client = createPublicClient({ transport: http(url, { retryCount: 0, timeout: 2_000 }) });
    const error = await client.getBlockNumber().then(
      () => undefined,
      (e: unknown) => decodeBlockEtfError(e),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).url).toBe(url);
    expect(error?.shortMessage).toContain(url);
  });
});
