// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {Route} from "../../src/interfaces/IBlockETFRebalancer.sol";
import {BlockETFRebalancer} from "../../src/periphery/BlockETFRebalancer.sol";
import {BaseTest} from "./BaseTest.sol";
import {V3Dex} from "./dex/V3Dex.sol";

/// @notice BaseTest's fund swept into the Venus doubles, PancakeSwap V3's own DEX (npm artifacts) with a $5M
/// full-range pool of every asset against USDT at the feed prices, and a BlockETFRebalancer routed through
/// them and set on the fund.
abstract contract RebalanceBaseTest is BaseTest {
    uint256 internal constant POOL_VALUE = 50_000_000e18;
    uint16 internal constant SLIPPAGE_BPS = 50;
    uint256 internal constant MAX_TRADE = 1_000_000e18;

    V3Dex internal dex;
    address[N] internal pools;
    BlockETFRebalancer internal rebalancer;
    address internal attacker = makeAddr("attacker");

    function setUp() public virtual override {
        super.setUp();
        dex = new V3Dex(wbnb, _dexKind());
        for (uint256 i; i < N; ++i) {
            if (i == USDT) continue;
            pools[i] = dex.createPool(tokens[i], tokens[USDT], FEES[i], _price(i), _price(USDT), POOL_VALUE);
            vm.label(pools[i], string.concat(SYMBOLS[i], "/USDT pool"));
        }
        rebalancer = new BlockETFRebalancer(address(fund), dex.router(), USDT, owner);
        vm.label(address(rebalancer), "rebalancer");
        vm.startPrank(owner);
        for (uint256 i; i < N; ++i) {
            if (i != USDT) rebalancer.setRoute(i, _route(i, SLIPPAGE_BPS, MAX_TRADE));
        }
        fund.setRebalancer(address(rebalancer));
        vm.stopPrank();
        fund.sweep();
    }

    /// @dev The DEX the tests run on: PancakeSwap V3's own contracts (BNB Chain's), unless a suite proves
    /// the periphery on Uniswap V3's (test/unit/*/*OnUniswapV3.t.sol).
    function _dexKind() internal pure virtual returns (V3Dex.Kind) {
        return V3Dex.Kind.PancakeSwap;
    }

    function _route(uint256 i, uint16 slippageBps, uint256 maxTrade) internal view returns (Route memory) {
        return Route(
            abi.encodePacked(tokens[i], FEES[i], tokens[USDT]),
            abi.encodePacked(tokens[USDT], FEES[i], tokens[i]),
            slippageBps,
            maxTrade
        );
    }

    /// @dev D18{USD/tok} The feed's current price.
    function _price(uint256 i) internal view returns (uint256) {
        // forge-lint: disable-next-line(unsafe-typecast) -- test feeds are positive
        return uint256(feeds[i].answer()) * 1e10;
    }

    /// @dev The market moves: asset i's feed and its pool (arbitraged) go to `priceD8`.
    function _setPrice(uint256 i, int256 priceD8) internal {
        feeds[i].setAnswer(priceD8);
        if (i != USDT) dex.moveTo(pools[i], tokens[i], tokens[USDT], _price(i), _price(USDT));
    }

    /// @dev Scales asset i's price by `bps` / 10,000.
    function _shock(uint256 i, uint256 bps) internal {
        // forge-lint: disable-next-line(unsafe-typecast) -- test prices are far below 2^255
        _setPrice(i, feeds[i].answer() * int256(bps) / 10_000);
    }

    /// @dev D18{USD} Oracle value of each asset and the total, from the Lens.
    function _values() internal view returns (uint256[] memory v, uint256 total) {
        v = lens.assetValues(address(fund));
        total = _sumOf(v);
    }

    /// @dev {bps} Absolute deviation of each weight from its target (as the rule rounds it).
    function _deviations() internal view returns (uint256[] memory d, uint256 maxDev) {
        uint256[] memory w = lens.currentWeights(address(fund));
        d = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            d[i] = w[i] > WEIGHTS[i] ? w[i] - WEIGHTS[i] : WEIGHTS[i] - w[i];
            if (d[i] > maxDev) maxDev = d[i];
        }
    }

    function _assertRebalancerEmpty() internal view {
        for (uint256 i; i < N; ++i) {
            assertEq(IERC20(tokens[i]).balanceOf(address(rebalancer)), 0, "no token left in the rebalancer");
        }
    }

    function _step() internal returns (bool complete) {
        vm.prank(keeper);
        complete = rebalancer.rebalance();
    }
}
