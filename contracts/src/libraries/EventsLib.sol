// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {AssetConfig, EpisodeEnd, VenusOutcome} from "../interfaces/IBlockETF.sol";

/// @title EventsLib
/// @notice One event per state change, named for the action.
library EventsLib {
    /* FUND LIFECYCLE */

    event AssetAdded(uint256 indexed index, address indexed token, AssetConfig config, bool native);
    event Seed(address indexed receiver, uint256 shares, uint256[] amounts);

    /* USER */

    event Mint(address indexed caller, address indexed receiver, uint256 shares, uint256[] amounts);
    event Redeem(
        address indexed caller, address indexed receiver, uint256 shares, uint256 feeShares, uint256[] amounts
    );
    /// @notice Part of a redemption paid in vTokens (or escrowed) because Venus could not pay.
    event RedeemInVTokens(
        address indexed receiver,
        uint256 indexed index,
        address indexed vToken,
        uint256 vTokens,
        bool escrowed,
        VenusOutcome reason
    );
    event Claim(
        address indexed account, address indexed vToken, address receiver, uint256 amount, uint256 vTokens
    );

    /* VENUS */

    event Supply(uint256 indexed index, address indexed vToken, uint256 amount, uint256 vTokens);
    event SupplySkipped(
        uint256 indexed index, address indexed vToken, uint256 amount, VenusOutcome reason, uint256 code
    );
    event Withdraw(uint256 indexed index, address indexed vToken, uint256 amount, uint256 vTokens);
    event WithdrawFailed(
        uint256 indexed index, address indexed vToken, uint256 amount, VenusOutcome reason, uint256 code
    );
    event VenusExit(uint256 indexed index, address indexed vToken, uint256 received, uint256 vSharesLeft);

    // Venus safety
    /// @notice The guardian wrote a market off (`writtenOff` true), or the owner counted it again (false).
    /// @param vShares {vTok} The holders' vTokens in it, paid pro-rata in kind while written off.
    event VenusWriteOff(uint256 indexed index, address indexed vToken, uint256 vShares, bool writtenOff);

    /* REBALANCE */

    /// @param valueBefore D18{USD} Oracle value of the fund before the step.
    /// @param valueAfter D18{USD} Oracle value after, at the same prices.
    /// @param tradedValue D18{USD} Oracle value of what was sent out.
    event Rebalance(
        address indexed rebalancer,
        uint256[] sent,
        uint256[] received,
        uint256 valueBefore,
        uint256 valueAfter,
        uint256 tradedValue,
        bool complete
    );
    event RebalanceStep(address indexed caller, uint256[] sent, uint256[] spend, bool complete);
    event RebalanceDue(uint256 since);
    event SetRoute(
        uint256 indexed index, bytes sellPath, bytes buyPath, uint16 maxSlippageBps, uint256 maxTradeValue
    );
    event SetPublicDelay(uint32 delay);
    event SetStepInterval(uint32 interval);

    // Rebalance episodes

    /// @param startedAt {s} The episode's id: the time of its first step.
    /// @param overweightValue D18{USD} What a full rebalance had to sell at the start.
    /// @param lossBudget D18{USD} The most the episode may lose.
    /// @param deadline {s} No step of the episode after this.
    event RebalanceEpisodeStarted(
        uint256 indexed startedAt,
        uint256 overweightValue,
        uint256 lossBudget,
        uint256 deadline,
        uint256 maxSteps
    );
    /// @notice An episode ended: completed, at its step cap, closed as stalled, or expired (reported by the
    /// next call that meets it). `SetEpisodeBounds` and `SetRebalancer` also end an open episode, without
    /// this event.
    /// @param lost D18{USD} What its steps lost in all, against `lossBudget`.
    /// @param endedAt {s} When it ended (its deadline when it expired); the cooldown runs from it.
    event RebalanceEpisodeEnded(
        uint256 indexed startedAt,
        EpisodeEnd reason,
        uint256 steps,
        uint256 lost,
        uint256 lossBudget,
        uint256 endedAt
    );
    event SetEpisodeBounds(uint32 minStepInterval, uint32 maxDuration, uint16 maxSteps, uint16 maxLossBps);
    event SetMaxPokeGap(uint32 gap);

    /* FEES */

    event ManagementFeeAccrued(address indexed recipient, uint256 shares, uint256 elapsed);

    /* ROLES AND PARAMETERS */

    event Paused(address indexed caller);
    event Unpaused(address indexed caller);
    event SetTargetWeights(uint16[] weightsBps);
    event SetBuffer(uint256 indexed index, uint16 bufferBps);
    event SetVenusMarket(uint256 indexed index, address indexed vToken, bool native);
    event SetYieldEnabled(uint256 indexed index, bool enabled);
    event SetManagementFee(uint16 feeBps);
    event SetRedeemFee(uint16 feeBps);
    event SetFeeRecipient(address indexed recipient);
    event SetGuardian(address indexed guardian);
    event SetKeeper(address indexed keeper);
    event SetOracle(address indexed oracle);
    event SetRebalanceRule(uint16 thresholdBps, uint32 cooldown, uint16 maxLossBps);
    event SetRebalancer(address indexed rebalancer);

    /* ORACLE */

    event SetFeed(
        address indexed token, address indexed feed, uint256 heartbeat, uint256 minPrice, uint256 maxPrice
    );

    /* FACTORY */

    event CreateFund(address indexed fund, address indexed creator, string name, string symbol);

    /* ROUTER */

    /// @param stableIn {tok} Stablecoin spent (swaps and the sleeve); the rest of the budget was refunded.
    event MintWithStable(
        address indexed fund,
        address indexed caller,
        address indexed receiver,
        uint256 shares,
        uint256 stableIn
    );
    /// @param stableOut {tok} Stablecoin paid to the receiver.
    /// @param vTokens {vTok} Per asset, vTokens passed to the receiver because Venus could not pay.
    event RedeemToStable(
        address indexed fund,
        address indexed caller,
        address indexed receiver,
        uint256 shares,
        uint256 stableOut,
        uint256[] vTokens
    );
}
