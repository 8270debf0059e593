// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

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

        _advance(100, 6 hours);
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
            abi.encodePacked(tokens[BTC], uint24(500), tokens[BNB], uint24(500), tokens[USDT]),
            abi.encodePacked(tokens[USDT], uint24(500), tokens[BNB], uint24(500), tokens[BTC]),
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
