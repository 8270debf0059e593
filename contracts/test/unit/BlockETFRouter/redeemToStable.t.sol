// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ConstantsLib} from "../../../src/libraries/ConstantsLib.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BlockETFRebalancer} from "../../../src/periphery/BlockETFRebalancer.sol";
import {RouterBaseTest} from "../../utils/RouterBaseTest.sol";

contract RedeemToStableTest is RouterBaseTest {
    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
        fund.sweep();
        vm.prank(alice);
        fund.approve(address(router), type(uint256).max);
    }

    function _redeem(uint256 shares, uint256 minOut) internal returns (uint256 out, uint256[] memory vOut) {
        vm.prank(alice);
        (out, vOut) = router.redeemToStable(address(fund), shares, minOut, alice, block.timestamp);
    }

    function test_RedeemToStable_PaysStable() public {
        uint256 value = _shareValue(1e18);
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), 1e18);
        (uint256 out, uint256[] memory vOut) = _redeem(1e18, quoted);
        assertEq(out, quoted, "stableOut == quote");
        assertEq(IERC20(usdt).balanceOf(alice), out, "alice got it");
        assertEq(fund.balanceOf(alice), 99e18, "shares burned");
        assertEq(_sumOf(vOut), 0, "Venus paid: no vTokens");
        assertLe(out, value, "never more than the NAV");
        assertGe(out * 10_000, value * 9980, "NAV less pool fees");
        _assertRouterEmpty();
    }

    function test_RedeemToStable_FromVenus_EqualsQuote() public {
        // 40 % of the supply: beyond the idle buffers, the fund withdraws from every market.
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), 80e18);
        (uint256 out,) = _redeem(80e18, 0);
        assertEq(out, quoted, "stableOut == quote");
        _assertRouterEmpty();
    }

    function test_RedeemToStable_GivenRedeemFee() public {
        vm.startPrank(owner);
        fund.setRedeemFee(50);
        vm.stopPrank();
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), 1e18);
        (uint256 out,) = _redeem(1e18, 0);
        assertEq(out, quoted, "stableOut == quote, fee taken");
        assertEq(fund.balanceOf(feeRecipient), 1e18 * 50 / 10_000, "fee shares to the recipient");
    }

    function test_RedeemToStable_GivenPaused_StillRedeems() public {
        vm.prank(guardian);
        fund.pause();
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), 1e18);
        (uint256 out,) = _redeem(1e18, 0);
        assertEq(out, quoted, "redeem works while paused");
    }

    function test_RedeemToStable_EmitsRedeemToStable() public {
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), 1e18);
        vm.expectEmit(true, true, true, true, address(router));
        emit EventsLib.RedeemToStable(address(fund), alice, bob, 1e18, quoted, new uint256[](N));
        vm.prank(alice);
        router.redeemToStable(address(fund), 1e18, 0, bob, block.timestamp);
        assertEq(IERC20(usdt).balanceOf(bob), quoted, "receiver paid");
    }

    function test_RedeemToStable_GivenVenusRedeemPaused_PassesVTokens() public {
        _setVenusActionPaused(address(vTokens[BTC]), ConstantsLib.VENUS_ACTION_REDEEM, true);
        (uint256 quoted, uint256[] memory quotedV) = router.quoteRedeemToStable(address(fund), 80e18);
        (uint256 out, uint256[] memory vOut) = _redeem(80e18, 0);
        assertGt(vOut[BTC], 0, "BTC's Venus part paid in vBTC");
        assertEq(vOut, quotedV, "vTokens == quote");
        assertEq(IERC20(address(vTokens[BTC])).balanceOf(alice), vOut[BTC], "vTokens passed to the receiver");
        for (uint256 i; i < N; ++i) {
            if (i != BTC) assertEq(vOut[i], 0, "the others paid by Venus");
        }
        assertEq(out, quoted, "stableOut == quote: the quote knows Venus cannot pay");
        _assertRouterEmpty();
    }

    function test_RedeemToStable_RevertWhen_VTokensEscrowed() public {
        _setVenusActionPaused(address(vTokens[ETH]), ConstantsLib.VENUS_ACTION_REDEEM, true);
        _setVenusActionPaused(address(vTokens[ETH]), ConstantsLib.VENUS_ACTION_TRANSFER, true);
        vm.expectPartialRevert(ErrorsLib.RedeemEscrowed.selector);
        _redeem(80e18, 0);
    }

    function test_RedeemToStable_RevertWhen_MinStableOutNotMet() public {
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), 1e18);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.MinStableOutNotMet.selector, quoted + 1, quoted));
        _redeem(1e18, quoted + 1);
    }

    function test_RedeemToStable_RevertWhen_SandwichedBelowMinStableOut() public {
        (uint256 quoted,) = router.quoteRedeemToStable(address(fund), 20e18);
        uint256 minOut = quoted * 9950 / 10_000;
        // The attacker dumps BTC 3 % below before alice's sale.
        dex.moveTo(pools[BTC], tokens[BTC], usdt, _price(BTC) * 97 / 100, _price(USDT));
        (uint256 sandwiched,) = router.quoteRedeemToStable(address(fund), 20e18);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.MinStableOutNotMet.selector, minOut, sandwiched));
        _redeem(20e18, minOut);
    }

    function test_RedeemToStable_RevertWhen_DeadlinePassed() public {
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.DeadlinePassed.selector, block.timestamp - 1, block.timestamp)
        );
        vm.prank(alice);
        router.redeemToStable(address(fund), 1e18, 0, alice, block.timestamp - 1);
    }

    function test_RedeemToStable_RevertWhen_ZeroShares() public {
        vm.expectRevert(ErrorsLib.ZeroShares.selector);
        _redeem(0, 0);
        vm.expectRevert(ErrorsLib.ZeroShares.selector);
        router.quoteRedeemToStable(address(fund), 0);
    }

    function test_RedeemToStable_RevertWhen_ZeroReceiver() public {
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        vm.prank(alice);
        router.redeemToStable(address(fund), 1e18, 0, address(0), block.timestamp);
    }

    function test_RedeemToStable_RevertWhen_NoRebalancer() public {
        vm.prank(owner);
        fund.setRebalancer(address(0));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoStableSleeve.selector, address(fund)));
        _redeem(1e18, 0);
    }

    function test_RedeemToStable_RevertWhen_RouteMissing() public {
        BlockETFRebalancer bare = new BlockETFRebalancer(address(fund), dex.router(), USDT, owner);
        vm.prank(owner);
        fund.setRebalancer(address(bare));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NoRoute.selector, address(fund), BTC));
        _redeem(1e18, 0);
    }

    function test_RedeemToStable_RevertWhen_RouteHasNoLiquidity() public {
        // A route through the 1 % tier, whose pool exists but holds no liquidity.
        dex.createEmptyPool(tokens[XRP], usdt, 10_000, _price(XRP), _price(USDT));
        vm.prank(owner);
        rebalancer.setRoute(XRP, _route(XRP, 10_000));
        uint256 owed = lens.previewRedeem(address(fund), 1e18)[XRP];
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SellFailed.selector, XRP, owed));
        _redeem(1e18, 0);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.SellFailed.selector, XRP, owed));
        router.quoteRedeemToStable(address(fund), 1e18);
    }
}
