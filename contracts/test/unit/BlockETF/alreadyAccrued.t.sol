// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LensFund} from "../../../src/interfaces/IBlockETFLens.sol";
import {RouterBaseTest} from "../../utils/RouterBaseTest.sol";

/// @notice A node may serve a call at a block older than the state it reads (seen on anvil under concurrent
/// mining: 550 of 8,209 calls): a Venus market already accrued at a later block, the management fee already
/// accrued at a later time. Every view treats "already accrued" as zero elapsed instead of underflowing
/// (Panic 0x11), and so do the transactions simulated there.
contract AlreadyAccruedTest is RouterBaseTest {
    function setUp() public virtual override {
        super.setUp();
        vm.prank(owner);
        fund.setManagementFee(200);
        _advance(100, 300);
        // A block later than the feeds' last update: the oracle refuses an update from its future (a
        // Chainlink sanity check kept on purpose), so the served block below stays after it.
        vm.roll(block.number + 1);
        vm.warp(block.timestamp + 10);
        _mint(fund, alice, 10e18); // accrues the management fee now
        fund.sweep();
        for (uint256 i; i < N; ++i) {
            vTokens[i].accrueInterest(); // every market accrued in this block
        }
    }

    /// @dev The node serves the previous block (one block and 3 s earlier) on the state of this one.
    function _serveTheBlockBefore() internal {
        vm.roll(block.number - 1);
        vm.warp(block.timestamp - 3);
    }

    function test_Views_GivenStateAccruedAfterTheServedBlock_CountZeroElapsed() public {
        uint256[] memory held = fund.holdings();
        uint256 supply = fund.totalSupplyWithFees();
        LensFund memory f = lens.getFund(address(fund));
        uint256[] memory preview = lens.previewRedeem(address(fund), 1e18);
        (uint256 quote,) = router.quoteRedeemToStable(address(fund), 1e18);
        (uint256[] memory sent,) = rebalancer.previewStep();

        _serveTheBlockBefore();

        assertEq(fund.holdings(), held, "holdings: the rates stored at the accrual");
        assertEq(fund.totalSupplyWithFees(), supply, "supply: no fee pending");
        LensFund memory g = lens.getFund(address(fund));
        assertEq(g.navPerShare, f.navPerShare, "Lens NAV");
        assertTrue(g.holdingsOk, "every position valued");
        assertEq(lens.previewRedeem(address(fund), 1e18), preview, "Lens previews");
        lens.rebalanceStatus(address(fund));
        (uint256 quoteThen,) = router.quoteRedeemToStable(address(fund), 1e18);
        assertEq(quoteThen, quote, "router quote");
        router.quoteMintWithStable(address(fund), 1_000e18);
        (uint256[] memory sentThen,) = rebalancer.previewStep();
        assertEq(sentThen, sent, "rebalancer plan");
    }

    function test_Mint_GivenFeeAccruedAfterTheServedBlock_ChargesNothingMore() public {
        uint256 feeShares = fund.balanceOf(feeRecipient);
        uint64 last = fund.lastFeeAccrual();
        _serveTheBlockBefore();
        _mint(fund, bob, 1e18);
        assertEq(fund.balanceOf(feeRecipient), feeShares, "no fee for time already charged");
        assertEq(fund.lastFeeAccrual(), last, "the later accrual stands");
    }
}
