// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title ConstantsLib
/// @notice Protocol constants: units, caps on every fee, and the limits of the valid ranges (README).
library ConstantsLib {
    /// @dev D18{1}: fixed-point one, and Venus's exchange-rate mantissa scale.
    uint256 internal constant WAD = 1e18;
    /// @dev {bps}: one hundred percent. Target weights sum to exactly this.
    uint256 internal constant BPS = 10_000;
    /// @dev {s}: fees stream over a 365-day year, by timestamp, not by block.
    uint256 internal constant YEAR = 365 days;

    /// @dev Most assets a basket may hold.
    uint256 internal constant MAX_ASSETS = 16;
    /// @dev Fewest assets a basket may hold (one risk asset and the stablecoin sleeve).
    uint256 internal constant MIN_ASSETS = 2;
    /// @dev Most decimals an asset may have (prices and holdings stay far from overflow).
    uint8 internal constant MAX_DECIMALS = 24;

    /// @dev {bps/year}: cap on the streaming management fee (5 %/year).
    uint256 internal constant MAX_MANAGEMENT_FEE_BPS = 500;
    /// @dev {bps}: cap on the redeem fee (1 %).
    uint256 internal constant MAX_REDEEM_FEE_BPS = 100;
    /// @dev {s}: longest stretch a single fee accrual charges for.
    uint256 internal constant MAX_FEE_ELAPSED = 10 * YEAR;

    /// @dev {share}: burned to the dead address at seeding, so supply never returns to zero.
    uint256 internal constant DEAD_SHARES = 1e9;
    /// @dev {share}: smallest seed; seeds below this make share granularity too coarse.
    uint256 internal constant MIN_SEED_SHARES = 1e15;
    /// @dev {bps}: largest absolute deviation of a seed's oracle weights from the targets.
    uint256 internal constant MAX_SEED_DEVIATION_BPS = 100;
    /// @dev {bps}: `sweep` supplies only an excess over the buffer of at least this share of the asset's
    /// holdings, so repeated sweeps do not churn dust (Venus rounds every supply down by up to one vToken).
    uint256 internal constant MIN_SWEEP_BPS = 1;
    /// @dev {bps}: V1's rule kept: rebalance when any weight is this far from its target (5 % absolute).
    uint16 internal constant DEFAULT_REBALANCE_THRESHOLD_BPS = 500;
    /// @dev {s}: minimum time between two rebalances (30 minutes).
    uint32 internal constant DEFAULT_REBALANCE_COOLDOWN = 30 minutes;
    /// @dev {bps}: most a rebalance may lose by default, as a share of the value it trades (1 %).
    uint16 internal constant DEFAULT_REBALANCE_MAX_LOSS_BPS = 100;
    /// @dev {bps}: cap on the rebalance loss bound the owner may set (5 % of the value traded).
    uint16 internal constant MAX_REBALANCE_LOSS_BPS = 500;
    /// @dev {bps}: widest per-swap slippage a rebalance route may allow (10 %).
    uint16 internal constant MAX_SWAP_SLIPPAGE_BPS = 1000;
    /// @dev {s}: longest wait before anyone may trigger a due rebalance.
    uint32 internal constant MAX_PUBLIC_DELAY = 30 days;
    /// @dev {s}: longest minimum time between two rebalance steps.
    uint32 internal constant MAX_STEP_INTERVAL = 1 days;
    /// @dev {bps}: smallest trade a rebalance step plans, as a share of the fund's value (0.01 %): smaller
    /// deviations are rounding, not drift, and a pool would round such a swap to nothing.
    uint256 internal constant MIN_TRADE_BPS = 1;
    /// @dev A rebalance is complete when every weight is within threshold / COMPLETE_DIVISOR of its target
    /// (50 bps for V1's 500): steps continue to about target, not to the edge of the band.
    uint256 internal constant COMPLETE_DIVISOR = 10;
    /// @dev {s}: longest cooldown the owner may set.
    uint32 internal constant MAX_REBALANCE_COOLDOWN = 7 days;

    // Rebalance episodes (the README's Rebalancing section says why each default)

    /// @dev {s}: least time between two rebalance steps by default: the rebalancer's own step interval, so
    /// arbitrage can put the pools back on the oracle between steps.
    uint32 internal constant DEFAULT_EPISODE_MIN_STEP_INTERVAL = 1 minutes;
    /// @dev {s}: an episode's default deadline: longer than the rebalancer's 6-hour public delay, so anyone
    /// can finish an episode a dead keeper started.
    uint32 internal constant DEFAULT_EPISODE_MAX_DURATION = 12 hours;
    /// @dev Default most steps per episode: 20 x a route's `maxTradeValue` per asset.
    uint16 internal constant DEFAULT_EPISODE_MAX_STEPS = 20;
    /// @dev {bps}: default most an episode may lose, of the over-weight value at its start: what one full
    /// rebalance may lose under the default per-step bound (1 % of what it sends).
    uint16 internal constant DEFAULT_EPISODE_MAX_LOSS_BPS = 100;
    /// @dev {s}: longest gap between two observations of "due" (`poke`, a step) for the rebalancer's public
    /// trigger to count it as continuous.
    uint32 internal constant MAX_POKE_GAP = 1 days;
    /// @dev {s}: caps on the bounds the owner may set.
    uint32 internal constant MAX_EPISODE_MIN_STEP_INTERVAL = 1 days;
    uint32 internal constant MAX_EPISODE_DURATION = 7 days;
    uint16 internal constant MAX_EPISODE_STEPS = 100;
    /// @dev {bps}: cap on an episode's loss bound (5 % of its over-weight value).
    uint16 internal constant MAX_EPISODE_LOSS_BPS = 500;

    /// @dev Receiver of the dead shares.
    address internal constant DEAD_ADDRESS = 0x000000000000000000000000000000000000dEaD;

    /// @dev Venus Comptroller `Action` enum values.
    uint8 internal constant VENUS_ACTION_MINT = 0;
    uint8 internal constant VENUS_ACTION_REDEEM = 1;
    uint8 internal constant VENUS_ACTION_TRANSFER = 6;

    /* ROUTER */

    /// @dev {bps}: `mintWithStable` spends at most the input less this on its estimate of the swaps, so the
    /// pools may cost a little more than estimated (rounding, liquidity beyond the current tick) without
    /// the mint failing. What is not spent is refunded.
    uint256 internal constant ROUTER_SIZING_MARGIN_BPS = 5;
    /// @dev V3's price bounds (TickMath.MIN_SQRT_RATIO + 1 and MAX_SQRT_RATIO - 1): a swap limited by them
    /// is limited only by liquidity.
    uint160 internal constant V3_MIN_SQRT_RATIO_PLUS_ONE = 4_295_128_740;
    uint160 internal constant V3_MAX_SQRT_RATIO_MINUS_ONE =
        1_461_446_703_485_210_103_287_273_052_203_988_822_378_723_970_341;
}
