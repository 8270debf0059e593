// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceEpisode} from "../../src/interfaces/IBlockETF.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";

/// @notice Random market moves (every asset's feed and pool moved alike), then the keeper rebalances until
/// done: every step stays within its loss bound, leaves nothing in the rebalancer, every episode within its
/// loss budget and step cap, and the fund ends within a tenth of the threshold of every target, or below the
/// threshold once an episode took its `maxSteps` (the rule applies again).
contract RebalanceFuzzTest is RebalanceBaseTest {
    function testFuzz_Rebalance_AfterRandomMoves_ReturnsToTargetWithinBounds(
        uint256[5] memory moveBps,
        uint256 maxTrade
    ) public {
        for (uint256 i; i < 5; ++i) {
            // -50 % .. +100 % per risk asset.
            _shock(i, bound(moveBps[i], 5_000, 20_000));
        }
        // Per-step cap from $500 to unlimited: small caps take many steps.
        maxTrade = bound(maxTrade, 500e18, 1_000_000e18);
        vm.startPrank(owner);
        for (uint256 i; i < N; ++i) {
            if (i != USDT) rebalancer.setRoute(i, _route(i, SLIPPAGE_BPS, maxTrade));
        }
        vm.stopPrank();

        (, uint256 maxDev) = _deviations();
        if (maxDev < 500) {
            (bool ok, bytes memory reason) = address(this).call(abi.encodeCall(this.stepAsKeeper, ()));
            assertFalse(ok, "no step below the threshold");
            // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
            bytes4 s = bytes4(reason);
            assertTrue(
                s == ErrorsLib.NothingToRebalance.selector || s == ErrorsLib.RebalanceNotNeeded.selector,
                "refused by the rule, typed"
            );
            return;
        }
        for (uint256 steps; steps < 60; ++steps) {
            (, uint256 valueBefore) = _values();
            (uint256[] memory sent,) = rebalancer.previewStep();
            uint256 sentValue;
            for (uint256 i; i < N; ++i) {
                sentValue += sent[i] * _price(i) / 10 ** DECIMALS[i];
            }
            bool complete = _step();
            (, uint256 valueAfter) = _values();
            assertGe(valueAfter + sentValue / 100, valueBefore, "loss within 1 % of what was sent");
            _assertRebalancerEmpty();
            RebalanceEpisode memory e = fund.rebalanceEpisode();
            assertLe(e.lost, e.lossBudget, "episode loss within its budget");
            assertLe(e.steps, e.maxSteps, "episode within its step cap");
            if (complete) {
                (, maxDev) = _deviations();
                assertLe(maxDev, 50, "every weight within a tenth of the threshold");
                assertFalse(fund.rebalancing(), "done");
                return;
            }
            if (!fund.rebalancing()) {
                // The episode took its maxSteps: the rule and the cooldown apply again.
                assertEq(e.steps, e.maxSteps, "ended by its step cap");
                _advance(600, fund.rebalanceCooldown());
                (, maxDev) = _deviations();
                if (maxDev < 500) return;
                continue;
            }
            _advance(20, 1 minutes);
        }
        revert("did not complete in 60 steps");
    }

    function testFuzz_Rebalance_RevertWhen_PoolPushedPastSlippage(uint256 which, uint256 pushBps) public {
        which = bound(which, 0, 4);
        _shock(which, 15_000);
        // The attacker moves the traded pool 0.6 % to 10 % against the fund's side.
        pushBps = bound(pushBps, 60, 1_000);
        dex.moveTo(
            pools[which],
            tokens[which],
            tokens[USDT],
            _price(which) * (10_000 - pushBps) / 10_000,
            _price(USDT)
        );
        (bool ok, bytes memory reason) = address(this).call(abi.encodeCall(this.stepAsKeeper, ()));
        assertFalse(ok, "refused");
        // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
        assertEq(bytes4(reason), ErrorsLib.SwapFailed.selector, "by the oracle minimum");
    }

    function stepAsKeeper() external {
        _step();
    }
}
