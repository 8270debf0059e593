// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title ErrorsLib
/// @notice Every custom error of the protocol, named for the failed condition, carrying the values that
/// explain it.
library ErrorsLib {
    /* CONFIGURATION */

    error ZeroAddress();
    error AssetCountOutOfRange(uint256 count, uint256 min, uint256 max);
    error DuplicateAsset(address token);
    error ZeroWeight(uint256 index);
    error WeightsSumNotOne(uint256 sumBps);
    error BufferTooHigh(uint256 bufferBps);
    error DecimalsTooHigh(address token, uint8 decimals);
    error IndexOutOfRange(uint256 index, uint256 count);
    error LengthMismatch(uint256 expected, uint256 actual);
    error VenusNotAvailable();
    error VTokenComptrollerMismatch(address vToken, address comptroller);
    error VTokenUnderlyingMismatch(address vToken, address expected, address actual);
    error VenusPositionOpen(uint256 index, uint256 vShares);
    error ManagementFeeTooHigh(uint256 feeBps, uint256 maxBps);
    error RedeemFeeTooHigh(uint256 feeBps, uint256 maxBps);
    error InvalidRebalanceRule(uint256 thresholdBps, uint256 cooldown, uint256 maxLossBps);

    /* ACCESS */

    error Unauthorized(address caller);
    error RenounceDisabled();
    error FundPaused();

    /* SEEDING */

    error NotSeeder(address caller);
    error AlreadySeeded();
    error NotSeeded();
    error SeedSharesTooLow(uint256 shares, uint256 min);
    error SeedAmountZero(uint256 index);
    error SeedWeightDeviation(uint256 index, uint256 weightBps, uint256 targetBps);
    error FundExists(address fund);

    /* MINT / REDEEM */

    error ZeroShares();
    error MinSharesNotMet(uint256 minShares, uint256 shares);
    error MaxAmountExceeded(uint256 index, uint256 amount, uint256 maxAmount);
    error MinAmountNotMet(uint256 index, uint256 amount, uint256 minAmount);
    error TransferShortfall(address token, uint256 expected, uint256 received);
    error VenusRateUnavailable(address vToken);
    error NothingToClaim(address account, address vToken);
    error ClaimUnavailable(address vToken);

    /* VENUS SAFETY */

    /// @dev `writeOffVenus` is for a position that cannot be valued: this one can (use `exitVenus`).
    error VenusPositionReadable(uint256 index);
    /// @dev A vToken answered `balanceOf` before a call and not after it, or moved part of a transfer: no
    /// accounting can be exact, so nothing is done.
    error VenusInconsistent(address vToken);

    /* REBALANCE */

    error RebalanceNotNeeded(uint256 maxDeviationBps, uint256 thresholdBps, uint256 cooldownEndsAt);
    error RebalanceLiquidityShort(uint256 index, uint256 needed, uint256 available);
    error RebalanceTradeTooLarge(uint256 tradedValue, uint256 overweightValue);
    error RebalanceLossTooHigh(uint256 valueBefore, uint256 valueAfter, uint256 maxLoss);
    error RebalanceWeightWorse(uint256 index, uint256 gapBefore, uint256 gapAfter);
    error NotKeeper(address caller, uint256 publicFrom);
    error StepTooSoon(uint256 nextStepAt);
    error NothingToRebalance();
    error UnexpectedCallback(address caller);
    error SwapFailed(address tokenIn, address tokenOut, uint256 amountIn, uint256 minOut);
    error InvalidRoute(uint256 index);
    error NoPool(address tokenA, address tokenB, uint24 fee);
    error InvalidDelay(uint256 delay);

    // Rebalance episodes

    error InvalidEpisodeBounds(
        uint256 minStepInterval, uint256 maxDuration, uint256 maxSteps, uint256 maxLossBps
    );
    /// @dev The fund's own interval between steps has not elapsed since the last step.
    error EpisodeStepTooSoon(uint256 nextStepAt);
    /// @dev D18{USD} The episode's steps would have lost `lost` in all, more than its `lossBudget`.
    error EpisodeLossTooHigh(uint256 lost, uint256 lossBudget);
    /// @dev D18{USD} The step did not shrink sum_i |value_i - target_i| (at the step's prices).
    error RebalanceNoProgress(uint256 gapBefore, uint256 gapAfter);

    /* ORACLE */

    error FeedNotSet(address token);
    error InvalidHeartbeat(uint256 heartbeat);
    error InvalidBounds(uint256 minPrice, uint256 maxPrice);
    error InvalidFeedDecimals(address feed, uint8 decimals);
    error NonPositivePrice(address token, int256 answer);
    error IncompleteRound(address token, uint80 roundId, uint80 answeredInRound);
    error StalePrice(address token, uint256 updatedAt, uint256 heartbeat);
    error PriceOutOfBounds(address token, uint256 price, uint256 minPrice, uint256 maxPrice);

    /* ROUTER */

    error DeadlinePassed(uint256 deadline, uint256 timestamp);
    error ZeroAmount();
    /// @dev The fund has no rebalancer, or one of another fund: no stable sleeve index and no routes.
    error NoStableSleeve(address fund);
    /// @dev Asset `index` has no route, or one that does not join the asset and the stablecoin.
    error NoRoute(address fund, uint256 index);
    /// @dev Getting `amountOut` of asset `index` costs more than the `maxStableIn` left of the budget, or its
    /// pools cannot fill it.
    error BuyFailed(uint256 index, uint256 amountOut, uint256 maxStableIn);
    /// @dev Selling `amountIn` of asset `index` into the stablecoin failed (no pool or no liquidity).
    error SellFailed(uint256 index, uint256 amountIn);
    error MinStableOutNotMet(uint256 minStableOut, uint256 stableOut);
    /// @dev The fund escrowed vTokens of asset `index` for the router: redeem in kind instead, so the claim
    /// is in the holder's own name.
    error RedeemEscrowed(uint256 index, address vToken, uint256 vTokens);
    /// @dev Not a failure: how a quoted swap reports its deltas from the pool's callback; always caught by
    /// the router's quotes.
    error QuotedSwap(int256 amount0Delta, int256 amount1Delta);
}
