// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlockETF} from "../../../src/BlockETF.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {BlockETFLens} from "../../../src/periphery/BlockETFLens.sol";
import {Test} from "../../utils/Test.sol";
import {MockAggregator} from "../../utils/mocks/MockAggregator.sol";
import {MockERC20} from "../../utils/mocks/MockERC20.sol";
import {MockRebalancer} from "../../utils/mocks/MockRebalancer.sol";
import {MockWBNB} from "../../utils/mocks/MockWBNB.sol";
import {EpisodeGhosts} from "./EpisodeGhosts.sol";

/// @notice Drives a fund whose rebalancer is the scripted MockRebalancer: it trades any asset for any other,
/// returns what it likes (losing up to 1.5 % of what it is sent, or churning inside the band), tries to step
/// at any time, closes episodes; the market moves and time passes (past cooldowns and deadlines), and the
/// owner changes the episode bounds. Whatever it does, the fund's episode bounds hold (E1-E4).
contract EpisodeHandler is Test, EpisodeGhosts {
    uint256 internal constant N = 6;

    BlockETF public immutable fund;
    BlockETFLens public immutable lens;
    MockRebalancer public immutable mock;
    MockWBNB public immutable wbnb;
    address public immutable owner;
    address[N] public tokens;
    MockAggregator[N] public feeds;

    uint256 public refused;
    uint256 public unexpected;
    bytes4 public lastUnexpected;
    mapping(bytes32 => uint256) public calls;

    constructor(
        BlockETF fund_,
        BlockETFLens lens_,
        MockRebalancer mock_,
        MockWBNB wbnb_,
        address owner_,
        address[N] memory tokens_,
        MockAggregator[N] memory feeds_
    ) {
        (fund, lens, mock, wbnb, owner) = (fund_, lens_, mock_, wbnb_, owner_);
        (tokens, feeds) = (tokens_, feeds_);
    }

    function _lens() internal view override returns (BlockETFLens) {
        return lens;
    }

    function _fund() internal view override returns (BlockETF) {
        return fund;
    }

    /* REBALANCER */

    /// @notice A step toward target: sells part of the most over-weight asset for the most under-weight one,
    /// returning its value less 0 .. 1.5 % (the fund's per-step bound is 1 %).
    function stepTowardTarget(uint256 fractionPct, uint256 lossBps) external {
        (uint256[] memory values, uint256 total) = _values();
        (uint256 over, uint256 under, uint256 overBy, uint256 underBy) = _extremes(values, total);
        uint256 usd = (overBy < underBy ? overBy : underBy) * bound(fractionPct, 1, 100) / 100;
        _step(over, under, usd, bound(lossBps, 0, 150));
        calls["stepTowardTarget"]++;
    }

    /// @notice Any trade at all: churn inside the band, overshoots, trades against the target.
    function stepAnyway(uint256 fromSeed, uint256 toSeed, uint256 usd, uint256 lossBps) external {
        uint256 from = fromSeed % N;
        uint256 to = toSeed % N;
        if (to == from) to = (to + 1) % N;
        _step(from, to, bound(usd, 1e18, 5_000e18), bound(lossBps, 0, 150));
        calls["stepAnyway"]++;
    }

    /// @notice The rebalancer says it has nothing to trade: an open episode closes.
    function close() external {
        try mock.run(new uint256[](N), new uint256[](N)) {
            calls["closed"]++;
        } catch (bytes memory reason) {
            _refusal(reason);
        }
    }

    /* MARKET, TIME, OWNER */

    /// @notice One asset by -40 % .. +60 % (oracle only: the scripted rebalancer needs no pool).
    function movePrice(uint256 assetSeed, uint256 factorPct) external {
        uint256 i = assetSeed % (N - 1);
        int256 answer = feeds[i].answer() * int256(bound(factorPct, 60, 160)) / 100;
        feeds[i].setAnswer(answer > 0 ? answer : int256(1));
        calls["movePrice"]++;
    }

    /// @notice 1 second .. 16 hours: inside the interval, past a cooldown, past a 12-hour deadline.
    function advance(uint256 secs) external {
        secs = bound(secs, 1, 16 hours);
        vm.roll(block.number + secs / 3 + 1);
        vm.warp(block.timestamp + secs);
        for (uint256 i; i < N; ++i) {
            feeds[i].setAnswer(feeds[i].answer());
        }
        calls["advance"]++;
    }

    /// @notice The owner moves 5 .. 15 % of target weight from one asset to another: the rule becomes due.
    function retarget(uint256 fromSeed, uint256 toSeed, uint256 bps) external {
        uint256 from = fromSeed % N;
        uint256 to = toSeed % N;
        if (to == from) to = (to + 1) % N;
        uint16[] memory w = new uint16[](N);
        for (uint256 i; i < N; ++i) {
            w[i] = fund.asset(i).weightBps;
        }
        if (w[from] <= 500) return;
        // forge-lint: disable-next-line(unsafe-typecast) -- at most 1,500
        uint16 move = uint16(bound(bps, 500, w[from] > 1_500 ? 1_500 : w[from] - 1));
        (w[from], w[to]) = (w[from] - move, w[to] + move);
        vm.prank(owner);
        fund.setTargetWeights(w);
        calls["retarget"]++;
    }

    /// @notice The owner sets other bounds (within the valid ranges); an open episode ends.
    function setBounds(uint256 interval, uint256 duration, uint256 steps, uint256 lossBps) external {
        uint32 i = uint32(bound(interval, 1, 10 minutes));
        uint32 d = uint32(bound(duration, i, 1 days));
        vm.prank(owner);
        fund.setEpisodeBounds(i, d, uint16(bound(steps, 1, 30)), uint16(bound(lossBps, 1, 300)));
        calls["setBounds"]++;
    }

    /* INTERNAL */

    function _step(uint256 from, uint256 to, uint256 usd, uint256 lossBps) internal {
        uint256[] memory sent = new uint256[](N);
        uint256[] memory back = new uint256[](N);
        sent[from] = _tok(from, usd);
        back[to] = _tok(to, usd * (10_000 - lossBps) / 10_000);
        if (sent[from] == 0) return;
        _give(tokens[to], address(mock), back[to]);
        Before memory b = _beforeStep();
        try mock.run(sent, back) {
            _afterStep(b);
        } catch (bytes memory reason) {
            _refusal(reason);
        }
    }

    /// @dev What the fund may legitimately refuse, typed; anything else is unexpected.
    function _refusal(bytes memory reason) internal {
        // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
        bytes4 s = bytes4(reason);
        if (
            s == ErrorsLib.RebalanceNotNeeded.selector || s == ErrorsLib.EpisodeStepTooSoon.selector
                || s == ErrorsLib.EpisodeLossTooHigh.selector || s == ErrorsLib.RebalanceNoProgress.selector
                || s == ErrorsLib.RebalanceLossTooHigh.selector
                || s == ErrorsLib.RebalanceWeightWorse.selector
                || s == ErrorsLib.RebalanceTradeTooLarge.selector
                || s == ErrorsLib.RebalanceLiquidityShort.selector
                || s == ErrorsLib.NothingToRebalance.selector
        ) {
            refused++;
        } else {
            unexpected++;
            lastUnexpected = s;
        }
    }

    function _values() internal view returns (uint256[] memory values, uint256 total) {
        values = lens.assetValues(address(fund));
        for (uint256 i; i < N; ++i) {
            total += values[i];
        }
    }

    /// @dev The most over-weight and most under-weight assets and by how much (D18{USD}).
    function _extremes(uint256[] memory values, uint256 total)
        internal
        view
        returns (uint256 over, uint256 under, uint256 overBy, uint256 underBy)
    {
        for (uint256 i; i < N; ++i) {
            uint256 target = total * fund.asset(i).weightBps / 10_000;
            if (values[i] > target && values[i] - target > overBy) (over, overBy) = (i, values[i] - target);
            if (values[i] < target && target - values[i] > underBy) {
                (under, underBy) = (i, target - values[i]);
            }
        }
    }

    /// @dev {tok} Asset i worth `usd` (D18) at the feed price.
    function _tok(uint256 i, uint256 usd) internal view returns (uint256) {
        // forge-lint: disable-next-line(unsafe-typecast) -- test feeds are positive
        return usd * 10 ** fund.asset(i).decimals / (uint256(feeds[i].answer()) * 1e10);
    }

    function _give(address token, address to, uint256 amount) internal {
        if (amount == 0) return;
        if (token == address(wbnb)) {
            vm.deal(to, amount);
            vm.prank(to);
            wbnb.deposit{value: amount}();
        } else {
            MockERC20(token).mint(to, amount);
        }
    }
}
