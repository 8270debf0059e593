// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../src/BlockETF.sol";
import {Route} from "../../src/interfaces/IBlockETFRebalancer.sol";
import {BlockETFRebalancer} from "../../src/periphery/BlockETFRebalancer.sol";
import {BlockETFRouter} from "../../src/periphery/BlockETFRouter.sol";
import {BaseTest} from "./BaseTest.sol";
import {V3Dex} from "./dex/V3Dex.sol";

/// @notice BaseTest's fund (swept into Venus) with devnet-like V3 pools: every asset against USDT at the
/// oracle prices, full range, $5M each, PancakeSwap tiers (BTC/ETH/BNB 0.05 %, XRP/SOL 0.25 %); the fund's
/// rebalancer holds the single-hop routes, and the router is deployed.
abstract contract RouterBaseTest is BaseTest {
    /// @dev D18{USD} Value of each pool.
    uint256 internal constant POOL_VALUE = 5_000_000e18;
    /// @dev {bps} Largest refund `mintWithStable` may leave on these pools (the issue's bound).
    uint256 internal constant MAX_DUST_BPS = 10;

    V3Dex internal dex;
    address[N] internal pools;
    BlockETFRebalancer internal rebalancer;
    BlockETFRouter internal router;
    address internal usdt;

    event log_named_uint(string key, uint256 val);

    function setUp() public virtual override {
        super.setUp();
        usdt = tokens[USDT];
        dex = new V3Dex(wbnb, _dexKind());
        for (uint256 i; i < N; ++i) {
            if (i == USDT) continue;
            pools[i] = dex.createPool(tokens[i], usdt, FEES[i], _price(i), _price(USDT), POOL_VALUE);
        }
        rebalancer = _rebalancerOf(fund);
        vm.prank(owner);
        fund.setRebalancer(address(rebalancer));
        router = new BlockETFRouter();
        vm.label(address(router), "router");
        fund.sweep();
    }

    /// @dev The DEX the tests run on: PancakeSwap V3's own contracts (BNB Chain's), unless a suite proves
    /// the periphery on Uniswap V3's (test/unit/*/*OnUniswapV3.t.sol).
    function _dexKind() internal pure virtual returns (V3Dex.Kind) {
        return V3Dex.Kind.PancakeSwap;
    }

    /// @dev A rebalancer of `f` with the single-hop routes.
    function _rebalancerOf(BlockETF f) internal returns (BlockETFRebalancer r) {
        r = new BlockETFRebalancer(address(f), dex.router(), USDT, owner);
        for (uint256 i; i < N; ++i) {
            if (i == USDT) continue;
            vm.prank(owner);
            r.setRoute(i, _route(i, FEES[i]));
        }
    }

    /// @dev The router reads only the paths; the bound is the fee tier plus 1 %, as `setRoute` requires a
    /// bound above the route's fees.
    function _route(uint256 i, uint24 fee) internal view returns (Route memory) {
        return Route({
            sellPath: abi.encodePacked(tokens[i], fee, usdt),
            buyPath: abi.encodePacked(usdt, fee, tokens[i]),
            maxSlippageBps: uint16(fee / 100 + 100),
            maxTradeValue: 1_000_000e18
        });
    }

    /// @dev D18{USD/tok} Oracle price of asset i.
    function _price(uint256 i) internal view returns (uint256) {
        return uint256(PRICES[i]) * 1e10;
    }

    /// @dev Gives `who` `amount` of USDT approved to the router.
    function _giveStable(address who, uint256 amount) internal {
        _give(usdt, who, amount);
        vm.prank(who);
        IERC20(usdt).approve(address(router), amount);
    }

    /// @dev D18{USD} Oracle value of `shares` (NAV per share, fee-inclusive supply).
    function _shareValue(uint256 shares) internal view returns (uint256) {
        return lens.totalValue(address(fund)) * shares / fund.totalSupplyWithFees();
    }

    /// @dev The router holds no token, share or allowance after any call.
    function _assertRouterEmpty() internal view {
        for (uint256 i; i < N; ++i) {
            assertEq(IERC20(tokens[i]).balanceOf(address(router)), 0, "router holds no asset");
            assertEq(IERC20(address(vTokens[i])).balanceOf(address(router)), 0, "router holds no vToken");
            assertEq(IERC20(tokens[i]).allowance(address(router), dex.router()), 0, "no allowance to the dex");
            assertEq(
                IERC20(tokens[i]).allowance(address(router), address(fund)), 0, "no allowance to the fund"
            );
        }
        assertEq(fund.balanceOf(address(router)), 0, "router holds no share");
    }
}
