// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @notice What the fund tests need from a real Venus core pool: test/integration/utils/VenusDeployer.sol
/// implements it. BaseTest and FundHandler drive the Venus doubles when they hold none, and this when
/// they hold one (test/integration/RealVenusBaseTest.sol), so the same tests run on both.
interface IVenusFixture {
    /// @notice The Unitroller.
    function comptroller() external view returns (address);
    function NATIVE_BNB() external view returns (address);
    /// @notice The native vBNB market, if one was listed (address(0) otherwise).
    function nativeMarket() external view returns (address);
    /// @param price D36{USD/tok} / 10^decimals, Venus's oracle scale.
    function listMarket(address underlying, uint8 decimals, uint256 price, string calldata symbol)
        external
        returns (address vToken);
    function finish() external;
    function setActionPaused(address vToken, uint8 action, bool paused) external;
    function setProtocolPaused(bool paused) external;
    function setSupplyCap(address vToken, uint256 cap) external;
    function setTreasuryPercent(uint256 percent) external;
    function setPrice(address underlying, uint256 price) external;
    function setRateModelReverts(bool reverts) external;
    function rateModelReverts() external view returns (bool);
    /// @notice The fixture's borrower takes `amount` of cash out of the market.
    function borrow(address vToken, uint256 amount) external;
    /// @notice The borrower repays up to `amount` (ERC-20 sent to the fixture first, or BNB as value).
    function repay(address vToken, uint256 amount) external payable returns (uint256 repaid);
}
