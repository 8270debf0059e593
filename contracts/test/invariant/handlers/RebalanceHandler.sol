// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../../src/BlockETF.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {BlockETFLens} from "../../../src/periphery/BlockETFLens.sol";
import {BlockETFRebalancer} from "../../../src/periphery/BlockETFRebalancer.sol";
import {IVenusFixture} from "../../utils/IVenusFixture.sol";
import {Test} from "../../utils/Test.sol";
import {V3Dex} from "../../utils/dex/V3Dex.sol";
import {MockAggregator} from "../../utils/mocks/MockAggregator.sol";
import {MockVToken} from "../../utils/mocks/MockVToken.sol";
import {MockVenusComptroller} from "../../utils/mocks/MockVenusComptroller.sol";
import {EpisodeGhosts} from "./EpisodeGhosts.sol";

/// @notice Drives a fund and its rebalancer through market moves (feeds and pools, arbitraged), pools
/// pushed off the oracle by an attacker, Venus redeem pauses and cash shortages, time, sweeps and keeper
/// rebalance steps. Each step is checked when it happens (R2, R3); what a step may legitimately refuse is a
/// typed error from a known list, anything else is recorded as unexpected (R4); episodes are booked from the
/// outside (E1-E4, EpisodeGhosts).
contract RebalanceHandler is Test, EpisodeGhosts {
    uint256 internal constant N = 6;
    uint256 internal constant USDT = 5;

    BlockETF public immutable fund;
    BlockETFLens public immutable lens;
    BlockETFRebalancer public immutable rebalancer;
    V3Dex public immutable dex;
    MockVenusComptroller public immutable comptroller;
    address public immutable keeper;
    address[N] public tokens;
    address[N] public pools;
    MockAggregator[N] public feeds;
    MockVToken[N] public vTokens;
    /// @notice Zero: the Venus doubles. Set: Venus's own core pool, driven through its fixture.
    IVenusFixture public immutable realVenus;

    /* GHOSTS */

    uint256 public steps;
    uint256 public completed;
    uint256 public refused;
    uint256 public unexpected;
    bytes4 public lastUnexpected;
    uint256 public lossViolations;
    uint256 public incompleteAtTarget;
    uint256 public closed;
    mapping(bytes32 => uint256) public calls;

    constructor(
        BlockETF fund_,
        BlockETFLens lens_,
        BlockETFRebalancer rebalancer_,
        V3Dex dex_,
        MockVenusComptroller comptroller_,
        address keeper_,
        address[N] memory tokens_,
        address[N] memory pools_,
        MockAggregator[N] memory feeds_,
        MockVToken[N] memory vTokens_,
        IVenusFixture realVenus_
    ) {
        (fund, lens, rebalancer, dex, comptroller, keeper) =
        (fund_, lens_, rebalancer_, dex_, comptroller_, keeper_);
        (tokens, pools, feeds, vTokens, realVenus) = (tokens_, pools_, feeds_, vTokens_, realVenus_);
    }

    function _lens() internal view override returns (BlockETFLens) {
        return lens;
    }

    function _fund() internal view override returns (BlockETF) {
        return fund;
    }

    /* KEEPER */

    function rebalance() external {
        (uint256[] memory sent,) = _tryPreview();
        uint256[] memory valuesBefore = lens.assetValues(address(fund));
        uint256 sentValue;
        for (uint256 i; i < N; ++i) {
            sentValue += sent.length == 0 ? 0 : sent[i] * _price(i) / 10 ** IERC20Meta(tokens[i]).decimals();
        }
        Before memory b = _beforeStep();
        vm.prank(keeper);
        try rebalancer.rebalance() returns (bool complete) {
            // A call with nothing to sell closes the open episode: booked as a close, not a step.
            if (sentValue > 0) _afterStep(b);
            else closed++;
            steps++;
            uint256 before = _sum(valuesBefore);
            uint256 afterwards = _sum(lens.assetValues(address(fund)));
            // R2: a step loses at most the fund's bound (1 %) of what it sent; +1 wei per asset of rounding.
            if (afterwards + sentValue / 100 + N < before) lossViolations++;
            if (complete) {
                completed++;
                uint256[] memory w = lens.currentWeights(address(fund));
                for (uint256 i; i < N; ++i) {
                    uint256 target = fund.asset(i).weightBps;
                    uint256 dev = w[i] > target ? w[i] - target : target - w[i];
                    // R3: a completed rebalance is within a tenth of the threshold of every target.
                    if (dev * 10 > fund.rebalanceThresholdBps()) incompleteAtTarget++;
                }
            }
        } catch (bytes memory reason) {
            // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
            bytes4 s = bytes4(reason);
            if (
                s == ErrorsLib.NothingToRebalance.selector || s == ErrorsLib.RebalanceNotNeeded.selector
                    || s == ErrorsLib.StepTooSoon.selector || s == ErrorsLib.SwapFailed.selector
                    || s == ErrorsLib.FundPaused.selector || s == ErrorsLib.EpisodeLossTooHigh.selector
            ) {
                refused++;
            } else {
                unexpected++;
                lastUnexpected = s;
            }
        }
        calls["rebalance"]++;
    }

    function sweep() external {
        if (fund.paused()) return;
        fund.sweep();
        calls["sweep"]++;
    }

    /* MARKETS AND TIME */

    /// @notice A market move: one asset by -30 % .. +50 %, its feed and its pool (arbitraged) alike.
    function movePrice(uint256 assetSeed, uint256 factorPct) external {
        uint256 i = assetSeed % USDT;
        MockAggregator feed = feeds[i];
        int256 answer = feed.answer() * int256(bound(factorPct, 70, 150)) / 100;
        feed.setAnswer(answer > 0 ? answer : int256(1));
        _arbitrage(i);
        calls["movePrice"]++;
    }

    /// @notice An attacker pushes one pool 0 .. 5 % off the oracle (a sandwich's front-run); the next
    /// `arbitrage` or `movePrice` of that asset puts it back.
    function pushPool(uint256 assetSeed, uint256 bps, bool down) external {
        uint256 i = assetSeed % USDT;
        bps = bound(bps, 0, 500);
        uint256 p = down ? _price(i) * (10_000 - bps) / 10_000 : _price(i) * (10_000 + bps) / 10_000;
        dex.moveTo(pools[i], tokens[i], tokens[USDT], p, _price(USDT));
        calls["pushPool"]++;
    }

    function arbitrage(uint256 assetSeed) external {
        _arbitrage(assetSeed % USDT);
    }

    function advance(uint256 secs) external {
        secs = bound(secs, 1, 2 hours);
        vm.roll(block.number + secs / 3 + 1);
        vm.warp(block.timestamp + secs);
        for (uint256 i; i < N; ++i) {
            feeds[i].setAnswer(feeds[i].answer());
        }
        calls["advance"]++;
    }

    function setRedeemPaused(uint256 marketSeed, bool paused) external {
        address v = address(vTokens[marketSeed % N]);
        if (address(realVenus) != address(0)) realVenus.setActionPaused(v, 1, paused);
        else comptroller.setActionPaused(v, 1, paused);
        calls["venusPause"]++;
    }

    /// @notice A borrower takes 1 .. 90 % of a market's cash (on real Venus, the fixture's borrower).
    function drainCash(uint256 marketSeed, uint256 fraction) external {
        MockVToken v = vTokens[marketSeed % N];
        uint256 amount = v.getCash() * bound(fraction, 1, 90) / 100;
        if (amount == 0) return;
        if (address(realVenus) != address(0)) realVenus.borrow(address(v), amount);
        else v.borrow(amount);
        calls["drainCash"]++;
    }

    /* INTERNAL */

    function _tryPreview() internal view returns (uint256[] memory sent, uint256[] memory spend) {
        try rebalancer.previewStep() returns (uint256[] memory s, uint256[] memory b) {
            return (s, b);
        } catch {}
    }

    function _arbitrage(uint256 i) internal {
        dex.moveTo(pools[i], tokens[i], tokens[USDT], _price(i), _price(USDT));
    }

    function _price(uint256 i) internal view returns (uint256) {
        // forge-lint: disable-next-line(unsafe-typecast) -- test feeds are positive
        return uint256(feeds[i].answer()) * 1e10;
    }

    function _sum(uint256[] memory xs) internal pure returns (uint256 s) {
        for (uint256 i; i < xs.length; ++i) {
            s += xs[i];
        }
    }
}

interface IERC20Meta {
    function decimals() external view returns (uint8);
}
