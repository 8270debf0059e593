// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../../src/BlockETF.sol";
import {AssetConfig, FundParams} from "../../../src/interfaces/IBlockETF.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {MockFeeOnTransferERC20} from "../../utils/mocks/MockERC20.sol";

contract MintTest is BaseTest {
    function _fund(address who, uint256[] memory amounts) internal {
        for (uint256 i; i < N; ++i) {
            _give(tokens[i], who, amounts[i]);
            vm.prank(who);
            IERC20(tokens[i]).approve(address(fund), amounts[i]);
        }
    }

    /* mint(maxAmounts, minShares, receiver) */

    function test_Mint_PullsProRataUpAndMintsSharesDown() public {
        uint256[] memory maxAmounts = lens.previewMintExactShares(address(fund), 3e18);
        maxAmounts[USDT] += 1e18; // USDT is not the limiting asset: the surplus stays with alice.
        _fund(alice, maxAmounts);
        (uint256 previewShares, uint256[] memory previewAmounts) = lens.previewMint(address(fund), maxAmounts);
        uint256[] memory heldBefore = fund.holdings();
        uint256 supplyBefore = fund.totalSupply();

        vm.prank(alice);
        (uint256 shares, uint256[] memory amounts) = fund.mint(maxAmounts, 0, alice);

        assertEq(shares, previewShares, "shares == preview");
        assertEq(shares, 3e18, "limited by the exact amounts of the other assets");
        assertEq(fund.balanceOf(alice), shares, "alice's shares");
        for (uint256 i; i < N; ++i) {
            assertEq(amounts[i], previewAmounts[i], "amount == preview");
            // Up: amount * supply >= shares * held.
            assertGe(amounts[i] * supplyBefore, shares * heldBefore[i], "pulled at least pro-rata");
            assertLt(
                (amounts[i] - 1) * supplyBefore, shares * heldBefore[i], "at most one unit over pro-rata"
            );
            assertEq(fund.holdings()[i], heldBefore[i] + amounts[i], "holdings grew by the amount");
            assertEq(IERC20(tokens[i]).balanceOf(alice), maxAmounts[i] - amounts[i], "alice keeps the rest");
        }
    }

    function test_Mint_EmitsMint() public {
        uint256[] memory maxAmounts = lens.previewMintExactShares(address(fund), 1e18);
        _fund(alice, maxAmounts);
        (uint256 shares, uint256[] memory amounts) = lens.previewMint(address(fund), maxAmounts);
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.Mint(alice, bob, shares, amounts);
        vm.prank(alice);
        fund.mint(maxAmounts, 0, bob);
        assertEq(fund.balanceOf(bob), shares, "receiver got the shares");
    }

    function test_Mint_RevertWhen_MinSharesNotMet() public {
        uint256[] memory maxAmounts = lens.previewMintExactShares(address(fund), 1e18);
        _fund(alice, maxAmounts);
        (uint256 shares,) = lens.previewMint(address(fund), maxAmounts);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.MinSharesNotMet.selector, shares + 1, shares));
        vm.prank(alice);
        fund.mint(maxAmounts, shares + 1, alice);
    }

    function test_Mint_RevertWhen_Paused() public {
        vm.prank(guardian);
        fund.pause();
        vm.expectRevert(ErrorsLib.FundPaused.selector);
        vm.prank(alice);
        fund.mint(_maxAmounts(), 0, alice);
    }

    function test_Mint_RevertWhen_LengthMismatch() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.LengthMismatch.selector, N, 2));
        vm.prank(alice);
        fund.mint(new uint256[](2), 0, alice);
    }

    function test_Mint_RevertWhen_ZeroShares() public {
        vm.expectRevert(ErrorsLib.ZeroShares.selector);
        vm.prank(alice);
        fund.mint(_zeros(), 0, alice);
    }

    function test_Mint_RevertWhen_ZeroReceiver() public {
        uint256[] memory maxAmounts = lens.previewMintExactShares(address(fund), 1e18);
        _fund(alice, maxAmounts);
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        vm.prank(alice);
        fund.mint(maxAmounts, 0, address(0));
    }

    function test_Mint_RevertWhen_AllowanceMissing() public {
        uint256[] memory maxAmounts = lens.previewMintExactShares(address(fund), 1e18);
        for (uint256 i; i < N; ++i) {
            _give(tokens[i], alice, maxAmounts[i]);
        }
        vm.expectRevert();
        vm.prank(alice);
        fund.mint(maxAmounts, 0, alice);
    }

    function test_Mint_GivenDonation_DoesNotCreditTheMinter() public {
        uint256[] memory costBefore = lens.previewMintExactShares(address(fund), 1e18);
        uint256[] memory heldBefore = fund.holdings();
        // Someone sends tokens straight to the fund.
        for (uint256 i; i < N; ++i) {
            _give(tokens[i], address(fund), costBefore[i] * 50);
        }
        assertEq(fund.holdings(), heldBefore, "a donation is not counted in holdings");
        uint256[] memory paid = _mint(fund, alice, 1e18);
        assertEq(paid, costBefore, "the next minter pays exactly as before the donation");
        vm.prank(alice);
        fund.redeem(1e18, alice, _zeros());
        uint256[] memory got = _balances(alice);
        for (uint256 i; i < N; ++i) {
            assertLe(got[i], paid[i], "the minter takes none of the donation out");
        }
    }

    function test_Mint_GivenVenusPositions_CountsInterestAccruedToThisBlock() public {
        fund.sweep();
        _advance(5_000, 5_000);
        uint256[] memory expected = new uint256[](N);
        uint256 supply = fund.totalSupply();
        uint256 snap = vm.snapshotState();
        for (uint256 i; i < N; ++i) {
            // Venus's own accrual, as a reference for the fund's view replica.
            uint256 rate = vTokens[i].exchangeRateCurrent();
            uint256 held = fund.asset(i).idle + fund.asset(i).vShares * rate / 1e18;
            expected[i] = (1e18 * held + supply - 1) / supply;
        }
        vm.revertToState(snap);
        uint256[] memory paid = _mint(fund, alice, 1e18);
        assertEq(paid, expected, "mint prices Venus positions with interest accrued to this block");
    }

    function test_Mint_RevertWhen_VenusRateUnavailable() public {
        fund.sweep();
        _setVenusRateFails(true); // from the next block: markets accrued in this one still price
        _advance(10, 10);
        uint256[] memory maxAmounts = _maxAmounts();
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.VenusRateUnavailable.selector, address(vTokens[BTC]))
        );
        vm.prank(alice);
        fund.mint(maxAmounts, 0, alice);
    }

    /* mintExactShares */

    function test_MintExactShares_PullsPreviewAmounts() public {
        uint256[] memory preview = lens.previewMintExactShares(address(fund), 7e18);
        _fund(alice, preview);
        vm.prank(alice);
        uint256[] memory amounts = fund.mintExactShares(7e18, preview, alice);
        assertEq(amounts, preview, "amounts == preview");
        assertEq(fund.balanceOf(alice), 7e18, "exact shares");
        assertEq(_balances(alice), _zeros(), "alice spent exactly the preview");
    }

    function test_MintExactShares_RevertWhen_MaxAmountExceeded() public {
        uint256[] memory preview = lens.previewMintExactShares(address(fund), 1e18);
        _fund(alice, preview);
        uint256 cost = preview[SOL];
        uint256[] memory maxAmounts = preview;
        maxAmounts[SOL] = cost - 1;
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.MaxAmountExceeded.selector, SOL, cost, cost - 1));
        vm.prank(alice);
        fund.mintExactShares(1e18, maxAmounts, alice);
    }

    function test_MintExactShares_RevertWhen_ZeroShares() public {
        vm.expectRevert(ErrorsLib.ZeroShares.selector);
        vm.prank(alice);
        fund.mintExactShares(0, _maxAmounts(), alice);
    }

    function test_MintExactShares_RevertWhen_Paused() public {
        vm.prank(owner);
        fund.pause();
        vm.expectRevert(ErrorsLib.FundPaused.selector);
        vm.prank(alice);
        fund.mintExactShares(1e18, _maxAmounts(), alice);
    }

    /* seeding and weird tokens (a fund deployed directly: this test is its seeder) */

    function _directFund(address firstToken) internal returns (BlockETF f) {
        FundParams memory p = _defaultParams();
        p.assets = new AssetConfig[](2);
        p.assets[0] = AssetConfig(firstToken, 5000, 0, address(0));
        p.assets[1] = AssetConfig(tokens[USDT], 5000, 0, address(0));
        f = new BlockETF(p, address(comptroller), address(wbnb));
    }

    function test_Mint_RevertWhen_NotSeeded() public {
        BlockETF f = _directFund(tokens[SOL]);
        vm.expectRevert(ErrorsLib.NotSeeded.selector);
        f.mint(new uint256[](2), 0, alice);
    }

    function test_Mint_RevertWhen_FeeOnTransferToken() public {
        MockFeeOnTransferERC20 fot = new MockFeeOnTransferERC20("Fee token", "FOT", 18);
        BlockETF f = _directFund(address(fot));
        fot.mint(address(f), 1000e18);
        _give(tokens[USDT], address(f), 1000e18);
        f.seed(1e18, address(this));

        fot.mint(alice, 10e18);
        _give(tokens[USDT], alice, 10e18);
        vm.startPrank(alice);
        fot.approve(address(f), type(uint256).max);
        IERC20(tokens[USDT]).approve(address(f), type(uint256).max);
        uint256[] memory maxAmounts = new uint256[](2);
        (maxAmounts[0], maxAmounts[1]) = (1e18, 1e18);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.TransferShortfall.selector, address(fot), 1e18, 0.99e18)
        );
        f.mintExactShares(1e15, maxAmounts, alice);
        vm.stopPrank();
    }
}
