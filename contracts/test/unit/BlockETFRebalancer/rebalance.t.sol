// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {RebalanceBaseTest} from "../../utils/RebalanceBaseTest.sol";

contract RebalanceTest is RebalanceBaseTest {
    function test_Rebalance_RevertWhen_Balanced() public {
        // The seed sits within a bps of target: every planned trade is dust and dropped.
        vm.expectRevert(ErrorsLib.NothingToRebalance.selector);
        _step();
    }

    function test_Rebalance_GivenOneAssetUp_SellsItAndBuysTheRest() public {
        _shock(BTC, 14_000); // BTC +40 %: 25 % -> about 31.8 %, every other asset under-weight.
        (, uint256 devBefore) = _deviations();
        assertGe(devBefore, 500, "the rule calls for a rebalance");
        (, uint256 valueBefore) = _values();

        assertTrue(_step(), "one step completes");

        (uint256[] memory d, uint256 devAfter) = _deviations();
        (, uint256 valueAfter) = _values();
        assertLt(devAfter, 30, "every weight within 0.3 % of target");
        assertEq(fund.lastRebalanceAt(), block.timestamp, "cooldown starts");
        // Pool fees (0.05 % on the sell, 0.05-0.25 % on the buys) on about 2 x 6.8 % of the fund.
        assertGe(valueAfter, valueBefore * 9_990 / 10_000, "costs about pool fees");
        assertLt(valueAfter, valueBefore, "swaps are not free");
        _assertRebalancerEmpty();
        for (uint256 i; i < N; ++i) {
            assertLt(d[i], 30, "each weight within 0.3 % of its target");
        }
    }

    function test_Rebalance_GivenStableAndAnotherUnderWeight_Works() public {
        // V1 reverted here: USDT and ETH both under-weight while BTC is over.
        _shock(BTC, 16_000);
        _shock(ETH, 8_000);
        (uint256[] memory d0,) = _deviations();
        (uint256[] memory w0) = lens.currentWeights(address(fund));
        assertLt(w0[USDT], WEIGHTS[USDT], "USDT under-weight");
        assertLt(w0[ETH], WEIGHTS[ETH], "ETH under-weight");
        assertGe(d0[BTC], 500, "BTC triggers");

        assertTrue(_step(), "completes");
        (uint256[] memory d,) = _deviations();
        assertLt(d[USDT], 30, "USDT back to target");
        assertLt(d[ETH], 30, "ETH back to target");
        assertLt(d[BTC], 30, "BTC back to target");
        _assertRebalancerEmpty();
    }

    function test_Rebalance_GivenStableOverWeight_FundsTheBuys() public {
        _shock(BTC, 6_500); // BTC -35 %: USDT and every other asset over-weight, BTC under.
        uint256 usdtBefore = fund.holdings()[USDT];
        uint256 btcBefore = fund.holdings()[BTC];
        assertTrue(_step(), "completes");
        assertLt(fund.holdings()[USDT], usdtBefore, "the sleeve paid");
        assertGt(fund.holdings()[BTC], btcBefore, "BTC bought");
        (, uint256 devAfter) = _deviations();
        assertLt(devAfter, 30, "within 0.3 %");
    }

    function test_Rebalance_ReestablishesVenusPositions() public {
        _shock(SOL, 16_000);
        _step();
        for (uint256 i; i < N; ++i) {
            uint256 held = fund.holdings()[i];
            uint256 idle = fund.asset(i).idle;
            // Bought amounts above the buffer went back to Venus; sold ones were withdrawn from it.
            assertLe(idle, held * (BUFFER_BPS + 10) / 10_000, "idle at most the buffer");
            assertGt(fund.asset(i).vShares, 0, "still supplied");
        }
    }

    function test_Rebalance_RevertWhen_CooldownRunning() public {
        _shock(BTC, 14_000);
        _step();
        uint256 endsAt = block.timestamp + 30 minutes;
        _advance(1, 2 minutes);
        _shock(BTC, 14_000);
        (, uint256 maxDev) = _deviations();
        assertGe(maxDev, 500, "due but for the cooldown");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.RebalanceNotNeeded.selector, maxDev, 500, endsAt));
        _step();
        _advance(1, 28 minutes);
        assertTrue(_step(), "runs once the cooldown has elapsed");
    }
}
