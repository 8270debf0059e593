// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @dev Diamond `FacetCut` (action 0 = Add).
struct FacetCut {
    address facetAddress;
    uint8 action;
    bytes4[] functionSelectors;
}

/// @notice The Unitroller / Diamond calls the integration fixture makes (venus-protocol 10.3.0,
/// `DiamondConsolidated` ABI). Admin setters return ComptrollerErrorReporter codes: 0 is success.
interface IVenusTestComptroller {
    function _setPendingImplementation(address implementation) external returns (uint256);
    function _become(address unitroller) external;
    function diamondCut(FacetCut[] calldata cuts) external;
    function _setComptrollerLens(address lens) external returns (uint256);
    function _setAccessControl(address acm) external returns (uint256);
    function _setCloseFactor(uint256 closeFactor) external returns (uint256);
    function _setPriceOracle(address oracle) external returns (uint256);
    function _supportMarket(address vToken) external returns (uint256);
    function setLiquidationIncentive(address vToken, uint256 incentive) external returns (uint256);
    function setCollateralFactor(address vToken, uint256 collateralFactor, uint256 liquidationThreshold)
        external
        returns (uint256);
    function _setMarketSupplyCaps(address[] calldata vTokens, uint256[] calldata caps) external;
    function _setMarketBorrowCaps(address[] calldata vTokens, uint256[] calldata caps) external;
    function setIsBorrowAllowed(uint96 poolId, address vToken, bool allowed) external;
    function setDeviationBoundedOracle(address oracle) external returns (uint256);
    function _setActionsPaused(address[] calldata vTokens, uint8[] calldata actions, bool paused) external;
    function _setProtocolPaused(bool paused) external returns (bool);
    function _setTreasuryData(address guardian, address treasury, uint256 percent) external returns (uint256);
    function enterMarkets(address[] calldata vTokens) external returns (uint256[] memory);
    function actionPaused(address vToken, uint8 action) external view returns (bool);
    function protocolPaused() external view returns (bool);
    function supplyCaps(address vToken) external view returns (uint256);
    function treasuryPercent() external view returns (uint256);
}

/// @notice A Venus vToken (VBep20Delegator / VBNB), as far as the fixture drives it.
interface IVenusTestVToken {
    function setAccessControlManager(address acm) external returns (uint256);
    function setReduceReservesBlockDelta(uint256 delta) external;
    function _setReserveFactor(uint256 reserveFactor) external returns (uint256);
    function _setInterestRateModel(address model) external returns (uint256);
    function interestRateModel() external view returns (address);
    function mint(uint256 amount) external returns (uint256);
    function borrow(uint256 amount) external returns (uint256);
    function repayBorrow(uint256 amount) external returns (uint256);
    function borrowBalanceCurrent(address account) external returns (uint256);
    function accrueInterest() external returns (uint256);
    function getCash() external view returns (uint256);
    function totalBorrows() external view returns (uint256);
}

/// @notice VBNB's payable entry points.
interface IVenusTestVBNB {
    function repayBorrow() external payable;
}

interface IVenusTestAccessControl {
    function giveCallPermission(address contractAddress, string calldata functionSig, address account)
        external;
}

/// @notice Venus's `test/SimplePriceOracle`: prices are D36 / 10^decimals (a $1 18-decimal token is 1e18).
interface IVenusTestPriceOracle {
    function setDirectPrice(address asset, uint256 price) external;
    function getPrice(address asset) external view returns (uint256);
}

/// @notice Venus's `test/MockToken`: an ERC-20 whose `faucet` mints to the caller.
interface IVenusTestToken {
    function faucet(uint256 amount) external;
    function approve(address spender, uint256 amount) external returns (bool);
}

interface IVenusTestRateModel {
    function getBorrowRate(uint256 cash, uint256 borrows, uint256 reserves) external view returns (uint256);
    function getSupplyRate(uint256 cash, uint256 borrows, uint256 reserves, uint256 reserveFactor)
        external
        view
        returns (uint256);
}
