// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Test-only stand-in for the Venus core-pool Comptroller's pause, cap and treasury state.
contract MockVenusComptroller {
    bool public protocolPaused;
    uint256 public treasuryPercent;
    address public treasuryAddress = address(0x7EA5);
    mapping(address => uint256) public supplyCaps;
    mapping(address => mapping(uint8 => bool)) internal _paused;

    function actionPaused(address market, uint8 action) external view returns (bool) {
        return _paused[market][action];
    }

    function setActionPaused(address market, uint8 action, bool paused) external {
        _paused[market][action] = paused;
    }

    function setProtocolPaused(bool paused) external {
        protocolPaused = paused;
    }

    function setSupplyCap(address market, uint256 cap) external {
        supplyCaps[market] = cap;
    }

    function setTreasuryPercent(uint256 percent) external {
        treasuryPercent = percent;
    }
}

/// @notice Test-only interest-rate model with a settable per-block borrow rate.
contract MockInterestRateModel {
    uint256 public borrowRatePerBlock;
    bool public reverts;

    constructor(uint256 rate) {
        borrowRatePerBlock = rate;
    }

    function setBorrowRate(uint256 rate) external {
        borrowRatePerBlock = rate;
    }

    /// @notice Makes `getBorrowRate` revert: the market's rate can then not be computed.
    function setReverts(bool reverts_) external {
        reverts = reverts_;
    }

    function getBorrowRate(uint256, uint256, uint256) external view returns (uint256) {
        require(!reverts, "model reverted");
        return borrowRatePerBlock;
    }
}
