// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @notice The read-only part of the Venus core-pool Comptroller (Unitroller) that BlockETF uses.
/// BlockETF never enters markets, so its vTokens are never collateral.
interface IVenusComptroller {
    /// @dev Action enum: MINT 0, REDEEM 1, BORROW 2, REPAY 3, SEIZE 4, LIQUIDATE 5, TRANSFER 6, ...
    function actionPaused(address market, uint8 action) external view returns (bool);
    function protocolPaused() external view returns (bool);
    /// @dev In underlying units; 0 means minting is disabled, not unlimited.
    function supplyCaps(address market) external view returns (uint256);
    /// @dev D18{1} Share of every redeem sent to Venus's treasury (0 = none).
    function treasuryPercent() external view returns (uint256);
}

/// @notice Venus interest-rate models (JumpRateModel, TwoKinksInterestRateModel).
interface IVenusInterestRateModel {
    function getBorrowRate(uint256 cash, uint256 borrows, uint256 reserves) external view returns (uint256);
}
