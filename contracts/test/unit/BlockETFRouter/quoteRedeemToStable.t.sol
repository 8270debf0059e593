// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ConstantsLib} from "../../../src/libraries/ConstantsLib.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {RouterBaseTest} from "../../utils/RouterBaseTest.sol";

/// @notice `quoteRedeemToStable` quotes what `redeemToStable` pays, in the stablecoin and in vTokens, however
/// Venus fails to pay: its quote is a valid `minStableOut` and equals execution in the same block.
contract QuoteRedeemToStableTest is RouterBaseTest {
    uint256 internal constant SHARES = 80e18; // 40 % of the supply: every asset reaches Venus

    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
        fund.sweep();
        _advance(100, 300);
        vm.prank(alice);
        fund.approve(address(router), type(uint256).max);
    }

    /// @dev Quotes, redeems with the quote as `minStableOut`, and checks both parts equal the quote.
    function _assertQuoteEqualsExecution() internal returns (uint256[] memory vOut) {
        (uint256 quoted, uint256[] memory quotedV) = router.quoteRedeemToStable(address(fund), SHARES);
        vm.prank(alice);
        uint256 out;
        (out, vOut) = router.redeemToStable(address(fund), SHARES, quoted, alice, block.timestamp);
        assertEq(out, quoted, "stableOut == quote");
        assertEq(vOut, quotedV, "vTokens == quote");
        for (uint256 i; i < N; ++i) {
            assertEq(IERC20Like(address(vTokens[i])).balanceOf(alice), vOut[i], "vTokens passed on");
        }
        _assertRouterEmpty();
    }

    function test_QuoteRedeemToStable_GivenVenusPays_NoVTokens() public {
        uint256[] memory vOut = _assertQuoteEqualsExecution();
        assertEq(_sumOf(vOut), 0, "none");
    }

    function test_QuoteRedeemToStable_GivenVenusRedeemPaused_QuotesTheVTokens() public {
        _setVenusActionPaused(address(vTokens[BTC]), ConstantsLib.VENUS_ACTION_REDEEM, true);
        uint256[] memory vOut = _assertQuoteEqualsExecution();
        assertGt(vOut[BTC], 0, "BTC's Venus part in vBTC");
    }

    function test_QuoteRedeemToStable_GivenCashShort_QuotesCashThenVTokens() public {
        _drainVenusCash(ETH, 1e16); // 0.01 ETH of cash left
        uint256[] memory vOut = _assertQuoteEqualsExecution();
        assertGt(vOut[ETH], 0, "the rest of ETH in vETH");
    }

    function test_QuoteRedeemToStable_GivenTreasuryFee_QuotesWhatVenusPaysNet() public {
        _setVenusTreasuryPercent(0.01e18);
        _assertQuoteEqualsExecution();
    }

    function test_QuoteRedeemToStable_GivenRateUnavailable_QuotesThePaymentInKind() public {
        _setVenusRateFails(true);
        _advance(10, 30);
        uint256[] memory vOut = _assertQuoteEqualsExecution();
        for (uint256 i; i < N; ++i) {
            assertGt(vOut[i], 0, "every Venus part in vTokens, pro-rata");
        }
    }

    function test_QuoteRedeemToStable_GivenWrittenOff_QuotesThePaymentInKind() public {
        address vSol = address(vTokens[SOL]);
        bytes memory code = vSol.code;
        vm.etch(vSol, hex"5f5ffd");
        vm.prank(guardian);
        fund.writeOffVenus(SOL);
        // While the market reverts its vTokens cannot move: the fund would escrow them, the router refuses.
        vm.expectPartialRevert(ErrorsLib.RedeemEscrowed.selector);
        router.quoteRedeemToStable(address(fund), SHARES);

        vm.etch(vSol, code); // it answers again, still written off: its vTokens are paid in kind
        uint256 vShares = fund.asset(SOL).vShares;
        uint256 supply = fund.totalSupply();
        uint256[] memory vOut = _assertQuoteEqualsExecution();
        assertEq(vOut[SOL], SHARES * vShares / supply, "pro-rata of the written-off vTokens");
    }

    function test_QuoteRedeemToStable_RevertWhen_VTokensWouldBeEscrowed() public {
        _setVenusActionPaused(address(vTokens[ETH]), ConstantsLib.VENUS_ACTION_REDEEM, true);
        _setVenusActionPaused(address(vTokens[ETH]), ConstantsLib.VENUS_ACTION_TRANSFER, true);
        vm.expectPartialRevert(ErrorsLib.RedeemEscrowed.selector);
        router.quoteRedeemToStable(address(fund), SHARES);
        vm.expectPartialRevert(ErrorsLib.RedeemEscrowed.selector);
        vm.prank(alice);
        router.redeemToStable(address(fund), SHARES, 0, alice, block.timestamp);
    }

    function testFuzz_QuoteRedeemToStable_GivenCashShort_EqualsExecution(uint256 cashBps, uint256 marketSeed)
        public
    {
        uint256 i = marketSeed % N;
        uint256 cash = vTokens[i].getCash() * bound(cashBps, 0, 100) / 10_000;
        _drainVenusCash(i, cash);
        _assertQuoteEqualsExecution();
    }
}

interface IERC20Like {
    function balanceOf(address) external view returns (uint256);
}
