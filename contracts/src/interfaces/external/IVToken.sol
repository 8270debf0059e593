// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @notice The part of a Venus core-pool vToken (VBep20Delegator, VBNB) that BlockETF uses.
/// @dev Return codes: `mint`, `redeem` and `redeemUnderlying` return 0 on success and a
/// `TokenErrorReporter.Error` code otherwise (3 COMPTROLLER_REJECTION, 9 MATH_ERROR,
/// 14 TOKEN_INSUFFICIENT_CASH, ...). Current Venus code reverts on most rejections instead; the legacy
/// mainnet vBNB returns codes. Callers must handle both.
interface IVToken {
    function mint(uint256 mintAmount) external returns (uint256);
    function redeem(uint256 redeemTokens) external returns (uint256);
    function redeemUnderlying(uint256 redeemAmount) external returns (uint256);
    function accrueInterest() external returns (uint256);
    function exchangeRateCurrent() external returns (uint256);
    function exchangeRateStored() external view returns (uint256);
    function transfer(address dst, uint256 amount) external returns (bool);
    function balanceOf(address owner) external view returns (uint256);
    function totalSupply() external view returns (uint256);
    function totalBorrows() external view returns (uint256);
    function totalReserves() external view returns (uint256);
    function reserveFactorMantissa() external view returns (uint256);
    function accrualBlockNumber() external view returns (uint256);
    function interestRateModel() external view returns (address);
    function getCash() external view returns (uint256);
    function comptroller() external view returns (address);
    function isVToken() external view returns (bool);
    function supplyRatePerBlock() external view returns (uint256);
}

/// @notice vBEP-20 markets (an ERC-20 underlying).
interface IVBep20 is IVToken {
    function underlying() external view returns (address);
}

/// @notice Venus's native market: `mint` is payable, returns nothing and reverts on error.
interface IVBNB {
    function mint() external payable;
}

/// @notice Flash-loan-aware markets (venus-protocol >= 9): cash seen by the rate maths is
/// `getCash() + flashLoanAmount()`.
interface IVTokenFlashLoan {
    function flashLoanAmount() external view returns (uint256);
}
