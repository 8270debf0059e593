// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ConstantsLib} from "../../../src/libraries/ConstantsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Unit tests of the management fee (streamed as diluting shares) and the redeem fee (taken in
/// shares on redemption).
contract FeesTest is BaseTest {
    uint256 internal constant YEAR = ConstantsLib.YEAR;
    uint16 internal constant FEE_BPS = 200;
    /// @dev {share} One year at 200 bps on the seed supply: S * f / (1 - f) = 100e18 * 200 / 9800, down.
    uint256 internal constant ONE_YEAR_FEE = 2_040_816_326_530_612_244;

    function setUp() public virtual override {
        super.setUp();
        vm.prank(owner);
        fund.setManagementFee(FEE_BPS);
    }

    /* HELPERS */

    /// @dev Accrues the management fee without any other effect (the owner re-sets the same recipient).
    function _accrue() internal {
        address recipient = fund.feeRecipient();
        vm.prank(owner);
        fund.setFeeRecipient(recipient);
    }

    /// @dev Gives `who` what `shares` cost now and approves the fund.
    function _provide(address who, uint256 shares) internal returns (uint256[] memory amounts) {
        amounts = lens.previewMintExactShares(address(fund), shares);
        for (uint256 i; i < N; ++i) {
            _give(tokens[i], who, amounts[i]);
            vm.prank(who);
            IERC20(tokens[i]).approve(address(fund), amounts[i]);
        }
    }

    /// @dev D18{1} Share of the supply held by `who`.
    function _fraction(address who) internal view returns (uint256) {
        return fund.balanceOf(who) * 1e18 / fund.totalSupply();
    }

    /* management fee */

    function test_AccrueManagementFee_GivenOneYear() public {
        vm.warp(block.timestamp + YEAR);
        uint256 pending = fund.totalSupplyWithFees() - fund.totalSupply();
        assertEq(pending, ONE_YEAR_FEE, "pending fee shares in the view");

        _accrue();

        assertEq(fund.balanceOf(feeRecipient), ONE_YEAR_FEE, "recipient's shares == pending");
        assertEq(fund.totalSupply(), SEED_SHARES + ONE_YEAR_FEE, "supply diluted by the fee");
        assertApproxEqRel(_fraction(feeRecipient), 0.02e18, 1e9, "recipient owns 2 % after a year at 200 bps");
        assertEq(uint256(fund.lastFeeAccrual()), block.timestamp, "clock reset");
    }

    function test_AccrueManagementFee_EmitsManagementFeeAccrued() public {
        vm.warp(block.timestamp + YEAR);
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.ManagementFeeAccrued(feeRecipient, ONE_YEAR_FEE, YEAR);
        _accrue();
    }

    function test_Mint_AccruesManagementFee() public {
        vm.warp(block.timestamp + YEAR);
        uint256[] memory amounts = _provide(alice, 1e18);
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.ManagementFeeAccrued(feeRecipient, ONE_YEAR_FEE, YEAR);
        vm.prank(alice);
        fund.mintExactShares(1e18, amounts, alice);
        assertEq(fund.balanceOf(feeRecipient), ONE_YEAR_FEE, "fee minted before the mint");
        assertEq(fund.balanceOf(alice), 1e18, "minter's shares");
        assertEq(fund.totalSupply(), SEED_SHARES + ONE_YEAR_FEE + 1e18, "supply");
        assertEq(uint256(fund.lastFeeAccrual()), block.timestamp, "clock reset");
    }

    function test_Redeem_AccruesManagementFee() public {
        vm.warp(block.timestamp + YEAR);
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.ManagementFeeAccrued(feeRecipient, ONE_YEAR_FEE, YEAR);
        vm.prank(seeder);
        fund.redeem(1e18, seeder, _zeros());
        assertEq(fund.balanceOf(feeRecipient), ONE_YEAR_FEE, "fee minted before the redeem");
        assertEq(fund.totalSupply(), SEED_SHARES + ONE_YEAR_FEE - 1e18, "supply");
    }

    function test_Redeem_GivenAccruedFee_PaysDilutedShare() public {
        vm.warp(block.timestamp + YEAR);
        uint256[] memory held = fund.holdings();
        vm.prank(seeder);
        fund.redeem(10e18, seeder, _zeros());
        uint256[] memory got = _balances(seeder);
        for (uint256 i; i < N; ++i) {
            assertEq(
                got[i], held[i] * 10e18 / (SEED_SHARES + ONE_YEAR_FEE), "paid against the diluted supply"
            );
        }
    }

    function test_SetManagementFee_AccruesAtOldRateFirst() public {
        vm.warp(block.timestamp + YEAR);
        vm.prank(owner);
        fund.setManagementFee(500);
        assertEq(fund.balanceOf(feeRecipient), ONE_YEAR_FEE, "the elapsed year is charged at 200 bps");
        assertEq(uint256(fund.managementFeeBps()), 500, "new rate");

        uint256 supply = fund.totalSupply();
        vm.warp(block.timestamp + YEAR);
        _accrue();
        // S * 500 / 9500, down.
        assertEq(fund.balanceOf(feeRecipient) - ONE_YEAR_FEE, supply * 500 / 9500, "the next year at 500 bps");
    }

    function test_SetFeeRecipient_AccruesToOldRecipientFirst() public {
        vm.warp(block.timestamp + YEAR);
        vm.prank(owner);
        fund.setFeeRecipient(bob);
        assertEq(fund.balanceOf(feeRecipient), ONE_YEAR_FEE, "the elapsed year goes to the old recipient");
        assertEq(fund.balanceOf(bob), 0, "nothing to the new one yet");

        uint256 supply = fund.totalSupply();
        vm.warp(block.timestamp + YEAR);
        _accrue();
        assertEq(fund.balanceOf(bob), supply * 200 / 9800, "the next year to the new recipient");
        assertEq(fund.balanceOf(feeRecipient), ONE_YEAR_FEE, "the old recipient gets no more");
    }

    function test_AccrueManagementFee_GivenTwoHalfYears() public {
        uint256 snapshot = vm.snapshotState();
        vm.warp(block.timestamp + YEAR);
        _accrue();
        uint256 oneYear = _fraction(feeRecipient);
        vm.revertToState(snapshot);

        vm.warp(block.timestamp + YEAR / 2);
        _accrue();
        assertApproxEqRel(_fraction(feeRecipient), 0.01e18, 1e9, "1 % after half a year");
        vm.warp(block.timestamp + YEAR / 2);
        _accrue();
        uint256 twoHalves = _fraction(feeRecipient);

        assertApproxEqRel(oneYear, 0.02e18, 1e9, "one accrual: 2 %");
        // Each accrual charges f of the fund it finds, so two halves compound to 1 - (1 - f/2)^2 = 1.99 %:
        // splitting never charges more, and less by at most (f/2)^2 = 1e-4 of the fund.
        assertLe(twoHalves, oneYear, "splitting the year never charges more");
        assertApproxEqAbs(twoHalves, oneYear, 1e14, "two halves == one year within (f/2)^2");
        assertGe(twoHalves, 0.0199e18 - 1e9, "two halves charge at least 1 - (1 - 1 %)^2");
    }

    function test_TotalSupplyWithFees_GivenAccruedThisBlock() public {
        vm.warp(block.timestamp + 200 days);
        assertGt(fund.totalSupplyWithFees(), fund.totalSupply(), "fee pending");
        _accrue();
        assertEq(fund.totalSupplyWithFees(), fund.totalSupply(), "nothing pending after the accrual");
        vm.warp(block.timestamp + 1);
        assertGt(fund.totalSupplyWithFees(), fund.totalSupply(), "pending again a second later");
    }

    function test_AccrueManagementFee_GivenNoRecipient() public {
        vm.prank(owner);
        fund.setFeeRecipient(address(0));
        vm.warp(block.timestamp + YEAR);
        assertEq(fund.totalSupplyWithFees(), fund.totalSupply(), "no fee pending without a recipient");

        uint256[] memory amounts = _provide(alice, 1e18);
        vm.recordLogs();
        vm.prank(alice);
        fund.mintExactShares(1e18, amounts, alice);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 k; k < logs.length; ++k) {
            assertTrue(logs[k].topics[0] != EventsLib.ManagementFeeAccrued.selector, "no fee accrued");
        }
        assertEq(fund.totalSupply(), SEED_SHARES + 1e18, "only the minted shares");
        assertEq(fund.balanceOf(address(0)), 0, "nothing minted to address(0)");
        assertEq(uint256(fund.lastFeeAccrual()), block.timestamp, "clock still advances");

        // The year without a recipient is never charged later.
        vm.prank(owner);
        fund.setFeeRecipient(bob);
        assertEq(fund.totalSupplyWithFees(), fund.totalSupply(), "nothing pending for the new recipient");
        assertEq(fund.balanceOf(bob), 0, "nothing back-charged");
    }

    function test_AccrueManagementFee_GivenZeroFee() public {
        vm.prank(owner);
        fund.setManagementFee(0);
        vm.warp(block.timestamp + YEAR);
        _accrue();
        assertEq(fund.balanceOf(feeRecipient), 0, "no fee at 0 bps");
        assertEq(fund.totalSupply(), SEED_SHARES, "supply unchanged");
    }

    function test_AccrueManagementFee_GivenElapsedAboveCap() public {
        vm.warp(block.timestamp + 20 * YEAR);
        // Capped at 10 years: f = 200 bps * 10 = 20 %, shares = S * 0.2 / 0.8 = S / 4.
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.ManagementFeeAccrued(feeRecipient, SEED_SHARES / 4, 20 * YEAR);
        _accrue();
        assertEq(fund.balanceOf(feeRecipient), SEED_SHARES / 4, "charged for 10 years, not 20");
        assertEq(_fraction(feeRecipient), 0.2e18, "recipient owns 20 %");
    }

    function test_AccrueManagementFee_GivenElapsedAtCap() public {
        vm.warp(block.timestamp + 10 * YEAR);
        _accrue();
        assertEq(fund.balanceOf(feeRecipient), SEED_SHARES / 4, "10 years: 20 %");
    }

    function test_AccrueManagementFee_GivenMaxFeeAndMaxElapsed() public {
        vm.prank(owner);
        fund.setManagementFee(500);
        vm.warp(block.timestamp + 10 * YEAR);
        _accrue();
        // f = 500 bps * 10 = 50 %: shares = S * 0.5 / 0.5 = S.
        assertEq(fund.balanceOf(feeRecipient), SEED_SHARES, "the most a single accrual takes: half the fund");
    }

    function testFuzz_ManagementFee_NeverExceedsRate(uint256 feeBps, uint256 elapsed) public {
        feeBps = bound(feeBps, 0, ConstantsLib.MAX_MANAGEMENT_FEE_BPS);
        elapsed = bound(elapsed, 1, ConstantsLib.MAX_FEE_ELAPSED);
        vm.prank(owner);
        // forge-lint: disable-next-line(unsafe-typecast) -- feeBps <= 500
        fund.setManagementFee(uint16(feeBps));
        vm.warp(block.timestamp + elapsed);
        uint256 pending = fund.totalSupplyWithFees() - fund.totalSupply();

        _accrue();

        assertEq(fund.balanceOf(feeRecipient), pending, "accrued == pending in the view");
        uint256 fraction = _fraction(feeRecipient);
        uint256 nominal = feeBps * elapsed * 1e18 / (ConstantsLib.BPS * YEAR);
        assertLe(fraction, nominal + 1e6, "never more than feeBps * elapsed / year");
        assertGe(fraction + 1e6, nominal, "and not less than it (beyond rounding)");
    }

    /* redeem fee */

    function test_Redeem_TakesRedeemFeeRoundedUp() public {
        vm.prank(owner);
        fund.setRedeemFee(100);
        uint256 shares = 10e18 + 1;
        uint256 feeShares = 1e17 + 1; // ceil((10e18 + 1) * 1 %)
        uint256[] memory held = fund.holdings();
        uint256[] memory preview = lens.previewRedeem(address(fund), shares);
        uint256 seederShares = fund.balanceOf(seeder);

        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.Redeem(seeder, seeder, shares, feeShares, preview);
        vm.prank(seeder);
        fund.redeem(shares, seeder, _zeros());

        uint256[] memory got = _balances(seeder);
        for (uint256 i; i < N; ++i) {
            assertEq(got[i], preview[i], "paid == lens.previewRedeem");
            assertEq(got[i], held[i] * (shares - feeShares) / SEED_SHARES, "paid for the net shares");
        }
        assertEq(fund.balanceOf(feeRecipient), feeShares, "fee shares to the recipient");
        assertEq(fund.balanceOf(seeder), seederShares - shares, "all shares taken from the redeemer");
        assertEq(fund.totalSupply(), SEED_SHARES - shares + feeShares, "only the net shares burned");
    }

    function test_Redeem_GivenRedeemFeeAndNoRecipient() public {
        vm.startPrank(owner);
        fund.setRedeemFee(100);
        fund.setFeeRecipient(address(0));
        vm.stopPrank();
        uint256 shares = 10e18 + 1;
        uint256[] memory held = fund.holdings();
        uint256[] memory preview = lens.previewRedeem(address(fund), shares);

        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.Redeem(seeder, seeder, shares, 0, preview);
        vm.prank(seeder);
        fund.redeem(shares, seeder, _zeros());

        uint256[] memory got = _balances(seeder);
        for (uint256 i; i < N; ++i) {
            assertEq(got[i], preview[i], "paid == lens.previewRedeem");
            assertEq(got[i], held[i] * shares / SEED_SHARES, "no fee: paid for all the shares");
        }
        assertEq(fund.totalSupply(), SEED_SHARES - shares, "all shares burned");
    }

    function test_Redeem_GivenZeroRedeemFee() public {
        uint256 shares = 10e18 + 1;
        vm.prank(seeder);
        fund.redeem(shares, seeder, _zeros());
        assertEq(fund.balanceOf(feeRecipient), 0, "no fee shares at 0 bps");
        assertEq(fund.totalSupply(), SEED_SHARES - shares, "all shares burned");
    }
}
