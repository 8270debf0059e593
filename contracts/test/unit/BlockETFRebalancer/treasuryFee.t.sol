// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceBaseTest} from "../../utils/RebalanceBaseTest.sol";

/// @notice Venus's comptroller may send `treasuryPercent` of every redeem to its treasury: a rebalance step
/// that sells from Venus must ask for that much more (the fund's `_release`), and the rebalancer must plan
/// only what Venus pays net of it.
contract RebalanceTreasuryFeeTest is RebalanceBaseTest {
    /// @dev D18{1}: 0.1 % of every Venus redeem goes to Venus's treasury.
    uint256 internal constant FEE = 0.001e18;

    function test_Rebalance_GivenVenusTreasuryFee_SellsFromVenusAndCompletes() public {
        _shock(BTC, 14_000);
        _setVenusTreasuryPercent(FEE);
        (uint256[] memory sent,) = rebalancer.previewStep();
        assertGt(sent[BTC], fund.asset(BTC).idle, "the sale reaches Venus");
        uint256 vBefore = fund.asset(BTC).vShares;

        assertTrue(_step(), "the step completes");

        assertLt(fund.asset(BTC).vShares, vBefore, "withdrawn from Venus");
        (, uint256 maxDev) = _deviations();
        assertLe(maxDev, 50, "every weight within a tenth of the threshold");
        _assertRebalancerEmpty();
    }

    function test_PreviewStep_GivenTreasuryFeeAndCashShort_PlansWhatVenusPaysNet() public {
        _shock(BTC, 14_000);
        _setVenusTreasuryPercent(FEE);
        uint256 idle = fund.asset(BTC).idle;
        (uint256[] memory full,) = rebalancer.previewStep();
        // Venus can pay half of what the sale needs beyond the buffer.
        uint256 cash = (full[BTC] - idle) / 2;
        _drainVenusCash(BTC, cash);

        (uint256[] memory sent,) = rebalancer.previewStep();
        assertLe(sent[BTC], idle + cash * (1e18 - FEE) / 1e18, "no more than Venus pays after its fee");
        assertGt(sent[BTC], idle + cash * (1e18 - FEE) / 1e18 - 1e3, "and all of it");
        uint256 vBefore = fund.asset(BTC).vShares;

        _step(); // a bounded step: the rest waits for Venus's cash

        assertLt(fund.asset(BTC).vShares, vBefore, "the cash was withdrawn");
        // What came out above the shortfall stays idle: under one vToken's worth plus the fee's rounding.
        assertLe(fund.asset(BTC).idle, vTokens[BTC].exchangeRateStored() / 1e18 + 2, "sold with the buffer");
        _assertRebalancerEmpty();
    }
}
