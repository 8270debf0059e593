// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @notice One asset of a fund, with its Venus market's state.
/// @param holdings {tok} idle + supplied.
/// @param supplied {tok} Underlying of the fund's vTokens, interest accrued to this block.
/// @param price D18{USD/tok} Oracle price; 0 with `priceOk` false when the oracle refuses.
/// @param value D18{USD} holdings x price.
/// @param currentWeightBps {bps} Share of the fund's value (0 when any price is missing).
/// @param exchangeRate D18{tok/vTok} Accrued to this block.
/// @param supplyRatePerBlock D18{1/block} Venus supply rate (APY is derived off-chain with the chain's
/// blocks per year).
/// @param venusCash {tok} What the market can pay out now (0 if it cannot be read).
/// @param supplyCap {tok} 0 means minting disabled (or a comptroller that cannot be read).
/// @param mintPaused True when Venus's mint is paused for the market, or its state cannot be read.
/// @param redeemPaused True when Venus's redeem is paused for the market, or its state cannot be read.
/// @param positionOk False when the fund holds vTokens of a market whose rate cannot be read (and that is not
/// written off): `supplied` is then 0, `exchangeRate` the stored one, `holdings()` and minting revert
/// `VenusRateUnavailable`, and the fund's NAV is unknown.
/// @param writtenOff The guardian wrote the position off (`IBlockETF.writeOffVenus`): it counts as zero.
struct LensAsset {
    address token;
    string symbol;
    uint8 decimals;
    uint16 weightBps;
    uint256 currentWeightBps;
    uint16 bufferBps;
    address vToken;
    bool native;
    bool yieldEnabled;
    uint256 idle;
    uint256 vShares;
    uint256 supplied;
    uint256 holdings;
    uint256 price;
    bool priceOk;
    uint256 value;
    uint256 exchangeRate;
    uint256 supplyRatePerBlock;
    uint256 venusCash;
    uint256 supplyCap;
    bool mintPaused;
    bool redeemPaused;
    uint256 escrowed;
    // Venus safety
    bool positionOk;
    bool writtenOff;
}

/// @notice A fund's whole state.
/// @param totalValue D18{USD} Sum of asset values (0 with `pricesOk` false when any price is refused, and 0
/// with `holdingsOk` false when any Venus position cannot be valued: never a wrong number).
/// @param holdingsOk False when some asset's `positionOk` is false.
/// @param navPerShare D18{USD/share} Against the supply including the accrued management fee.
struct LensFund {
    address fund;
    string name;
    string symbol;
    uint256 totalSupply;
    uint256 totalSupplyWithFees;
    uint256 totalValue;
    uint256 navPerShare;
    bool pricesOk;
    bool paused;
    address owner;
    address guardian;
    address keeper;
    address feeRecipient;
    address oracle;
    uint16 managementFeeBps;
    uint16 redeemFeeBps;
    uint64 lastFeeAccrual;
    uint256 blockNumber;
    uint256 timestamp;
    LensAsset[] assets;
    // Venus safety
    bool holdingsOk;
}

import {RebalanceEpisodeLib} from "../libraries/RebalanceEpisodeLib.sol";
import {RebalanceRuleLib} from "../libraries/RebalanceRuleLib.sol";
import {RebalanceEpisode} from "./IBlockETF.sol";

/// @notice A fund's rebalance episode and what it allows now.
/// @param episode The fund's `rebalanceEpisode()`: bounds and the current (or last) episode's books.
/// @param open The fund's `rebalancing()`.
/// @param status RebalanceEpisodeLib.status at this block: active, expired, deadline, the cooldown's start,
/// the next step's earliest time, steps and loss budget left.
struct LensEpisode {
    RebalanceEpisode episode;
    bool open;
    RebalanceEpisodeLib.Status status;
}

/// @title IBlockETFLens
/// @notice Batched reads and previews for BlockETF funds: one call per page.
interface IBlockETFLens {
    /// @notice A fund's whole state; never reverts on a refused price (see `priceOk`) nor on a Venus market
    /// that cannot be read (see `positionOk`, `holdingsOk`).
    function getFund(address fund) external view returns (LensFund memory);
    /// @notice Equals `BlockETF.mint(maxAmounts, ...)` executed in this block.
    function previewMint(address fund, uint256[] calldata maxAmounts)
        external
        view
        returns (uint256 shares, uint256[] memory amounts);
    /// @notice Equals `BlockETF.mintExactShares(shares, ...)` executed in this block.
    function previewMintExactShares(address fund, uint256 shares)
        external
        view
        returns (uint256[] memory amounts);
    /// @notice {tok} Value owed per asset by `BlockETF.redeem(shares, ...)` executed in this block.
    function previewRedeem(address fund, uint256 shares) external view returns (uint256[] memory amounts);
    /// @notice D18{USD} Oracle value of each asset's holdings; reverts on a refused price.
    function assetValues(address fund) external view returns (uint256[] memory values);
    /// @notice D18{USD} The fund's NAV; reverts on a refused price.
    function totalValue(address fund) external view returns (uint256);
    /// @notice D18{USD/share}; reverts on a refused price.
    function navPerShare(address fund) external view returns (uint256);
    /// @notice {bps} Current weights by oracle value; reverts on a refused price.
    function currentWeights(address fund) external view returns (uint256[] memory weightsBps);
    /// @notice The fund's rebalance rule applied now: weights, deviations, cooldown and whether (and on
    /// which asset) it calls for a rebalance. The same rule as packages/core's `checkRebalance`, with the
    /// cooldown running from the end of the last episode (its deadline if it expired), except that an
    /// episode open and before its deadline is always due; reverts on a refused price.
    function rebalanceStatus(address fund) external view returns (RebalanceRuleLib.Check memory);
    /// @notice The fund's rebalance episode: its bounds, books and what it allows at this block.
    function rebalanceEpisode(address fund) external view returns (LensEpisode memory);
}
