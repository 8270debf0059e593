// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IBlockETF, RebalanceEpisode} from "../../src/interfaces/IBlockETF.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {MockRebalancer} from "../utils/mocks/MockRebalancer.sol";

/// @notice Fuzzed episodes of a scripted rebalancer that loses value while the market moves: whatever the
/// sizes, losses, waits and moves, an episode never loses more than its budget (measured by the Lens, not
/// only by the fund's books), no step follows another within the fund's interval, and the episode bounds
/// accept exactly the README's valid ranges.
contract EpisodeFuzzTest is BaseTest {
    MockRebalancer internal mock;

    function setUp() public virtual override {
        super.setUp();
        mock = new MockRebalancer(IBlockETF(address(fund)));
        vm.prank(owner);
        fund.setRebalancer(address(mock));
        fund.sweep();
        // BTC $6,000 over its target, the sleeve $6,000 under.
        uint16[] memory w = new uint16[](N);
        (w[BTC], w[ETH], w[BNB], w[XRP], w[SOL], w[USDT]) = (1900, 2000, 1500, 1000, 1000, 2600);
        vm.prank(owner);
        fund.setTargetWeights(w);
    }

    function testFuzz_Episode_LossNeverExceedsItsBudget(
        uint256[12] memory sizeUsd,
        uint256[12] memory lossBps,
        uint256[12] memory waitSecs,
        uint256[12] memory btcMoveBps
    ) public {
        uint256 startedAt;
        uint256 lostByLens;
        uint256 lastStep;
        for (uint256 k; k < 12; ++k) {
            uint256[] memory sent = _zeros();
            uint256[] memory back = _zeros();
            uint256 usd = bound(sizeUsd[k], 10e18, 3_000e18);
            sent[BTC] = _tok(BTC, usd);
            back[USDT] = usd * (10_000 - bound(lossBps[k], 0, 120)) / 10_000;
            _give(tokens[USDT], address(mock), back[USDT]);
            uint256 before = _total();
            (bool ok, bytes memory reason) = address(mock).call(abi.encodeCall(mock.run, (sent, back)));
            if (ok) {
                RebalanceEpisode memory e = fund.rebalanceEpisode();
                if (e.startedAt != startedAt) (startedAt, lostByLens) = (e.startedAt, 0);
                uint256 afterwards = _total();
                if (before > afterwards) lostByLens += before - afterwards;
                assertLe(e.lost, e.lossBudget, "the fund's books");
                assertLe(lostByLens, uint256(e.lossBudget) + 1e13 * (k + 1), "measured from the outside");
                assertTrue(lastStep == 0 || block.timestamp >= lastStep + e.minStepInterval, "interval");
                lastStep = block.timestamp;
            } else {
                // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
                bytes4 s = bytes4(reason);
                assertTrue(
                    s == ErrorsLib.EpisodeLossTooHigh.selector || s == ErrorsLib.RebalanceLossTooHigh.selector
                        || s == ErrorsLib.EpisodeStepTooSoon.selector
                        || s == ErrorsLib.RebalanceNotNeeded.selector
                        || s == ErrorsLib.RebalanceTradeTooLarge.selector
                        || s == ErrorsLib.RebalanceWeightWorse.selector
                        || s == ErrorsLib.RebalanceNoProgress.selector,
                    "a typed refusal"
                );
            }
            // The market keeps moving: BTC -2 % .. +4 % between attempts, 0 s .. 2 h apart.
            // forge-lint: disable-next-line(unsafe-typecast) -- bounded
            feeds[BTC].setAnswer(feeds[BTC].answer() * int256(bound(btcMoveBps[k], 9_800, 10_400)) / 10_000);
            _advance(20, bound(waitSecs[k], 0, 2 hours));
        }
    }

    function testFuzz_SetEpisodeBounds_AcceptsExactlyTheValidRanges(
        uint32 interval,
        uint32 duration,
        uint16 steps,
        uint16 lossBps
    ) public {
        bool valid = interval >= 1 && interval <= 1 days && duration >= interval && duration <= 7 days
            && steps >= 1 && steps <= 100 && lossBps >= 1 && lossBps <= 500;
        vm.prank(owner);
        (bool ok, bytes memory reason) =
            address(fund).call(abi.encodeCall(fund.setEpisodeBounds, (interval, duration, steps, lossBps)));
        assertEq(ok, valid, "valid iff within the README's ranges");
        if (!ok) {
            assertEq(
                keccak256(reason),
                keccak256(
                    abi.encodeWithSelector(
                        ErrorsLib.InvalidEpisodeBounds.selector, interval, duration, steps, lossBps
                    )
                ),
                "typed"
            );
        }
    }

    function _tok(uint256 i, uint256 usd) internal view returns (uint256) {
        // forge-lint: disable-next-line(unsafe-typecast) -- test feeds are positive
        return usd * 10 ** DECIMALS[i] / (uint256(feeds[i].answer()) * 1e10);
    }

    function _total() internal view returns (uint256) {
        return _sumOf(lens.assetValues(address(fund)));
    }
}
