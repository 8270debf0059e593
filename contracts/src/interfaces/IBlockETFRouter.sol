// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title IBlockETFRouter
/// @notice Mints a BlockETF from its stablecoin alone and redeems it to the stablecoin alone: buys the
/// basket in proportion through V3 pools and mints in kind, or redeems in kind and sells every asset.
/// Stateless and shared by every fund: the stablecoin sleeve, the V3 SwapRouter and each asset's pools are
/// those of the fund's rebalancer (`fund.rebalancer()`: `STABLE_INDEX`, `ROUTER`, `route(i)`).
/// @dev Mints buy each asset with an exact-output swap of exactly what the fund pulls for the shares, so no
/// asset dust is left; the stablecoin not spent goes back to the caller. Redeems sell with exact-input
/// swaps, so nothing is left either. The router holds no token and no allowance between transactions.
/// Slippage is the caller's to bound (`minShares`, `maxStableIn`, `minStableOut`), from a quote or the NAV:
/// the router itself trades at whatever the pools give, like any DEX router. Quotes are non-view functions
/// for eth_call (they simulate each swap in its pool and revert it, as Uniswap's QuoterV2 does).
interface IBlockETFRouter {
    /* USER */

    /// @notice Mints as many shares as `stableIn` of the fund's stablecoin buys, the rest refunded.
    /// @dev Sizes the shares from the pools before trading: each asset's cost at the pools' current prices,
    /// fees and in-range liquidity (the constant-product formula of V3 within one tick range), then one
    /// correction for price impact, which leaves the estimate on the cheap side. Up to
    /// `ROUTER_SIZING_MARGIN_BPS` of the input is kept as slack for the estimate; it is refunded, with any
    /// other unspent stablecoin, to the caller. On full-range pools the estimate is exact and the refund is
    /// about that margin.
    /// Sizing from the pools rather than the oracle NAV: the pools are what the swaps pay, so an oracle
    /// that lags the pools (by its deviation threshold) cannot make the mint fail or leave a large refund,
    /// and the router needs no price feed. A margin as wide as the routes' `maxSlippageBps` would refund
    /// about 1 % of every mint.
    /// @dev Warning: the estimate treats each route on its own; when two routes cross the same pool or a
    /// swap leaves the current tick for thinner liquidity, the swaps may cost more than the margin covers,
    /// and the mint reverts `BuyFailed` (quote first: the quote simulates the actual swaps).
    /// @param fund The BlockETF.
    /// @param stableIn {tok} Stablecoin pulled from the caller (approve the router for it).
    /// @param minShares {share} Slippage bound: reverts `MinSharesNotMet` below it.
    /// @param receiver Receives the shares.
    /// @param deadline {s} Reverts `DeadlinePassed` after it.
    /// @return shares {share} Shares minted.
    /// @return stableSpent {tok} Stablecoin spent; `stableIn - stableSpent` is refunded to the caller.
    function mintWithStable(
        address fund,
        uint256 stableIn,
        uint256 minShares,
        address receiver,
        uint256 deadline
    ) external returns (uint256 shares, uint256 stableSpent);

    /// @notice Mints exactly `shares`, buying with the stablecoin exactly what the fund pulls for them.
    /// @dev Pulls `maxStableIn`, buys asset by asset in basket order with exact-output swaps, mints in kind
    /// and refunds the rest to the caller.
    /// @param maxStableIn {tok} Slippage bound: reverts `BuyFailed` when the next asset would cost more than
    /// what is left of it.
    /// @return stableSpent {tok} Stablecoin spent; the rest of `maxStableIn` is refunded to the caller.
    function mintExactSharesWithStable(
        address fund,
        uint256 shares,
        uint256 maxStableIn,
        address receiver,
        uint256 deadline
    ) external returns (uint256 stableSpent);

    /// @notice Redeems `shares` of the caller (approve the router for them) and pays the receiver the
    /// stablecoin of the whole basket.
    /// @dev Redeems in kind to the router, then sells each asset with an exact-input swap paying the
    /// receiver directly. What the fund pays in vTokens because Venus cannot pay is passed on to the
    /// receiver as vTokens (reported in `vTokens`, not counted in `stableOut`). If the fund would escrow
    /// vTokens (Venus can neither pay nor transfer them), reverts `RedeemEscrowed`: redeem in kind, so the
    /// escrow claim is in the holder's name.
    /// @param minStableOut {tok} Slippage bound on the stablecoin paid: reverts `MinStableOutNotMet`.
    /// @return stableOut {tok} Stablecoin paid to the receiver.
    /// @return vTokens {vTok} Per asset, vTokens passed to the receiver (0 when Venus paid).
    function redeemToStable(
        address fund,
        uint256 shares,
        uint256 minStableOut,
        address receiver,
        uint256 deadline
    ) external returns (uint256 stableOut, uint256[] memory vTokens);

    /* QUOTES (eth_call) */

    /// @notice What `mintWithStable(fund, stableIn, ...)` returns if executed now, or the same revert.
    /// @dev Not a view: simulates every swap in its pool and reverts it. Call it with eth_call.
    function quoteMintWithStable(address fund, uint256 stableIn)
        external
        returns (uint256 shares, uint256 stableSpent);

    /// @notice {tok} What `mintExactSharesWithStable(fund, shares, ...)` spends if executed now.
    /// @dev Not a view: call it with eth_call.
    function quoteMintExactShares(address fund, uint256 shares) external returns (uint256 stableSpent);

    /// @notice What `redeemToStable(fund, shares, ...)` returns if executed now, or the same revert: the
    /// stablecoin, and the vTokens the fund pays where Venus cannot pay (paused redeem, cash short, a market
    /// that cannot be read or is written off), net of Venus's treasury fee on what it does pay. Reverts
    /// `RedeemEscrowed` where the fund would escrow vTokens. `stableOut` is a valid `minStableOut`.
    /// @dev Not a view: call it with eth_call.
    /// @return stableOut {tok} Stablecoin paid to the receiver.
    /// @return vTokens {vTok} Per asset, vTokens passed to the receiver.
    function quoteRedeemToStable(address fund, uint256 shares)
        external
        returns (uint256 stableOut, uint256[] memory vTokens);

    /* CALLBACKS */

    /// @notice Quote callback of Uniswap V3 pools: always reverts with the swap's deltas, so a quoted swap
    /// never settles. Never pays.
    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata data)
        external
        pure;

    /// @notice Quote callback of PancakeSwap V3 pools: as `uniswapV3SwapCallback`.
    function pancakeV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata data)
        external
        pure;
}
