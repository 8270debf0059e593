// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IBlockETF} from "../../../src/interfaces/IBlockETF.sol";
import {LensEpisode, LensFund} from "../../../src/interfaces/IBlockETFLens.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {RebalanceRuleLib} from "../../../src/libraries/RebalanceRuleLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {MockRebalancer} from "../../utils/mocks/MockRebalancer.sol";

contract BlockETFLensTest is BaseTest {
    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
        fund.sweep();
        _advance(1_000, 1_000);
    }

    function test_GetFund_MatchesTheFund() public view {
        LensFund memory f = lens.getFund(address(fund));
        uint256[] memory held = fund.holdings();
        assertEq(f.fund, address(fund), "fund");
        assertEq(f.symbol, "CT5U", "symbol");
        assertEq(f.totalSupply, fund.totalSupply(), "supply");
        assertEq(f.owner, owner, "owner");
        assertEq(f.guardian, guardian, "guardian");
        assertTrue(f.pricesOk, "prices ok");
        assertEq(f.assets.length, N, "assets");
        uint256 total;
        uint256 weights;
        for (uint256 i; i < N; ++i) {
            assertEq(f.assets[i].holdings, held[i], "holdings = fund.holdings()");
            assertEq(f.assets[i].idle + f.assets[i].supplied, held[i], "idle + supplied");
            assertEq(f.assets[i].symbol, SYMBOLS[i], "symbol");
            assertEq(f.assets[i].price, uint256(PRICES[i]) * 1e10, "price in D18");
            assertEq(f.assets[i].value, held[i] * f.assets[i].price / 10 ** DECIMALS[i], "value");
            assertGt(f.assets[i].supplyRatePerBlock, 0, "Venus pays a supply rate");
            assertFalse(f.assets[i].mintPaused || f.assets[i].redeemPaused, "markets open");
            total += f.assets[i].value;
            weights += f.assets[i].currentWeightBps;
        }
        assertEq(f.totalValue, total, "NAV = sum of values");
        assertEq(f.totalValue, lens.totalValue(address(fund)), "getFund NAV = totalValue");
        assertEq(f.navPerShare, total * 1e18 / f.totalSupplyWithFees, "NAV per share");
        assertApproxEqAbs(weights, 10_000, N, "current weights sum to 100% up to rounding");
    }

    function test_GetFund_GivenStaleFeed_ReportsInsteadOfReverting() public {
        vm.warp(block.timestamp + HEARTBEAT + 1);
        LensFund memory f = lens.getFund(address(fund));
        assertFalse(f.pricesOk, "prices refused");
        assertEq(f.totalValue, 0, "no NAV without prices");
        assertFalse(f.assets[BTC].priceOk, "BTC price refused");
        assertGt(f.assets[BTC].holdings, 0, "holdings still shown");
    }

    function test_TotalValue_RevertWhen_FeedStale() public {
        uint256 updatedAt = feeds[BTC].updatedAt();
        vm.warp(block.timestamp + HEARTBEAT + 1);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.StalePrice.selector, tokens[BTC], updatedAt, HEARTBEAT)
        );
        lens.totalValue(address(fund));
    }

    function test_CurrentWeights_TrackPrices() public {
        uint256[] memory before = lens.currentWeights(address(fund));
        feeds[SOL].setAnswer(PRICES[SOL] * 2);
        uint256[] memory afterwards = lens.currentWeights(address(fund));
        assertGt(afterwards[SOL], before[SOL], "SOL's weight rises with its price");
        assertLt(afterwards[USDT], before[USDT], "the sleeve's weight falls");
    }

    function test_GetFund_GivenMarketPaused_ShowsIt() public {
        _setVenusActionPaused(address(vTokens[ETH]), 1, true);
        LensFund memory f = lens.getFund(address(fund));
        assertTrue(f.assets[ETH].redeemPaused, "redeem paused shown");
        assertFalse(f.assets[ETH].mintPaused, "mint still open");
    }
}

contract BlockETFLensRebalanceTest is BaseTest {
    function test_RebalanceStatus_GivenSeedAtTargets_NoRebalance() public view {
        RebalanceRuleLib.Check memory c = lens.rebalanceStatus(address(fund));
        assertFalse(c.needsRebalance, "a seed at target weights needs nothing");
        assertLe(c.maxDeviationBps, 1, "within rounding of the targets");
        vm.assertEq(c.triggerIndex, int256(-1), "no trigger");
        assertTrue(c.cooldownElapsed, "never rebalanced: cooldown elapsed");
    }

    function test_RebalanceStatus_GivenPriceShock_TriggersOnTheMovedAsset() public {
        // SOL doubles: its 10 % weight becomes about 18 %, past the 5 % default threshold.
        feeds[SOL].setAnswer(PRICES[SOL] * 2);
        RebalanceRuleLib.Check memory c = lens.rebalanceStatus(address(fund));
        assertTrue(c.needsRebalance, "deviation past the threshold");
        // forge-lint: disable-next-line(unsafe-typecast) -- SOL is a small index
        vm.assertEq(c.triggerIndex, int256(SOL), "SOL triggers");
        assertGe(c.maxDeviationBps, 500, "at least the threshold");
        uint256[] memory weights = lens.currentWeights(address(fund));
        assertEq(c.currentWeightsBps, weights, "the Lens's own current weights");
    }

    function test_RebalanceStatus_FollowsTheOwnersRule() public {
        feeds[SOL].setAnswer(PRICES[SOL] * 2);
        vm.prank(owner);
        fund.setRebalanceRule(2_000, 1 hours, 100);
        assertFalse(lens.rebalanceStatus(address(fund)).needsRebalance, "20 % threshold not reached");
    }
}

/// @notice The Lens's view of a rebalance episode, driven by a scripted rebalancer.
contract BlockETFLensEpisodeTest is BaseTest {
    MockRebalancer internal mock;

    function setUp() public virtual override {
        super.setUp();
        mock = new MockRebalancer(IBlockETF(address(fund)));
        vm.prank(owner);
        fund.setRebalancer(address(mock));
        fund.sweep();
        // BTC's target 25 % -> 19 %, the sleeve's 20 % -> 26 %: BTC $6,000 over.
        uint16[] memory w = new uint16[](N);
        (w[BTC], w[ETH], w[BNB], w[XRP], w[SOL], w[USDT]) = (1900, 2000, 1500, 1000, 1000, 2600);
        vm.prank(owner);
        fund.setTargetWeights(w);
    }

    /// @dev Sells `usd` of BTC for the sleeve at feed prices, 10 bps lost.
    function _sellBtc(uint256 usd) internal {
        uint256[] memory sent = _zeros();
        uint256[] memory back = _zeros();
        // forge-lint: disable-next-line(unsafe-typecast) -- test feeds are positive
        sent[BTC] = usd * 1e8 / (uint256(feeds[BTC].answer()) * 1e10);
        back[USDT] = usd * 9_990 / 10_000;
        _give(tokens[USDT], address(mock), back[USDT]);
        mock.run(sent, back);
    }

    function test_RebalanceEpisode_GivenNone_ReportsTheBounds() public view {
        LensEpisode memory x = lens.rebalanceEpisode(address(fund));
        assertEq(x.episode.maxSteps, 20, "bounds");
        assertFalse(x.open, "none open");
        assertFalse(x.status.active, "not active");
        assertEq(x.status.deadline, 0, "no deadline");
        assertEq(x.status.nextStepAt, 0, "a step may run now");
        assertEq(x.status.stepsLeft, 20, "a full episode ahead");
    }

    function test_RebalanceEpisode_DuringAnEpisode() public {
        _sellBtc(2_000e18); // BTC 4 % over: below the threshold, open
        LensEpisode memory x = lens.rebalanceEpisode(address(fund));
        assertTrue(x.open && x.status.active, "active");
        assertEq(x.status.deadline, block.timestamp + 12 hours, "deadline");
        assertEq(x.status.nextStepAt, block.timestamp + 1 minutes, "the fund's interval");
        assertEq(x.status.stepsLeft, 19, "steps left");
        assertEq(x.status.lossLeft, x.episode.lossBudget - x.episode.lost, "budget left");
        assertApproxEqAbs(x.episode.lost, 2e18, 1e16, "10 bps of $2,000");
        RebalanceRuleLib.Check memory c = lens.rebalanceStatus(address(fund));
        assertLt(c.maxDeviationBps, 500, "below the threshold");
        assertTrue(c.needsRebalance, "an active episode goes on");
    }

    function test_RebalanceEpisode_AfterItsDeadline_IsExpiredAndTheCooldownRunsFromIt() public {
        _sellBtc(2_000e18);
        uint256 deadline = block.timestamp + 12 hours;
        _advance(100, 12 hours + 1);
        LensEpisode memory x = lens.rebalanceEpisode(address(fund));
        assertTrue(x.open, "still open in storage");
        assertFalse(x.status.active, "but over");
        assertTrue(x.status.expired, "expired");
        assertEq(x.status.cooldownFrom, deadline, "ended at its deadline");
        assertEq(x.status.lossLeft, 0, "no budget left to use");
        RebalanceRuleLib.Check memory c = lens.rebalanceStatus(address(fund));
        assertFalse(c.needsRebalance, "4 % is below the threshold");
        assertFalse(c.cooldownElapsed, "30 minutes from the deadline");
        _advance(100, 30 minutes);
        assertTrue(lens.rebalanceStatus(address(fund)).cooldownElapsed, "elapsed");
    }
}
