// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @notice What a Venus call came to. Every non-`Ok` outcome is reported in an event and leaves the
/// fund's accounting exact: nothing is lost silently.
enum VenusOutcome {
    Ok,
    /// @dev Protocol paused, or the action (mint / redeem) paused for the market.
    Paused,
    /// @dev Supply cap reached (or a cap of 0, which Venus uses for "minting disabled").
    CapReached,
    /// @dev The market has no cash to pay out.
    NoCash,
    /// @dev The vToken returned a non-zero `TokenErrorReporter.Error` code (carried in the event).
    ErrorCode,
    /// @dev The vToken call reverted.
    Reverted,
    /// @dev `exchangeRateCurrent()` reverted, so the position could not be valued this block.
    RateUnavailable,
    // Venus safety
    /// @dev A Venus read the call needs (pause flags, cash, cap, a balance) reverted or returned no word: the
    /// call was not attempted.
    Unreadable,
    /// @dev The guardian wrote the market off (`writeOffVenus`): its vTokens are paid pro-rata in kind.
    WrittenOff
}

/// @notice One basket member as the owner configures it.
/// @param token The ERC-20 (WBNB for BNB). Standard ERC-20 only: no fee-on-transfer, no rebasing.
/// @param weightBps {bps} Target weight; all weights sum to exactly 10,000 and each is > 0.
/// @param bufferBps {bps} Share of this asset's holdings kept idle by `sweep` to serve redemptions.
/// @param vToken Venus core-pool market of `token` (vBNB for WBNB), or address(0) for none.
struct AssetConfig {
    address token;
    uint16 weightBps;
    uint16 bufferBps;
    address vToken;
}

/// @notice One basket member as stored, with its accounting. Packed so that mint and redeem read two
/// slots per asset: (token, idle) and (vToken, vShares).
/// @param idle {tok} Tokens held by the fund and counted in its holdings.
/// @param vShares {vTok} vTokens held for the holders (escrowed claims excluded).
/// @param decimals Read from the token at configuration.
/// @param native True when `vToken` is Venus's native vBNB: WBNB is unwrapped to supply and wrapped on
/// redeem.
/// @param yieldEnabled False after a guardian exit; `sweep` then leaves the asset idle.
/// @param flashLoanAware True when the market has `flashLoanAmount()` (venus-protocol >= 9), which then
/// counts in its cash.
/// @param writtenOff True after the guardian wrote the market off (`writeOffVenus`): `vShares` stay the
/// holders' and are paid pro-rata in kind by every redemption, but count for nothing in holdings.
struct Asset {
    address token;
    uint96 idle;
    address vToken;
    uint96 vShares;
    uint8 decimals;
    uint16 weightBps;
    uint16 bufferBps;
    bool native;
    bool yieldEnabled;
    bool flashLoanAware;
    bool writtenOff;
}

/// @notice What the fund remembers of a Venus market it used, kept after the market is replaced so that
/// escrowed claims stay payable.
/// @param token The market's underlying (WBNB for vBNB).
/// @param native True for Venus's native vBNB.
/// @param flashLoanAware True when the market has `flashLoanAmount()`.
struct MarketInfo {
    address token;
    bool native;
    bool flashLoanAware;
}

/// @notice Everything a fund is created with.
struct FundParams {
    string name;
    string symbol;
    AssetConfig[] assets;
    address owner;
    address guardian;
    address keeper;
    address feeRecipient;
    uint16 managementFeeBps;
    uint16 redeemFeeBps;
    address oracle;
}

/// @notice How one asset of a redemption was paid.
/// @param amount {tok} Underlying tokens sent to the receiver.
/// @param vTokens {vTok} vTokens sent to the receiver because Venus could not pay in underlying.
/// @param escrowed {vTok} vTokens set aside for the receiver to `claim` because they could not be
/// transferred either.
struct RedeemPayout {
    uint256 amount;
    uint256 vTokens;
    uint256 escrowed;
}

// Rebalance episodes

/// @notice Why a rebalance episode ended.
enum EpisodeEnd {
    /// @dev A step brought every weight within a tenth of the threshold of its target.
    Completed,
    /// @dev The episode took `maxSteps` steps.
    MaxSteps,
    /// @dev The rebalancer found nothing it could trade (an over-weight asset that cannot be sold) and closed
    /// it.
    Stalled,
    /// @dev Its deadline passed (reported by the next call that meets it; the episode ended at the deadline).
    Expired
}

/// @notice A fund's rebalance episode: the owner's bounds and the state of the current (or last) episode.
/// An episode starts with a step the rule allows (threshold and cooldown) and lasts until a step completes
/// it, it takes `maxSteps` steps, the rebalancer closes it as stalled, or `maxDuration` passes; meanwhile
/// further steps need neither the threshold nor the cooldown but the fund bounds them as a whole.
/// @param minStepInterval {s} Least time between two steps (of any episode).
/// @param maxDuration {s} An episode accepts no step after `startedAt + maxDuration` (its deadline).
/// @param maxSteps Most steps in one episode; the step that reaches it ends the episode.
/// @param maxLossBps {bps} Most value the whole episode may lose, of the over-weight value at its start.
/// @param startedAt {s} Start of the current or last episode; 0 = never.
/// @param lastStepAt {s} Time of the last accepted step; 0 = never.
/// @param steps Steps taken in the current or last episode.
/// @param lossBudget D18{USD} `maxLossBps` x the over-weight value at the episode's start.
/// @param lost D18{USD} Oracle value the episode's steps lost so far (each step's loss at its own prices;
/// gains do not refill the budget).
struct RebalanceEpisode {
    uint32 minStepInterval;
    uint32 maxDuration;
    uint16 maxSteps;
    uint16 maxLossBps;
    uint64 startedAt;
    uint64 lastStepAt;
    uint16 steps;
    uint128 lossBudget;
    uint128 lost;
}

/// @title IBlockETF
/// @notice A BlockETF V2 fund: ERC-20 shares over a basket of tokens with target weights, one of them a
/// stablecoin sleeve; in-kind mint and redeem; idle holdings earn interest on Venus.
/// @dev Holdings of asset i = `idle` + `vShares` x Venus exchange rate (interest accrued to the current
/// block). Mint and redeem are pro-rata to holdings and need no price; NAV needs the oracle.
interface IBlockETF {
    /* USER */

    /// @notice Mints the most shares that `maxAmounts` pay for, at the current composition.
    /// @dev Shares are rounded down; each amount pulled is rounded up and never exceeds `maxAmounts[i]`.
    /// Reverts while paused. Accrues the management fee first.
    /// @param maxAmounts {tok} Most of each asset to pull (basket order); approve the fund for these.
    /// @param minShares {share} Slippage bound: reverts `MinSharesNotMet` below it.
    /// @param receiver Receives the shares.
    /// @return shares {share} Shares minted.
    /// @return amounts {tok} Amounts pulled from the caller.
    function mint(uint256[] calldata maxAmounts, uint256 minShares, address receiver)
        external
        returns (uint256 shares, uint256[] memory amounts);

    /// @notice Mints exactly `shares`, pulling each asset pro-rata (rounded up).
    /// @param maxAmounts {tok} Slippage bound per asset: reverts `MaxAmountExceeded` above it.
    function mintExactShares(uint256 shares, uint256[] calldata maxAmounts, address receiver)
        external
        returns (uint256[] memory amounts);

    /// @notice Burns `shares` of the caller and pays the receiver its pro-rata part of every asset.
    /// @dev Works while paused. Each asset is paid from idle first, then withdrawn from Venus; what
    /// Venus cannot pay (redeem paused, no cash, a revert or an error code) is paid in the market's
    /// vTokens, and what cannot be transferred as vTokens is escrowed for `claim`. Amounts are rounded
    /// down. The redeem fee, if any, is taken in shares and sent to the fee recipient.
    /// @param minAmounts {tok} Slippage bound on the value owed per asset (vTokens count at their
    /// underlying value).
    /// @return payouts How each asset was paid.
    function redeem(uint256 shares, address receiver, uint256[] calldata minAmounts)
        external
        returns (RedeemPayout[] memory payouts);

    /// @notice Pays out vTokens escrowed for the caller by an earlier redemption: in underlying if the
    /// market can pay, else as vTokens.
    /// @return amount {tok} Underlying paid; 0 when paid in vTokens.
    /// @return vTokens {vTok} vTokens transferred; 0 when paid in underlying.
    function claim(address vToken, address receiver) external returns (uint256 amount, uint256 vTokens);

    /// @notice Supplies each asset's idle tokens above its cash buffer to its Venus market (an excess
    /// below 1 bps of the asset's holdings is left idle).
    /// @dev Permissionless and deterministic. Supply caps and paused minting leave the rest idle without
    /// reverting (reported as `SupplySkipped`). Reverts while paused.
    /// @return supplied {tok} Amount supplied per asset.
    function sweep() external returns (uint256[] memory supplied);

    /* GUARDIAN */

    function pause() external;

    /// @notice Withdraws asset `index` from Venus as far as the market can pay and disables yield for it.
    function exitVenus(uint256 index) external;

    /// @notice `exitVenus` for every asset with a market.
    function exitVenusAll() external;

    /// @notice Writes off asset `index`'s Venus position when it cannot be valued (its market's rate, or the
    /// market itself, cannot be read): holdings, mint, NAV and rebalancing then count it as zero, so one dead
    /// market no longer blocks minting and rebalancing of the fund. Other assets are untouched.
    /// @dev Guardian or owner. What holders are owed afterwards: the vTokens are not moved or sold; they stay
    /// in `vShares`, and every redemption pays its pro-rata part of them (`shares / supply`) in kind, as
    /// vTokens or, if they cannot move, escrowed for `claim` (reason `WrittenOff`). A share minted after the
    /// write-off pays nothing for them and still receives its pro-rata part: if the market recovers, holders
    /// of the time share the recovery. `setYieldEnabled(index, true)` counts the position again once it can
    /// be valued. Reverts `VenusPositionReadable` for a position that can be valued (use `exitVenus`),
    /// `VenusNotAvailable` for an asset without a market.
    function writeOffVenus(uint256 index) external;

    /* REBALANCER */

    /// @notice One rebalance step: sends `sent[i]` of each asset (withdrawn from Venus as needed) to the
    /// rebalancer, calls back `onBlockETFRebalance(sent, data)` for it to trade and return what it bought,
    /// credits what came back (balance differences), checks the step, and supplies bought amounts above
    /// the buffer to Venus again.
    /// @dev Only `rebalancer`; not while paused. The fund itself verifies every step against its oracle,
    /// whatever the rebalancer did:
    /// - the rule held before it: some weight `rebalanceThresholdBps` or more from target and the
    ///   cooldown since the last episode ended elapsed, or an episode is open and before its deadline
    ///   (`RebalanceNotNeeded`);
    /// - it traded no more than the total over-weight value (`RebalanceTradeTooLarge`);
    /// - value after >= value before - `rebalanceMaxLossBps` x value sent (`RebalanceLossTooHigh`);
    /// - every weight ended closer to its target or within the threshold (`RebalanceWeightWorse`).
    /// Every step is part of an episode (`RebalanceEpisode`): the step the rule allows starts one, and while
    /// it lasts the fund also requires `minStepInterval` since the last step (`EpisodeStepTooSoon`), the
    /// episode's cumulative loss within its budget (`EpisodeLossTooHigh`), strict progress on the total gap
    /// sum_i |value_i - target_i| at the step's prices (`RebalanceNoProgress`), at most `maxSteps` steps and
    /// no step after its deadline. A step that brings every weight within a tenth of the threshold of its
    /// target completes the episode; an episode that ends incomplete ends all the same: the cooldown starts
    /// and the next step needs the rule again. A call that sends nothing (`sent` all zero, or worth nothing)
    /// closes the open episode as stalled (or expired) and trades nothing; with no episode open it reverts
    /// `NothingToRebalance`.
    /// @param sent {tok} Amount of each asset to send out (0 for none).
    /// @return received {tok} Amount of each asset that came back.
    /// @return complete True when every weight is now within a tenth of the threshold of its target.
    function rebalance(uint256[] calldata sent, bytes calldata data)
        external
        returns (uint256[] memory received, bool complete);

    /* OWNER */

    function unpause() external;
    function setTargetWeights(uint16[] calldata weightsBps) external;
    function setBuffer(uint256 index, uint16 bufferBps) external;
    /// @notice Sets (or clears, with address(0)) asset `index`'s Venus market and enables yield.
    /// @dev Requires no open position in the current market.
    function setVenusMarket(uint256 index, address vToken) external;
    /// @notice Lets `sweep` supply asset `index` to its market (or not). Enabling a written-off market counts
    /// its position in holdings again and requires that it can be valued (`VenusRateUnavailable`).
    function setYieldEnabled(uint256 index, bool enabled) external;
    function setManagementFee(uint16 feeBps) external;
    function setRedeemFee(uint16 feeBps) external;
    function setFeeRecipient(address recipient) external;
    /// @notice Sets V1's rebalance rule: rebalance when any weight is `thresholdBps` or more from its target
    /// and `cooldown` seconds passed since the last completed rebalance; a rebalance may lose at most
    /// `maxLossBps` of the value it trades. Defaults 500 bps, 30 minutes, 100 bps.
    function setRebalanceRule(uint16 thresholdBps, uint32 cooldown, uint16 maxLossBps) external;
    /// @notice Sets the contract allowed to call `rebalance` (address(0): rebalancing off); an open episode
    /// ends, so the next step needs the rule again.
    function setRebalancer(address rebalancer) external;
    /// @notice Sets the bounds of rebalance episodes (see `RebalanceEpisode`). Only the owner. Reverts
    /// `InvalidEpisodeBounds` outside 1 s <= minStepInterval <= 1 day, minStepInterval <= maxDuration <= 7
    /// days, 1 <= maxSteps <= 100, 1 <= maxLossBps <= 500. Defaults: 60 s, 12 hours, 20 steps, 100 bps.
    /// @dev An open episode ends (no event of its own: `SetEpisodeBounds`), so the next step needs the rule.
    function setEpisodeBounds(uint32 minStepInterval, uint32 maxDuration, uint16 maxSteps, uint16 maxLossBps)
        external;
    function setGuardian(address guardian) external;
    function setKeeper(address keeper) external;
    function setOracle(address oracle) external;

    /* VIEW */

    /// @notice Immutable: the Venus core-pool Comptroller whose markets the fund may use.
    function VENUS_COMPTROLLER() external view returns (address);
    /// @notice Immutable: wrapped BNB, unwrapped to supply vBNB.
    function WBNB() external view returns (address);
    function assetCount() external view returns (uint256);
    function asset(uint256 index) external view returns (Asset memory);
    function assets() external view returns (Asset[] memory);
    /// @notice {tok} Per asset: idle + Venus underlying with interest accrued to this block.
    function holdings() external view returns (uint256[] memory);
    /// @notice {share} Supply including the management fee accrued but not yet minted.
    function totalSupplyWithFees() external view returns (uint256);
    /// @notice {vTok} vTokens escrowed for `account` in market `vToken`.
    function escrowedVTokens(address account, address vToken) external view returns (uint256);
    /// @notice {vTok} All vTokens escrowed in market `vToken`.
    function totalEscrowed(address vToken) external view returns (uint256);
    function oracle() external view returns (address);
    function guardian() external view returns (address);
    function keeper() external view returns (address);
    function feeRecipient() external view returns (address);
    function managementFeeBps() external view returns (uint16);
    function redeemFeeBps() external view returns (uint16);
    function lastFeeAccrual() external view returns (uint64);
    /// @notice {bps} Absolute weight deviation that calls for a rebalance.
    function rebalanceThresholdBps() external view returns (uint16);
    /// @notice {s} Minimum time between two rebalances.
    function rebalanceCooldown() external view returns (uint32);
    /// @notice {s} When the last episode ended (completed, took `maxSteps`, or closed); the cooldown runs
    /// from it. 0 = never. An episode that expired ended at its deadline, which this records only at the next
    /// step: `RebalanceEpisodeLib.status` (and the Lens's `rebalanceEpisode`) give the effective time.
    function lastRebalanceAt() external view returns (uint64);
    /// @notice True while an episode is open: from its first step until a step, a close or an owner's change
    /// ends it. Further steps need neither the threshold nor the cooldown.
    /// @dev Warning: an open episode past its deadline is over (the fund accepts no further step of it) until
    /// the next call records it; read `BlockETFLens.rebalanceEpisode` for the effective state.
    function rebalancing() external view returns (bool);
    /// @notice The bounds of rebalance episodes and the state of the current (or last) one.
    function rebalanceEpisode() external view returns (RebalanceEpisode memory);
    /// @notice {bps} Most a rebalance may lose, as a share of the oracle value it sends out to trade.
    function rebalanceMaxLossBps() external view returns (uint16);
    /// @notice The contract allowed to call `rebalance`; address(0) when rebalancing is off.
    function rebalancer() external view returns (address);
    function paused() external view returns (bool);
    function seeded() external view returns (bool);
    /// @notice Immutable: the account allowed to seed the fund once (its factory).
    function SEEDER() external view returns (address);

    /// @notice Credits the tokens the seeder sent to the fund and mints the first shares. Once, by
    /// `SEEDER`.
    /// @return amounts {tok} Seeded amounts (the fund's whole balance of each asset).
    function seed(uint256 shares, address receiver) external returns (uint256[] memory amounts);
}
