import { blockEtfErrorsAbi } from "@blocketf/abi";
import { type ContractErrorArgs, type ContractErrorName, decodeErrorResult, type Hex } from "viem";
import {
  type BlockEtfError,
  type BlockEtfErrorOptions,
  DeadlinePassedError,
  FundPausedError,
  InsufficientFundsError,
  InvalidInputError,
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
} from "./base.js";
import { type ErrorContext, Explainer, formatTimestamp } from "./format.js";

type ErrorsAbi = typeof blockEtfErrorsAbi;
/** The name of every custom error of the BlockETF contracts, from the generated ABI. */
export type BlockEtfErrorName = ContractErrorName<ErrorsAbi>;

type Handler<name extends BlockEtfErrorName> = (
  args: ContractErrorArgs<ErrorsAbi, name>,
  x: Explainer,
  base: BlockEtfErrorOptions,
) => BlockEtfError;

/**
 * Every custom error of the contracts → its typed error, with a message in symbols and human units that
 * says what to do. Keyed by the generated ABI's error names and checked by the compiler: a Solidity error
 * added without an entry here fails `tsc` (and an entry for an error that no longer exists does too).
 */
export const contractErrors = {
  /* THE FUND: USER */
  FundPaused: (_, __, base) =>
    new FundPausedError("The fund is paused: minting and sweeping are stopped. Redeeming still works.", base),
  MinSharesNotMet: ([minShares, shares], x, base) => {
    const [got, min] = x.shareAmounts(shares, minShares);
    return new SlippageError(
      `Minting gives ${got} but at least ${min} was required. Raise the slippage tolerance or retry.`,
      base,
    );
  },
  MaxAmountExceeded: ([index, amount, maxAmount], x, base) => {
    const [needs, max] = x.assetAmounts(index, amount, maxAmount);
    return new SlippageError(
      `Minting needs ${needs} but at most ${max} was allowed. Raise the slippage tolerance or retry.`,
      base,
    );
  },
  MinAmountNotMet: ([index, amount, minAmount], x, base) => {
    const [pays, min] = x.assetAmounts(index, amount, minAmount);
    return new SlippageError(
      `Redeeming pays ${pays} but at least ${min} was required. Lower the minimum or retry.`,
      base,
    );
  },
  ZeroShares: (_, __, base) =>
    new InvalidInputError("The amounts are too small to mint or redeem a single share unit.", base),
  LengthMismatch: ([expected, actual], _, base) =>
    new InvalidInputError(
      `Expected ${expected} amounts, one per asset in basket order; got ${actual}.`,
      base,
    ),
  TransferShortfall: ([token, expected, received], x, base) =>
    new InvalidInputError(
      `${x.tokenName(token)} delivered ${received} raw units instead of ${expected}: fee-on-transfer tokens are not supported.`,
      base,
    ),
  NotSeeded: (_, __, base) =>
    new InvalidInputError("The fund is not seeded yet: nothing can be minted.", base),
  AlreadySeeded: (_, __, base) => new InvalidInputError("The fund is already seeded.", base),
  NotSeeder: ([caller], _, base) =>
    new UnauthorizedError(`${caller} is not the fund's seeder (its factory).`, base),
  NothingToClaim: ([account, vToken], x, base) =>
    new InvalidInputError(`Nothing is escrowed for ${account} in ${x.tokenName(vToken)}.`, base),
  ClaimUnavailable: ([vToken], x, base) =>
    new VenusUnavailableError(
      `${x.tokenName(vToken)} can neither pay nor transfer your claim now. Retry when it reopens.`,
      base,
    ),
  VenusRateUnavailable: ([vToken], x, base) =>
    new VenusUnavailableError(
      `${x.tokenName(vToken)} cannot be valued right now, so minting is refused. Redeeming still works.`,
      base,
    ),
  // Venus safety
  VenusInconsistent: ([vToken], x, base) =>
    new VenusUnavailableError(
      `${x.tokenName(vToken)} answered inconsistently during the call, so nothing was done. Retry, or redeem in kind.`,
      base,
    ),
  VenusPositionReadable: ([index], x, base) =>
    new InvalidInputError(
      `The Venus position of ${x.assetName(index)} can be valued: it cannot be written off. Use exitVenus to withdraw it.`,
      base,
    ),
  VenusNotAvailable: (_, __, base) =>
    new VenusUnavailableError("This fund has no Venus comptroller: Venus markets cannot be used.", base),
  ReentrancyGuardReentrantCall: (_, __, base) =>
    new UnauthorizedError(
      "A reentrant call was refused (a token or contract called back into the fund).",
      base,
    ),

  /* ERC-20 (OpenZeppelin) */
  // From an OpenZeppelin ERC-20: the fund's shares, or a basket token built on it. The error does not say
  // which token reverted, so its amounts stay in the token's raw units.
  ERC20InsufficientBalance: ([sender, balance, needed], _, base) =>
    new InsufficientFundsError(
      `${sender} holds ${balance} but ${needed} is needed (raw units of the token being transferred).`,
      base,
    ),
  ERC20InsufficientAllowance: ([spender, allowance, needed], _, base) =>
    new InsufficientFundsError(
      `${spender} may spend ${allowance} but ${needed} is needed (raw units of the token being spent). Approve it first.`,
      base,
    ),
  ERC20InvalidApprover: ([a], _, base) => new InvalidInputError(`${a} cannot approve.`, base),
  ERC20InvalidReceiver: ([a], _, base) => new InvalidInputError(`${a} cannot receive tokens.`, base),
  ERC20InvalidSender: ([a], _, base) => new InvalidInputError(`${a} cannot send tokens.`, base),
  ERC20InvalidSpender: ([a], _, base) => new InvalidInputError(`${a} cannot be approved.`, base),
  SafeERC20FailedOperation: ([token], x, base) =>
    new InsufficientFundsError(
      `A transfer of ${x.tokenName(token)} failed: check the balance and the allowance.`,
      base,
    ),
  SafeCastOverflowedUintDowncast: ([bits, value], _, base) =>
    new InvalidInputError(`An amount is too large: ${value} does not fit in ${bits} bits.`, base),
  SafeCastOverflowedIntToUint: ([value], _, base) =>
    new InvalidInputError(`A negative amount (${value}) was given where a positive one is needed.`, base),
  SafeCastOverflowedUintToInt: ([value], _, base) =>
    new InvalidInputError(`An amount is too large: ${value} does not fit in a signed 256-bit integer.`, base),

  /* THE FUND: CONFIGURATION (owner, factory) */
  Unauthorized: ([caller], _, base) =>
    new UnauthorizedError(`${caller} is not allowed to make this call.`, base),
  OwnableUnauthorizedAccount: ([account], _, base) =>
    new UnauthorizedError(`${account} is not the owner.`, base),
  OwnableInvalidOwner: ([owner], _, base) => new InvalidInputError(`${owner} cannot be the owner.`, base),
  RenounceDisabled: (_, __, base) =>
    new InvalidInputError("Renouncing ownership is disabled: transfer it instead.", base),
  ZeroAddress: (_, __, base) => new InvalidInputError("An address is zero.", base),
  ZeroWeight: ([index], x, base) =>
    new InvalidInputError(`${x.assetName(index)} has a zero target weight.`, base),
  WeightsSumNotOne: ([sumBps], _, base) =>
    new InvalidInputError(`Target weights sum to ${sumBps} bps instead of 10,000.`, base),
  BufferTooHigh: ([bufferBps], _, base) =>
    new InvalidInputError(`A cash buffer of ${bufferBps} bps is above 10,000 bps.`, base),
  AssetCountOutOfRange: ([count, min, max], _, base) =>
    new InvalidInputError(`A fund holds ${min} to ${max} assets, not ${count}.`, base),
  DuplicateAsset: ([token], x, base) => new InvalidInputError(`${x.tokenName(token)} is listed twice.`, base),
  DecimalsTooHigh: ([token, decimals], x, base) =>
    new InvalidInputError(`${x.tokenName(token)} has ${decimals} decimals; at most 24 are supported.`, base),
  IndexOutOfRange: ([index, count], _, base) =>
    new InvalidInputError(`Asset index ${index} is out of range (the fund holds ${count}).`, base),
  InvalidRebalanceRule: ([thresholdBps, cooldown, maxLossBps], _, base) =>
    new InvalidInputError(
      `Rebalance rule refused: threshold ${thresholdBps} bps, cooldown ${cooldown} s, max loss ${maxLossBps} bps.`,
      base,
    ),
  ManagementFeeTooHigh: ([feeBps, maxBps], _, base) =>
    new InvalidInputError(`A management fee of ${feeBps} bps/year is above the ${maxBps} bps cap.`, base),
  RedeemFeeTooHigh: ([feeBps, maxBps], _, base) =>
    new InvalidInputError(`A redeem fee of ${feeBps} bps is above the ${maxBps} bps cap.`, base),
  VenusPositionOpen: ([index, vShares], x, base) =>
    new InvalidInputError(
      `${x.assetName(index)} still holds ${vShares} vTokens: exit its Venus market first.`,
      base,
    ),
  VTokenComptrollerMismatch: ([vToken, comptroller], _, base) =>
    new InvalidInputError(`${vToken} belongs to comptroller ${comptroller}, not the fund's.`, base),
  VTokenUnderlyingMismatch: ([vToken, expected, actual], _, base) =>
    new InvalidInputError(`${vToken} lends ${actual}, not ${expected}.`, base),
  SeedAmountZero: ([index], x, base) =>
    new InvalidInputError(`The seed holds no ${x.assetName(index)}.`, base),
  SeedSharesTooLow: ([shares, min], _, base) =>
    new InvalidInputError(`A seed of ${shares} shares is below the minimum ${min}.`, base),
  SeedWeightDeviation: ([index, weightBps, targetBps], x, base) =>
    new InvalidInputError(
      `The seed holds ${x.assetName(index)} at ${weightBps} bps instead of its ${targetBps} bps target (1 % allowed).`,
      base,
    ),
  FundExists: ([fund], _, base) =>
    new InvalidInputError(`A fund already exists at ${fund}: use another salt.`, base),
  ChunkDeployFailed: (_, __, base) =>
    new InvalidInputError("The factory could not store BlockETF's code (deployment out of gas?).", base),
  ChunkTooLarge: ([size], _, base) =>
    new InvalidInputError(`A code chunk of ${size} bytes is too large.`, base),

  /* ORACLE */
  StalePrice: ([token, updatedAt, heartbeat], x, base) =>
    new StaleOracleError(
      `The price of ${x.tokenName(token)} is stale (last update ${formatTimestamp(updatedAt)}, heartbeat ${heartbeat} s). Wait for an update.`,
      base,
    ),
  NonPositivePrice: ([token, answer], x, base) =>
    new StaleOracleError(
      `The feed of ${x.tokenName(token)} answered ${answer}, not a price. Wait for a new round.`,
      base,
    ),
  IncompleteRound: ([token, roundId, answeredInRound], x, base) =>
    new StaleOracleError(
      `The feed of ${x.tokenName(token)} is mid-round (round ${roundId}, answered in ${answeredInRound}). Wait for a new round.`,
      base,
    ),
  PriceOutOfBounds: ([token, price, minPrice, maxPrice], x, base) =>
    new StaleOracleError(
      `The price of ${x.tokenName(token)}, ${x.usd(price)}, is outside the oracle's bounds ${x.usd(minPrice)} to ${x.usd(maxPrice)}.`,
      base,
    ),
  FeedNotSet: ([token], x, base) =>
    new StaleOracleError(
      `No price feed is set for ${x.tokenName(token)}. The oracle owner must set one.`,
      base,
    ),
  InvalidBounds: ([minPrice, maxPrice], x, base) =>
    new InvalidInputError(`Price bounds ${x.usd(minPrice)} to ${x.usd(maxPrice)} are invalid.`, base),
  InvalidFeedDecimals: ([feed, decimals], _, base) =>
    new InvalidInputError(`Feed ${feed} has ${decimals} decimals; at most 18 are supported.`, base),
  InvalidHeartbeat: ([heartbeat], _, base) =>
    new InvalidInputError(`A heartbeat of ${heartbeat} s is outside 1 s to 2 days.`, base),

  /* REBALANCING */
  RebalanceNotNeeded: ([maxDeviationBps, thresholdBps, cooldownEndsAt], _, base) =>
    new RebalanceNotNeededError(
      maxDeviationBps >= thresholdBps
        ? `No rebalance now: the cooldown runs until ${formatTimestamp(cooldownEndsAt)}. Retry after it.`
        : `No rebalance needed: the largest deviation is ${maxDeviationBps} bps, below the ${thresholdBps} bps threshold.`,
      base,
    ),
  NothingToRebalance: (_, __, base) =>
    new RebalanceNotNeededError(
      "The planned step trades nothing (no asset can be sold now). Check routes and Venus liquidity.",
      base,
    ),
  StepTooSoon: ([nextStepAt], _, base) =>
    new RebalanceTooSoonError(
      `The next rebalance step may run at ${formatTimestamp(nextStepAt)} (step interval). Retry then.`,
      base,
    ),
  NotKeeper: ([caller, publicFrom], _, base) =>
    new UnauthorizedError(
      publicFrom === 0n
        ? `${caller} is not the fund's keeper and no step has been seen due lately. Use the keeper's account, or poke() while a step is due, at least every maxPokeGap, for the public delay.`
        : `${caller} is not the fund's keeper: anyone may trigger from ${formatTimestamp(publicFrom)} (public delay) if poke() keeps seeing it due. Use the keeper's account or wait.`,
      base,
    ),
  EpisodeStepTooSoon: ([nextStepAt], _, base) =>
    new RebalanceTooSoonError(
      `The fund takes its next rebalance step at ${formatTimestamp(nextStepAt)} at the earliest (its own interval between steps). Retry then.`,
      base,
    ),
  EpisodeLossTooHigh: ([lost, budget], x, base) =>
    new RebalanceBoundError(
      `The rebalance episode would have lost ${x.usd(lost)} in all, above its budget ${x.usd(budget)}. Wait for its deadline or the next episode; check the pools and routes.`,
      base,
    ),
  RebalanceNoProgress: ([gapBefore, gapAfter], x, base) =>
    new RebalanceBoundError(
      `The step would not bring the fund closer to its targets (total gap ${x.usd(gapBefore)} → ${x.usd(gapAfter)}). The rebalancer's plan is wrong or the pools are off: report it.`,
      base,
    ),
  InvalidEpisodeBounds: ([minStepInterval, maxDuration, maxSteps, maxLossBps], _, base) =>
    new InvalidInputError(
      `Episode bounds (interval ${minStepInterval} s, duration ${maxDuration} s, ${maxSteps} steps, ${maxLossBps} bps) are out of range: 1 s..1 day, interval..7 days, 1..100 steps, 1..500 bps.`,
      base,
    ),
  SwapFailed: ([tokenIn, tokenOut, amountIn, minOut], x, base) =>
    new RebalanceBoundError(
      `Swapping ${amountIn} raw units of ${x.tokenName(tokenIn)} for ${x.tokenName(tokenOut)} returned less than the oracle minimum ${minOut}. The pool is off the oracle or too shallow: wait for arbitrage, or lower the route's maxTradeValue.`,
      base,
    ),
  RebalanceLossTooHigh: ([valueBefore, valueAfter, maxLoss], x, base) =>
    new RebalanceBoundError(
      `The step would take the fund from ${x.usd(valueBefore)} to ${x.usd(valueAfter)}, losing more than the ${x.usd(maxLoss)} allowed. Lower maxTradeValue or wait for deeper pools.`,
      base,
    ),
  RebalanceWeightWorse: ([index, gapBefore, gapAfter], x, base) =>
    new RebalanceBoundError(
      `The step would move ${x.assetName(index)} further from its target (gap ${x.usd(gapBefore)} → ${x.usd(gapAfter)}). Check the routes and the pools' prices.`,
      base,
    ),
  RebalanceTradeTooLarge: ([tradedValue, overweightValue], x, base) =>
    new RebalanceBoundError(
      `The step would trade ${x.usd(tradedValue)}, above the over-weight value ${x.usd(overweightValue)}. The rebalancer's plan is wrong: report it.`,
      base,
    ),
  RebalanceLiquidityShort: ([index, needed, available], x, base) => {
    const [need, can] = x.assetAmounts(index, needed, available);
    return new RebalanceBoundError(
      `The step needs ${need} but only ${can} can be paid out now (Venus cash or pause). Retry when Venus has cash.`,
      base,
    );
  },
  InvalidRoute: ([index], x, base) =>
    new InvalidInputError(
      `The route of ${x.assetName(index)} is invalid: paths must run asset → stablecoin and back, slippage 1 to 1,000 bps, maxTradeValue > 0.`,
      base,
    ),
  InvalidDelay: ([delay], _, base) => new InvalidInputError(`A delay of ${delay} s is out of range.`, base),
  NoPool: ([tokenA, tokenB, fee], x, base) =>
    new RouteUnavailableError(
      `No pool for ${x.tokenName(tokenA)}/${x.tokenName(tokenB)} at the ${fee / 10_000} % fee tier. Fix the route.`,
      base,
    ),
  UnexpectedCallback: ([caller], _, base) =>
    new UnauthorizedError(`${caller} may not call the rebalance callback.`, base),

  /* USDT ROUTER */
  DeadlinePassed: ([deadline, timestamp], _, base) =>
    new DeadlinePassedError(
      `The deadline ${formatTimestamp(deadline)} passed before the transaction was mined (block time ${formatTimestamp(timestamp)}). Send it again with a later deadline.`,
      base,
    ),
  MinStableOutNotMet: ([minStableOut, stableOut], x, base) => {
    const [pays, min] = x.stableAmounts(stableOut, minStableOut);
    return new SlippageError(
      `Redeeming pays ${pays} but at least ${min} was required. Lower the minimum or quote again.`,
      base,
    );
  },
  BuyFailed: ([index, amountOut, maxStableIn], x, base) =>
    new SlippageError(
      `Buying ${x.assetAmount(index, amountOut)} would cost more than what is left of the ${x.stableAmount(maxStableIn)} allowed. Raise the maximum (quote first) or retry.`,
      base,
    ),
  SellFailed: ([index, amountIn], x, base) =>
    new RouteUnavailableError(
      `Selling ${x.assetAmount(index, amountIn)} in its pool failed. Redeem in kind instead, or retry when the pool has liquidity.`,
      base,
    ),
  NoRoute: ([, index], x, base) =>
    new RouteUnavailableError(
      `The fund has no swap route for ${x.assetName(index)}, so the router cannot trade it. Mint or redeem in kind.`,
      base,
    ),
  NoStableSleeve: ([fund], _, base) =>
    new RouteUnavailableError(
      `Fund ${fund} has no stablecoin sleeve (or no rebalancer), so the router cannot serve it. Mint or redeem in kind.`,
      base,
    ),
  RedeemEscrowed: ([index, , vTokens], x, base) =>
    new RedeemEscrowedError(
      `Venus can neither pay nor transfer ${x.assetName(index)} now (the fund would escrow ${vTokens} vTokens), so the router cannot redeem to the stablecoin. Redeem in kind: the escrow is then in your name.`,
      base,
    ),
  ZeroAmount: (_, __, base) => new InvalidInputError("The amount is zero.", base),
  QuotedSwap: (_, __, base) =>
    new UnknownRevertError("A quote's internal revert escaped the router (QuotedSwap): report it.", base),
} as const satisfies { readonly [name in BlockEtfErrorName]: Handler<name> };

const fmt = (value: unknown): string => (typeof value === "bigint" ? value.toString() : String(value));

/** The typed error of a decoded custom error. */
export function toBlockEtfError<name extends BlockEtfErrorName>(
  errorName: name,
  args: ContractErrorArgs<ErrorsAbi, name>,
  options: { context?: ErrorContext | undefined; cause?: unknown } = {},
): BlockEtfError {
  const list = args as readonly unknown[];
  const base: BlockEtfErrorOptions = {
    errorName,
    args: list,
    cause: options.cause,
    details: `${errorName}(${list.map(fmt).join(", ")})`,
  };
  const handler = contractErrors[errorName] as Handler<name>;
  return handler(args, new Explainer(options.context), base);
}

/** Decodes raw revert data with every BlockETF custom error; foreign data is an UnknownRevertError. */
export function decodeRevertData(
  data: Hex,
  options: { context?: ErrorContext | undefined; cause?: unknown } = {},
): BlockEtfError {
  let decoded: ReturnType<typeof decodeErrorResult<ErrorsAbi>>;
  try {
    decoded = decodeErrorResult({ abi: blockEtfErrorsAbi, data });
  } catch {
    return new UnknownRevertError(`The call reverted with unrecognised data ${data.slice(0, 10)}.`, {
      cause: options.cause,
      details: data,
    });
  }
  if (!(decoded.errorName in contractErrors)) {
    // viem's built-in Error(string) and Panic(uint256).
    return new UnknownRevertError(
      `The call reverted: ${decoded.errorName}(${(decoded.args ?? []).map(fmt).join(", ")}).`,
      {
        cause: options.cause,
        details: data,
      },
    );
  }
  return toBlockEtfError(
    decoded.errorName as BlockEtfErrorName,
    (decoded.args ?? []) as ContractErrorArgs<ErrorsAbi, BlockEtfErrorName>,
    options,
  );
}
