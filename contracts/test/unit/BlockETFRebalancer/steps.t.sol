// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {EpisodeEnd} from "../../../src/interfaces/IBlockETF.sol";
import {Route} from "../../../src/interfaces/IBlockETFRebalancer.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {RebalanceBaseTest} from "../../utils/RebalanceBaseTest.sol";

/// @notice Bounded steps, who may trigger, MEV bounds and the rebalancer's own configuration.
contract RebalancerStepsTest is RebalanceBaseTest {
    function _capAll(uint256 maxTrade) internal {
        vm.startPrank(owner);
        for (uint256 i; i < N; ++i) {
            if (i != USDT) rebalancer.setRoute(i, _route(i, SLIPPAGE_BPS, maxTrade));
        }
        vm.stopPrank();
    }

    /* BOUNDED STEPS */

    function test_Rebalance_GivenLargeDeviation_TakesBoundedSteps() public {
        _capAll(2_000e18); // $2,000 per asset per step; BTC is about $6,800 over.
        _shock(BTC, 14_000);
        uint256 steps;
        bool complete;
        while (!complete) {
            (uint256[] memory sent,) = rebalancer.previewStep();
            assertLe(sent[BTC], _tokFor(BTC, 2_000e18) + 1, "each sell within the cap");
            complete = _step();
            ++steps;
            assertEq(rebalancer.lastStepAt(), block.timestamp, "step recorded");
            if (!complete) {
                assertEq(fund.lastRebalanceAt(), 0, "the cooldown waits for the last step");
                assertTrue(fund.rebalancing(), "in progress");
                assertTrue(lens.rebalanceStatus(address(fund)).needsRebalance, "the Lens says go on");
                assertGt(rebalancer.dueSince(), 0, "still due");
                vm.prank(keeper);
                vm.expectRevert(
                    abi.encodeWithSelector(ErrorsLib.StepTooSoon.selector, block.timestamp + 1 minutes)
                );
                rebalancer.rebalance();
                _advance(20, 1 minutes);
            }
            assertLt(steps, 10, "terminates");
        }
        assertGe(steps, 3, "at least 3 bounded steps for $6,800");
        (, uint256 maxDev) = _deviations();
        assertLe(maxDev, 50, "every weight within a tenth of the threshold: steps go on to target");
        assertFalse(fund.rebalancing(), "done");
        assertEq(rebalancer.dueSince(), 0, "no longer due");
        _assertRebalancerEmpty();
    }

    function test_PreviewStep_MatchesExecution() public {
        _shock(ETH, 14_000);
        (uint256[] memory sent, uint256[] memory spend) = rebalancer.previewStep();
        vm.expectEmit(true, false, false, true, address(rebalancer));
        emit EventsLib.RebalanceStep(keeper, sent, spend, true);
        _step();
    }

    /* WHO MAY TRIGGER */

    function test_Rebalance_RevertWhen_NotKeeperAndNotDue() public {
        _shock(BTC, 14_000);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotKeeper.selector, bob, 0));
        vm.prank(bob);
        rebalancer.rebalance();
    }

    function test_Rebalance_GivenDueLongerThanPublicDelay_AnyoneMayTrigger() public {
        _shock(BTC, 14_000);
        vm.prank(bob);
        assertTrue(rebalancer.poke(), "due");
        uint256 publicFrom = block.timestamp + 6 hours;
        assertEq(rebalancer.dueSince(), block.timestamp, "recorded");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotKeeper.selector, bob, publicFrom));
        vm.prank(bob);
        rebalancer.rebalance();

        // Due observed continuously: a poke at least every `maxPokeGap` (1 hour) through the public delay.
        for (uint256 h; h < 6; ++h) {
            _advance(100, 1 hours);
            vm.prank(bob);
            assertTrue(rebalancer.poke(), "still due");
        }
        assertEq(rebalancer.dueSince(), block.timestamp - 6 hours, "since the first observation");
        (bool allowed,) = rebalancer.canRebalance(bob);
        assertTrue(allowed, "public fallback open");
        vm.prank(bob);
        assertTrue(rebalancer.rebalance(), "anyone completes it, within the same bounds");
        assertEq(rebalancer.dueSince(), 0, "cleared");
    }

    function test_Poke_ClearsWhenNoLongerDue() public {
        _shock(BTC, 14_000);
        rebalancer.poke();
        _setPrice(BTC, 100_000e8);
        assertFalse(rebalancer.poke(), "back within the threshold");
        assertEq(rebalancer.dueSince(), 0, "cleared");
    }

    /* PUBLIC TRIGGER (issue 9, item 3) */

    function test_Rebalance_GivenDueOnlyDuringAnOldSpike_PublicMustWaitAgain() public {
        _shock(BTC, 14_000);
        vm.prank(bob);
        rebalancer.poke(); // due at t0, during a spike
        _setPrice(BTC, 100_000e8); // back: not due, and nobody pokes
        _advance(2_000, 7 hours);
        _setPrice(BTC, 140_000e8); // due again, 7 hours later
        (bool allowed,) = rebalancer.canRebalance(bob);
        assertFalse(allowed, "due was not observed for the public delay");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotKeeper.selector, bob, 0));
        vm.prank(bob);
        rebalancer.rebalance();
        // The next observation starts the public delay again.
        vm.expectEmit(false, false, false, true, address(rebalancer));
        emit EventsLib.RebalanceDue(block.timestamp);
        vm.prank(bob);
        assertTrue(rebalancer.poke(), "due");
        assertEq(rebalancer.dueSince(), block.timestamp, "restarted");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotKeeper.selector, bob, block.timestamp + 6 hours));
        vm.prank(bob);
        rebalancer.rebalance();
    }

    function test_Poke_GivenAGapLongerThanMaxPokeGap_RestartsDueSince() public {
        _shock(BTC, 14_000);
        rebalancer.poke();
        uint256 first = block.timestamp;
        _advance(300, 1 hours);
        rebalancer.poke();
        assertEq(rebalancer.dueSince(), first, "an hour apart: continuous");
        assertEq(rebalancer.lastDueAt(), block.timestamp, "observed");
        _advance(300, 1 hours + 1);
        rebalancer.poke();
        assertEq(rebalancer.dueSince(), block.timestamp, "more than an hour apart: starts again");
    }

    function test_Poke_DoesNotClearAnEpisodeInProgress() public {
        _capAll(3_000e18);
        _shock(BTC, 14_000); // about $6,800 over
        _step(); // $3,000 sold: BTC ~3 % over, below the threshold, still in progress
        assertTrue(fund.rebalancing(), "in progress");
        assertFalse(lens.rebalanceStatus(address(fund)).maxDeviationBps >= 500, "below the threshold");
        uint256 since = rebalancer.dueSince();
        assertGt(since, 0, "due");
        _advance(20, 1 minutes);
        vm.prank(bob);
        assertTrue(rebalancer.poke(), "an episode in progress is due");
        assertEq(rebalancer.dueSince(), since, "kept");
    }

    /// @dev A keeper that dies mid-episode: anyone who observes "due" every hour for the public delay may
    /// finish the episode, before its 12-hour deadline.
    function test_Rebalance_GivenDeadKeeperMidEpisode_AnyoneFinishesIt() public {
        _capAll(3_000e18);
        _shock(BTC, 14_000);
        _step(); // the keeper's last step: BTC ~3 % over, in progress
        uint256 since = rebalancer.dueSince();
        for (uint256 h; h < 6; ++h) {
            _advance(300, 1 hours);
            vm.prank(bob);
            assertTrue(rebalancer.poke(), "the open episode stays due");
        }
        assertEq(rebalancer.dueSince(), since, "continuous since the keeper's step");
        bool complete;
        for (uint256 k; k < 5 && !complete; ++k) {
            vm.prank(bob);
            complete = rebalancer.rebalance();
            _advance(20, 1 minutes);
        }
        assertTrue(complete, "finished by anyone");
        (, uint256 maxDev) = _deviations();
        assertLe(maxDev, 50, "at target");
        assertEq(rebalancer.dueSince(), 0, "no longer due");
    }

    function test_CanRebalance_IncludesTheFundsOwnInterval() public {
        vm.prank(owner);
        rebalancer.setStepInterval(0);
        _capAll(2_000e18);
        _shock(BTC, 14_000);
        _step();
        (bool allowed, uint256 nextStepAt) = rebalancer.canRebalance(keeper);
        assertFalse(allowed, "the fund's interval");
        assertEq(nextStepAt, block.timestamp + 1 minutes, "its minStepInterval");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.StepTooSoon.selector, block.timestamp + 1 minutes));
        vm.prank(keeper);
        rebalancer.rebalance();
    }

    /* EPISODES (issue 9, item 2) */

    /// @dev An over-weight asset that cannot be sold (its Venus redeem paused) used to keep `rebalancing`
    /// true for good, after which any drift was traded every step interval, after `publicDelay` by anyone.
    function test_Rebalance_GivenUnsellableOverWeight_EpisodeClosesAndTheRuleApplies() public {
        _shock(BTC, 18_000);
        _setVenusActionPaused(address(vTokens[BTC]), 1, true);
        uint256 startedAt = block.timestamp;
        _assertUnsellableEpisodeCloses();
        // Once Venus pays again, the rule starts a new episode that finishes the rebalance.
        _setVenusActionPaused(address(vTokens[BTC]), 1, false);
        for (bool complete; !complete;) {
            complete = _step();
            _advance(20, 1 minutes);
        }
        assertGt(fund.rebalanceEpisode().startedAt, startedAt, "a new episode, under the rule");
        (, uint256 maxDev) = _deviations();
        assertLe(maxDev, 50, "at target");
    }

    /// @dev The same with the market's cash borrowed away instead of its redeem paused.
    function test_Rebalance_GivenOverWeightCashBorrowedAway_EpisodeClosesAndTheRuleApplies() public {
        _shock(BTC, 18_000);
        _drainVenusCash(BTC, 0);
        _assertUnsellableEpisodeCloses();
    }

    function _assertUnsellableEpisodeCloses() internal {
        _step(); // sells the BTC buffer, all Venus lets go of
        assertTrue(fund.rebalancing(), "open: BTC still over");
        uint256 startedAt = fund.rebalanceEpisode().startedAt;
        _advance(20, 1 minutes);
        (uint256[] memory sent,) = rebalancer.previewStep();
        assertEq(_sumOf(sent), 0, "nothing more can be sold");
        // The keeper's next call closes the episode instead of leaving it open.
        vm.expectEmit(true, false, false, false, address(fund));
        emit EventsLib.RebalanceEpisodeEnded(startedAt, EpisodeEnd.Stalled, 1, 0, 0, block.timestamp);
        assertFalse(_step(), "closed, not complete");
        assertFalse(fund.rebalancing(), "closed");
        assertEq(fund.lastRebalanceAt(), block.timestamp, "the cooldown starts");
        assertEq(rebalancer.dueSince(), 0, "not due under the cooldown");
        // A small drift is not traded: the cooldown runs from the close.
        _advance(20, 1 minutes);
        _shock(ETH, 10_200);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NothingToRebalance.selector));
        vm.prank(keeper);
        rebalancer.rebalance();
        vm.prank(bob);
        assertFalse(rebalancer.poke(), "not due: the public cannot trade it either");
        // After the cooldown the rule holds again (BTC is still over), but nothing can be sold: no episode
        // opens, no drift is traded.
        _advance(300, 30 minutes);
        vm.prank(bob);
        assertTrue(rebalancer.poke(), "due by the rule");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NothingToRebalance.selector));
        vm.prank(keeper);
        rebalancer.rebalance();
        assertFalse(fund.rebalancing(), "no episode");
    }

    /* MEV */

    function test_Rebalance_RevertWhen_PoolPushedBeyondSlippage() public {
        _shock(BTC, 14_000);
        // A sandwich's front-run: BTC pushed 2 % below the oracle in its pool.
        dex.moveTo(pools[BTC], tokens[BTC], tokens[USDT], _price(BTC) * 98 / 100, _price(USDT));
        (bool ok, bytes memory reason) = address(this).call(abi.encodeCall(this.stepAsKeeper, ()));
        assertFalse(ok, "refused");
        // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
        assertEq(bytes4(reason), ErrorsLib.SwapFailed.selector, "typed: the swap's oracle minimum");
    }

    function test_Rebalance_GivenPoolPushedWithinSlippage_LossBounded() public {
        _shock(BTC, 14_000);
        (, uint256 valueBefore) = _values();
        dex.moveTo(pools[BTC], tokens[BTC], tokens[USDT], _price(BTC) * 9_980 / 10_000, _price(USDT));
        _step();
        (, uint256 valueAfter) = _values();
        // About $6,800 sold and $6,800 bought: at most 0.5 % of each swap, 1 % of what the fund sent.
        assertGe(valueAfter, valueBefore - 6_900e18 / 100, "loss within the bound");
    }

    function stepAsKeeper() external {
        _step();
    }

    /* CALLBACK */

    function test_OnBlockETFRebalance_RevertWhen_NotFromItsOwnStep() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnexpectedCallback.selector, attacker));
        vm.prank(attacker);
        rebalancer.onBlockETFRebalance(_zeros(), "");
        // Even the fund cannot call it outside a step the rebalancer started.
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.UnexpectedCallback.selector, address(fund)));
        vm.prank(address(fund));
        rebalancer.onBlockETFRebalance(_zeros(), "");
    }

    function test_Rebalance_GivenTokensSentToTheRebalancer_ForwardsThemToTheFund() public {
        _shock(BTC, 14_000);
        // Someone sends BTC and USDT to the rebalancer: the next step leaves none of it behind.
        _give(tokens[BTC], address(rebalancer), 1e6);
        _give(tokens[USDT], address(rebalancer), 5e18);
        _step();
        _assertRebalancerEmpty();
    }

    /* VENUS */

    function test_Rebalance_GivenVenusIlliquid_SellsOnlyWhatCanBePaid() public {
        _shock(BTC, 14_000);
        _setVenusActionPaused(address(vTokens[BTC]), 1, true);
        uint256 idle = fund.asset(BTC).idle;
        (uint256[] memory sent,) = rebalancer.previewStep();
        assertEq(sent[BTC], idle, "only the idle buffer");
        _step();
        assertEq(fund.asset(BTC).idle, 0, "buffer sold");
    }

    function test_Rebalance_GivenAnAssetThatCannotBeSold_RebalancesTheOthers() public {
        // Found by the rebalance invariants: BTC over-weight with its Venus redeem paused and no idle left.
        _shock(BTC, 18_000);
        _shock(ETH, 12_000);
        _setVenusActionPaused(address(vTokens[BTC]), 1, true);
        _step(); // sells the BTC buffer (all Venus lets go of) and the ETH excess
        assertEq(fund.asset(BTC).idle, 0, "BTC buffer sold");
        _advance(20, 1 minutes);
        (uint256[] memory d,) = _deviations();
        assertGe(d[BTC], 500, "BTC still over: the rest cannot be sold");
        assertLt(d[ETH], 50, "ETH rebalanced");
        assertTrue(fund.rebalancing(), "the rebalance waits for BTC");
        // Once Venus pays again, the rebalance finishes.
        _setVenusActionPaused(address(vTokens[BTC]), 1, false);
        assertTrue(_step(), "completes");
    }

    function test_Rebalance_SellsBnbThroughItsVenusMarket() public {
        _shock(BNB, 15_000);
        uint256 vBefore = fund.asset(BNB).vShares;
        assertTrue(_step(), "completes");
        assertLt(
            fund.asset(BNB).vShares,
            vBefore,
            "withdrawn from its market (vBNB on the doubles, vWBNB on Venus)"
        );
        assertEq(address(rebalancer).balance, 0, "no BNB left behind");
        assertEq(address(fund).balance, 0, "fund keeps no loose BNB");
    }

    /* CONFIGURATION */

    function test_SetRoute_RevertWhen_Invalid() public {
        vm.startPrank(owner);
        Route memory r = _route(BTC, 50, 1e18);
        r.sellPath = abi.encodePacked(tokens[ETH], FEES[ETH], tokens[USDT]);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRoute.selector, BTC));
        rebalancer.setRoute(BTC, r);
        r = _route(BTC, 50, 1e18);
        r.buyPath = abi.encodePacked(tokens[USDT], FEES[BTC]);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRoute.selector, BTC));
        rebalancer.setRoute(BTC, r);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRoute.selector, BTC));
        rebalancer.setRoute(BTC, _route(BTC, 1001, 1e18));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRoute.selector, BTC));
        rebalancer.setRoute(BTC, _route(BTC, 50, 0));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRoute.selector, USDT));
        rebalancer.setRoute(USDT, _route(BTC, 50, 1e18));
        vm.stopPrank();
    }

    /// @dev Issue 9, item 4: a bound at or below the route's own fees leaves nothing for price impact.
    function test_SetRoute_RevertWhen_BoundNotAboveTheFees() public {
        vm.startPrank(owner);
        // BTC's pool charges 0.05 % (5 bps): a 5 bps bound is refused, 6 is accepted.
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRoute.selector, BTC));
        rebalancer.setRoute(BTC, _route(BTC, 5, 1e18));
        rebalancer.setRoute(BTC, _route(BTC, 6, 1e18));
        // XRP's 0.25 %: 25 refused.
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRoute.selector, XRP));
        rebalancer.setRoute(XRP, _route(XRP, 25, 1e18));
        vm.stopPrank();
    }

    /// @dev Issue 9, item 4: the sandwich that cost a 0.05 %-fee swap 96 bps under one 1 % bound for every
    /// route is refused by a bound from the route's fee tier plus an impact allowance (5 + 25 bps).
    function test_Rebalance_GivenFeeTierBound_TheIssuesSandwichReverts() public {
        _shock(BTC, 14_000);
        dex.moveTo(pools[BTC], tokens[BTC], tokens[USDT], _price(BTC) * 9_940 / 10_000, _price(USDT));
        vm.startPrank(owner);
        rebalancer.setRoute(BTC, _route(BTC, 100, MAX_TRADE));
        vm.stopPrank();
        uint256 snap = vm.snapshotState();
        (, uint256 valueBefore) = _values();
        _step();
        (, uint256 valueAfter) = _values();
        assertGt(valueBefore - valueAfter, 0, "one 1 % bound: the step goes through and loses");
        vm.revertToState(snap);
        vm.prank(owner);
        rebalancer.setRoute(BTC, _route(BTC, 5 + 25, MAX_TRADE));
        (bool ok, bytes memory reason) = address(this).call(abi.encodeCall(this.stepAsKeeper, ()));
        assertFalse(ok, "refused");
        // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
        assertEq(bytes4(reason), ErrorsLib.SwapFailed.selector, "typed: the swap's oracle minimum");
    }

    function test_SetRoute_RevertWhen_NoPoolAtTheFeeTier() public {
        // BTC/USDT exists at 0.05 % only: a 1 % route has no pool.
        Route memory r = Route(
            abi.encodePacked(tokens[BTC], uint24(10_000), tokens[USDT]),
            abi.encodePacked(tokens[USDT], uint24(10_000), tokens[BTC]),
            50,
            1e18
        );
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.NoPool.selector, tokens[BTC], tokens[USDT], uint24(10_000))
        );
        vm.prank(owner);
        rebalancer.setRoute(BTC, r);
    }

    function test_Rebalance_ThroughAMultiHopRoute() public {
        // BTC -> WBNB -> USDT: two hops, both pools checked at setRoute, minimum out from the oracle end to
        // end.
        dex.createPool(tokens[BTC], tokens[BNB], 500, _price(BTC), _price(BNB), POOL_VALUE);
        Route memory r = Route(
            abi.encodePacked(tokens[BTC], uint24(500), tokens[BNB], FEES[BNB], tokens[USDT]),
            abi.encodePacked(tokens[USDT], FEES[BNB], tokens[BNB], uint24(500), tokens[BTC]),
            SLIPPAGE_BPS * 2,
            MAX_TRADE
        );
        vm.prank(owner);
        rebalancer.setRoute(BTC, r);
        assertEq(keccak256(rebalancer.route(BTC).sellPath), keccak256(r.sellPath), "stored");

        _shock(BTC, 14_000);
        dex.moveTo(
            dex.poolOf(tokens[BTC], tokens[BNB], 500), tokens[BTC], tokens[BNB], _price(BTC), _price(BNB)
        );
        assertTrue(_step(), "completes through two pools");
        (, uint256 maxDev) = _deviations();
        assertLe(maxDev, 50, "at target");
        _assertRebalancerEmpty();
    }

    function test_Setters_RevertWhen_NotOwner() public {
        vm.startPrank(keeper);
        vm.expectRevert();
        rebalancer.setRoute(BTC, _route(BTC, 50, 1e18));
        vm.expectRevert();
        rebalancer.setPublicDelay(1);
        vm.expectRevert();
        rebalancer.setStepInterval(1);
        vm.expectRevert();
        rebalancer.setMaxPokeGap(2 hours);
        vm.stopPrank();
    }

    function test_SetMaxPokeGap() public {
        assertEq(rebalancer.maxPokeGap(), 1 hours, "default");
        vm.expectEmit(false, false, false, true, address(rebalancer));
        emit EventsLib.SetMaxPokeGap(2 hours);
        vm.prank(owner);
        rebalancer.setMaxPokeGap(2 hours);
        assertEq(rebalancer.maxPokeGap(), 2 hours, "set");
    }

    function test_SetMaxPokeGap_RevertWhen_OutOfRange() public {
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidDelay.selector, 59));
        rebalancer.setMaxPokeGap(59);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidDelay.selector, 1 days + 1));
        rebalancer.setMaxPokeGap(1 days + 1);
        rebalancer.setMaxPokeGap(1 minutes);
        rebalancer.setMaxPokeGap(1 days);
        vm.stopPrank();
    }

    function test_Setters_RevertWhen_OutOfRange() public {
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidDelay.selector, 30 days + 1));
        rebalancer.setPublicDelay(30 days + 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidDelay.selector, 1 days + 1));
        rebalancer.setStepInterval(1 days + 1);
        rebalancer.setPublicDelay(1 hours);
        rebalancer.setStepInterval(0);
        vm.stopPrank();
        assertEq(rebalancer.publicDelay(), 1 hours, "delay");
        assertEq(rebalancer.stepInterval(), 0, "interval");
    }

    function _tokFor(uint256 i, uint256 usd) internal view returns (uint256) {
        return usd * 10 ** DECIMALS[i] / _price(i);
    }
}
