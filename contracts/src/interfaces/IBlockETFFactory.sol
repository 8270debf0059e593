// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {AssetConfig, FundParams} from "./IBlockETF.sol";

/// @title IBlockETFFactory
/// @notice Creates and seeds BlockETF funds, and lists them.
interface IBlockETFFactory {
    /// @notice Deploys a fund and seeds it in the same transaction, so no one can mint before the seed.
    /// @dev Pulls `seedAmounts` from the caller (approve the factory). The seed's oracle weights must be
    /// within `MAX_SEED_DEVIATION_BPS` (1 %) of the targets; `previewSeedAmounts` computes such amounts.
    /// The address is deterministic in (caller, salt, params): see `predictFund`; reusing them reverts
    /// `FundExists`.
    /// @param seedShares {share} Shares minted by the seed; `DEAD_SHARES` of them are locked forever.
    /// @param seedReceiver Receives the other seed shares.
    function createFund(
        FundParams calldata params,
        uint256[] calldata seedAmounts,
        uint256 seedShares,
        address seedReceiver,
        bytes32 salt
    ) external returns (address fund);

    /// @notice The address `createFund` deploys to for these arguments.
    function predictFund(FundParams calldata params, address creator, bytes32 salt)
        external
        view
        returns (address);

    /// @notice {tok} Seed amounts worth `usdValue` (D18{USD}) split by target weight at oracle prices.
    function previewSeedAmounts(AssetConfig[] calldata assets, address oracle, uint256 usdValue)
        external
        view
        returns (uint256[] memory amounts);

    function VENUS_COMPTROLLER() external view returns (address);
    function WBNB() external view returns (address);
    function isFund(address fund) external view returns (bool);
    function fundCount() external view returns (uint256);
    function funds() external view returns (address[] memory);
}
