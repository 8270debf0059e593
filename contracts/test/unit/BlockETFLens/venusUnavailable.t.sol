// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LensFund} from "../../../src/interfaces/IBlockETFLens.sol";
import {BaseTest} from "../../utils/BaseTest.sol";

/// @notice The Lens never reports a number it could not compute: a Venus position whose rate cannot be read
/// is flagged per asset (`positionOk`) and for the fund (`holdingsOk`, no NAV), a reverting vToken or
/// comptroller is reported instead of reverting `getFund`, and a written-off position is shown as such.
contract BlockETFLensVenusTest is BaseTest {
    bytes internal constant REVERTING_CODE = hex"5f5ffd";

    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
        fund.sweep();
        _advance(1_000, 1_000);
    }

    function test_GetFund_GivenRatesUnreadable_FlagsEveryPositionAndGivesNoNav() public {
        _setVenusRateFails(true);
        _advance(10, 10);
        LensFund memory f = lens.getFund(address(fund));
        assertTrue(f.pricesOk, "prices are fine");
        assertFalse(f.holdingsOk, "holdings cannot be valued");
        assertEq(f.totalValue, 0, "no NAV rather than a wrong one");
        assertEq(f.navPerShare, 0, "no NAV per share");
        for (uint256 i; i < N; ++i) {
            assertFalse(f.assets[i].positionOk, "each position flagged");
            assertEq(f.assets[i].supplied, 0, "not counted");
            assertEq(f.assets[i].currentWeightBps, 0, "no weights");
            assertEq(
                f.assets[i].exchangeRate, vTokens[i].exchangeRateStored(), "the stored rate, for information"
            );
        }
    }

    function test_GetFund_GivenVTokenReverts_ReportsInsteadOfReverting() public {
        vm.etch(address(vTokens[ETH]), REVERTING_CODE);
        LensFund memory f = lens.getFund(address(fund));
        assertFalse(f.holdingsOk, "one position cannot be valued");
        assertFalse(f.assets[ETH].positionOk, "ETH flagged");
        assertEq(f.assets[ETH].venusCash, 0, "nothing read from it");
        assertEq(f.totalValue, 0, "no NAV");
        for (uint256 i; i < N; ++i) {
            if (i != ETH) assertTrue(f.assets[i].positionOk, "the others are valued");
        }
    }

    function test_GetFund_GivenComptrollerReverts_ReportsMarketsClosed() public {
        uint256 nav = lens.getFund(address(fund)).navPerShare;
        vm.etch(address(comptroller), REVERTING_CODE);
        LensFund memory f = lens.getFund(address(fund));
        assertTrue(f.holdingsOk, "positions are valued from the vTokens alone");
        assertEq(f.navPerShare, nav, "same NAV");
        for (uint256 i; i < N; ++i) {
            assertTrue(
                f.assets[i].mintPaused && f.assets[i].redeemPaused, "what cannot be read counts as paused"
            );
            assertEq(f.assets[i].supplyCap, 0, "no cap known");
        }
    }

    function test_GetFund_GivenWrittenOff_ShowsItAndValuesTheRest() public {
        vm.etch(address(vTokens[ETH]), REVERTING_CODE);
        vm.prank(guardian);
        fund.writeOffVenus(ETH);
        LensFund memory f = lens.getFund(address(fund));
        assertTrue(f.assets[ETH].writtenOff, "written off");
        assertTrue(f.assets[ETH].positionOk, "valued as the fund values it: zero");
        assertEq(f.assets[ETH].supplied, 0, "nothing supplied counted");
        assertEq(f.assets[ETH].holdings, fund.holdings()[ETH], "holdings = the fund's");
        assertTrue(f.holdingsOk, "the fund can be valued again");
        assertEq(f.totalValue, lens.totalValue(address(fund)), "NAV of what the fund counts");
    }
}
