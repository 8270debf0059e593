// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {RouterBaseTest} from "../../utils/RouterBaseTest.sol";

contract MintExactSharesWithStableTest is RouterBaseTest {
    function test_MintExactSharesWithStable_MintsExactSharesAndRefunds() public {
        uint256 quoted = router.quoteMintExactShares(address(fund), 2e18);
        uint256 maxStableIn = quoted * 101 / 100;
        _giveStable(alice, maxStableIn);
        uint256[] memory heldBefore = fund.holdings();
        uint256[] memory pulled = lens.previewMintExactShares(address(fund), 2e18);

        vm.prank(alice);
        uint256 spent =
            router.mintExactSharesWithStable(address(fund), 2e18, maxStableIn, alice, block.timestamp);

        assertEq(spent, quoted, "spent == quote");
        assertEq(fund.balanceOf(alice), 2e18, "exactly the shares");
        assertEq(IERC20(usdt).balanceOf(alice), maxStableIn - spent, "the rest refunded");
        for (uint256 i; i < N; ++i) {
            assertEq(fund.holdings()[i], heldBefore[i] + pulled[i], "the fund got exactly its amounts");
        }
        assertGe(_shareValue(2e18) * 10_000, spent * 9980, "worth what was spent, less pool fees");
        _assertRouterEmpty();
    }

    function test_MintExactSharesWithStable_EmitsMintWithStable() public {
        uint256 quoted = router.quoteMintExactShares(address(fund), 1e18);
        _giveStable(alice, 2 * quoted);
        vm.expectEmit(true, true, true, true, address(router));
        emit EventsLib.MintWithStable(address(fund), alice, bob, 1e18, quoted);
        vm.prank(alice);
        router.mintExactSharesWithStable(address(fund), 1e18, 2 * quoted, bob, block.timestamp);
        assertEq(fund.balanceOf(bob), 1e18, "receiver got the shares");
    }

    function test_MintExactSharesWithStable_GivenFeeAccruedAndInterest() public {
        vm.prank(owner);
        fund.setManagementFee(200);
        _advance(1_000, 30 days);
        uint256 quoted = router.quoteMintExactShares(address(fund), 1e18);
        _giveStable(alice, quoted);
        vm.prank(alice);
        uint256 spent = router.mintExactSharesWithStable(address(fund), 1e18, quoted, alice, block.timestamp);
        assertEq(spent, quoted, "quote == execution with fee and interest accrued");
        assertEq(IERC20(usdt).balanceOf(alice), 0, "a budget equal to the quote is enough");
    }

    function test_MintExactSharesWithStable_RevertWhen_BudgetShort() public {
        uint256 quoted = router.quoteMintExactShares(address(fund), 1e18);
        _giveStable(alice, quoted);
        // One unit short: the last buy (SOL) cannot be paid.
        vm.expectPartialRevert(ErrorsLib.BuyFailed.selector);
        vm.prank(alice);
        router.mintExactSharesWithStable(address(fund), 1e18, quoted - 1, alice, block.timestamp);
        vm.expectPartialRevert(ErrorsLib.BuyFailed.selector);
        router.quoteMintExactShares(address(fund), 100_000e18); // more than the pools hold
    }

    function test_MintExactSharesWithStable_RevertWhen_BudgetBelowTheSleeve() public {
        uint256 sleeve = lens.previewMintExactShares(address(fund), 1e18)[USDT];
        _giveStable(alice, sleeve - 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.BuyFailed.selector, USDT, sleeve, sleeve - 1));
        vm.prank(alice);
        router.mintExactSharesWithStable(address(fund), 1e18, sleeve - 1, alice, block.timestamp);
    }

    function test_MintExactSharesWithStable_RevertWhen_DeadlinePassed() public {
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.DeadlinePassed.selector, block.timestamp - 1, block.timestamp)
        );
        router.mintExactSharesWithStable(address(fund), 1e18, 1e18, alice, block.timestamp - 1);
    }

    function test_MintExactSharesWithStable_RevertWhen_ZeroShares() public {
        vm.expectRevert(ErrorsLib.ZeroShares.selector);
        router.mintExactSharesWithStable(address(fund), 0, 1e18, alice, block.timestamp);
        vm.expectRevert(ErrorsLib.ZeroShares.selector);
        router.quoteMintExactShares(address(fund), 0);
    }

    function test_MintExactSharesWithStable_RevertWhen_ZeroAmount() public {
        vm.expectRevert(ErrorsLib.ZeroAmount.selector);
        router.mintExactSharesWithStable(address(fund), 1e18, 0, alice, block.timestamp);
    }

    function test_MintExactSharesWithStable_RevertWhen_ZeroReceiver() public {
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        router.mintExactSharesWithStable(address(fund), 1e18, 1e18, address(0), block.timestamp);
    }

    function test_MintExactSharesWithStable_RevertWhen_FundPaused() public {
        vm.prank(guardian);
        fund.pause();
        vm.expectRevert(ErrorsLib.FundPaused.selector);
        router.mintExactSharesWithStable(address(fund), 1e18, 1e18, alice, block.timestamp);
        vm.expectRevert(ErrorsLib.FundPaused.selector);
        router.quoteMintExactShares(address(fund), 1e18);
    }

    function test_MintExactSharesWithStable_RevertWhen_RouteHasNoLiquidity() public {
        // A route through the 1 % tier, whose pool exists but holds no liquidity.
        dex.createEmptyPool(tokens[ETH], usdt, 10_000, _price(ETH), _price(USDT));
        vm.prank(owner);
        rebalancer.setRoute(ETH, _route(ETH, 10_000));
        _giveStable(alice, 10_000e18);
        vm.expectPartialRevert(ErrorsLib.BuyFailed.selector);
        vm.prank(alice);
        router.mintExactSharesWithStable(address(fund), 1e18, 10_000e18, alice, block.timestamp);
        vm.expectPartialRevert(ErrorsLib.BuyFailed.selector);
        router.quoteMintExactShares(address(fund), 1e18);
    }
}
