// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {RouterBaseTest} from "../utils/RouterBaseTest.sol";

/// @notice The router over valid ranges on the devnet-like pools: quotes equal execution, the refund of an
/// exact-in mint stays within 10 bps, and a mint-redeem round trip never returns more than was put in.
contract RouterFuzzTest is RouterBaseTest {
    /// @dev {tok} $10 to $250k of USDT: from a small retail mint to 2.5x the fund.
    uint256 internal constant MIN_IN = 10e18;
    uint256 internal constant MAX_IN = 250_000e18;

    function testFuzz_MintWithStable_QuoteEqualsExecution_DustBounded(uint256 stableIn) public {
        stableIn = bound(stableIn, MIN_IN, MAX_IN);
        (uint256 quotedShares, uint256 quotedSpent) = router.quoteMintWithStable(address(fund), stableIn);
        _giveStable(alice, stableIn);
        vm.prank(alice);
        (uint256 shares, uint256 spent) =
            router.mintWithStable(address(fund), stableIn, 0, alice, block.timestamp);
        assertEq(shares, quotedShares, "shares == quote");
        assertEq(spent, quotedSpent, "spent == quote");
        assertLe((stableIn - spent) * 10_000, stableIn * MAX_DUST_BPS, "refund <= 10 bps of the input");
        assertEq(IERC20(usdt).balanceOf(alice), stableIn - spent, "refund paid");
        _assertRouterEmpty();
    }

    function testFuzz_MintExactShares_QuoteEqualsExecution(uint256 shares) public {
        shares = bound(shares, 1e12, 200e18);
        uint256 quoted = router.quoteMintExactShares(address(fund), shares);
        _giveStable(alice, quoted);
        vm.prank(alice);
        uint256 spent =
            router.mintExactSharesWithStable(address(fund), shares, quoted, alice, block.timestamp);
        assertEq(spent, quoted, "spent == quote");
        assertEq(fund.balanceOf(alice), shares, "exact shares");
        _assertRouterEmpty();
    }

    function testFuzz_RedeemToStable_QuoteEqualsExecution(uint256 shares) public {
        _mint(fund, alice, 100e18);
        fund.sweep();
        shares = bound(shares, 1e12, 100e18);
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), shares);
        vm.startPrank(alice);
        fund.approve(address(router), shares);
        (uint256 out,) = router.redeemToStable(address(fund), shares, quoted, alice, block.timestamp);
        vm.stopPrank();
        assertEq(out, quoted, "stableOut == quote");
        _assertRouterEmpty();
    }

    function testFuzz_MintRedeem_NeverReturnsMore(uint256 stableIn, uint256 blocks) public {
        stableIn = bound(stableIn, MIN_IN, MAX_IN);
        blocks = bound(blocks, 0, 1_000);
        _giveStable(alice, stableIn);
        vm.prank(alice);
        (uint256 shares,) = router.mintWithStable(address(fund), stableIn, 0, alice, block.timestamp);
        _advance(blocks, blocks * 3);
        vm.startPrank(alice);
        fund.approve(address(router), shares);
        router.redeemToStable(address(fund), shares, 0, alice, block.timestamp);
        vm.stopPrank();
        assertLe(IERC20(usdt).balanceOf(alice), stableIn, "round trip never returns more than was put in");
        _assertRouterEmpty();
    }
}
