// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {RedeemPayout, VenusOutcome} from "../../../src/interfaces/IBlockETF.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {MockVToken} from "../../utils/mocks/MockVToken.sol";

contract RedeemTest is BaseTest {
    uint8 internal constant REDEEM = 1;
    uint8 internal constant TRANSFER = 6;

    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
    }

    function _supplyAndAccrue() internal {
        fund.sweep();
        _advance(1_000, 1_000);
    }

    function _redeem(uint256 shares) internal returns (RedeemPayout[] memory) {
        vm.prank(alice);
        return fund.redeem(shares, alice, _zeros());
    }

    function _rate(uint256 i) internal returns (uint256 rate) {
        uint256 snap = vm.snapshotState();
        rate = vTokens[i].exchangeRateCurrent();
        vm.revertToState(snap);
    }

    /* served from the buffer */

    function test_Redeem_FromIdle_PaysPreviewAndBurns() public {
        uint256[] memory preview = lens.previewRedeem(address(fund), 40e18);
        uint256[] memory heldBefore = fund.holdings();
        uint256 supplyBefore = fund.totalSupply();

        RedeemPayout[] memory payouts = _redeem(40e18);

        assertEq(fund.balanceOf(alice), 60e18, "shares burned");
        assertEq(fund.totalSupply(), supplyBefore - 40e18, "supply fell");
        for (uint256 i; i < N; ++i) {
            assertEq(payouts[i].amount, preview[i], "paid == preview");
            assertEq(IERC20(tokens[i]).balanceOf(alice), preview[i], "alice received it");
            assertEq(preview[i], 40e18 * heldBefore[i] / supplyBefore, "pro-rata, rounded down");
            assertEq(fund.holdings()[i], heldBefore[i] - preview[i], "holdings fell by the payout");
            assertEq(payouts[i].vTokens + payouts[i].escrowed, 0, "no vTokens");
        }
    }

    function test_Redeem_EmitsRedeem() public {
        uint256[] memory preview = lens.previewRedeem(address(fund), 1e18);
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.Redeem(alice, bob, 1e18, 0, preview);
        vm.prank(alice);
        fund.redeem(1e18, bob, _zeros());
        assertEq(_balances(bob), preview, "receiver paid");
    }

    function test_Redeem_GivenVenusPositions_IdleServesSmallRedemptions() public {
        _supplyAndAccrue();
        uint256[] memory vBefore = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            vBefore[i] = fund.asset(i).vShares;
        }
        uint256[] memory preview = lens.previewRedeem(address(fund), 5e18);
        _redeem(5e18);
        for (uint256 i; i < N; ++i) {
            assertEq(fund.asset(i).vShares, vBefore[i], "Venus untouched");
            assertEq(IERC20(tokens[i]).balanceOf(alice), preview[i], "paid preview from idle");
        }
    }

    /* pulled from Venus */

    function test_Redeem_FromVenus_PaysPreviewExactly() public {
        _supplyAndAccrue();
        uint256[] memory preview = lens.previewRedeem(address(fund), 50e18);
        uint256 supply = fund.totalSupply();
        RedeemPayout[] memory payouts = _redeem(50e18);
        for (uint256 i; i < N; ++i) {
            assertEq(payouts[i].amount, preview[i], "paid == preview, Venus part included");
            assertEq(IERC20(tokens[i]).balanceOf(alice), preview[i], "received in underlying");
            assertEq(fund.asset(i).idle, 0, "idle spent first");
            assertGt(preview[i] * supply, 50e18 * fund.asset(i).idle, "more than idle was owed");
        }
        assertEq(IERC20(tokens[BNB]).balanceOf(alice), preview[BNB], "BNB came back from vBNB as WBNB");
        assertEq(address(fund).balance, 0, "no BNB left unwrapped");
    }

    function test_Redeem_FromVenus_KeepsHoldingsPerShare() public {
        _supplyAndAccrue();
        uint256[] memory heldBefore = fund.holdings();
        uint256 supplyBefore = fund.totalSupply();
        _redeem(50e18);
        uint256[] memory heldAfter = fund.holdings();
        uint256 supplyAfter = fund.totalSupply();
        for (uint256 i; i < N; ++i) {
            // held/supply never falls for the holders who stay (cross-multiplied).
            assertGe(heldAfter[i] * supplyBefore, heldBefore[i] * supplyAfter, "per-share holdings kept");
        }
    }

    function test_Redeem_GivenTreasuryFee_RedeemerBearsIt() public {
        _supplyAndAccrue();
        _setVenusTreasuryPercent(0.01e18);
        uint256[] memory heldBefore = fund.holdings();
        uint256 supplyBefore = fund.totalSupply();
        uint256[] memory preview = lens.previewRedeem(address(fund), 50e18);
        uint256 idleBefore = fund.asset(USDT).idle;
        _redeem(50e18);
        uint256 fromVenus = preview[USDT] - idleBefore;
        assertEq(
            IERC20(tokens[USDT]).balanceOf(alice), preview[USDT] - fromVenus / 100, "1% of the Venus part"
        );
        uint256[] memory heldAfter = fund.holdings();
        for (uint256 i; i < N; ++i) {
            assertGe(
                heldAfter[i] * supplyBefore, heldBefore[i] * fund.totalSupply(), "others keep their share"
            );
        }
    }

    /* Venus cannot pay: vTokens */

    function test_Redeem_GivenVenusRedeemPaused_PaysVTokens() public {
        _supplyAndAccrue();
        _setVenusActionPaused(address(vTokens[BTC]), REDEEM, true);
        uint256[] memory preview = lens.previewRedeem(address(fund), 50e18);
        uint256 idle = fund.asset(BTC).idle;
        uint256 rate = _rate(BTC);
        uint256 vOut = (preview[BTC] - idle) * 1e18 / rate;

        vm.expectEmit(true, true, true, true, address(fund));
        emit EventsLib.RedeemInVTokens(alice, BTC, address(vTokens[BTC]), vOut, false, VenusOutcome.Paused);
        RedeemPayout[] memory payouts = _redeem(50e18);

        assertEq(payouts[BTC].amount, idle, "the idle part in BTCB");
        assertEq(payouts[BTC].vTokens, vOut, "the rest in vBTC");
        assertEq(vTokens[BTC].balanceOf(alice), vOut, "alice holds the vBTC");
        uint256 value = idle + vOut * rate / 1e18;
        assertLe(value, preview[BTC], "never more than owed");
        assertApproxEqAbs(value, preview[BTC], rate / 1e18 + 1, "at most one vToken unit less than owed");
        for (uint256 i; i < N; ++i) {
            if (i != BTC) assertEq(payouts[i].amount, preview[i], "other assets paid in full");
        }
    }

    function test_Redeem_GivenCashShort_PaysCashThenVTokens() public {
        _supplyAndAccrue();
        MockVToken v = vTokens[USDT];
        _drainVenusCash(USDT, 10e18); // 10 USDT of cash left
        uint256[] memory preview = lens.previewRedeem(address(fund), 50e18);
        uint256 idle = fund.asset(USDT).idle;
        RedeemPayout[] memory payouts = _redeem(50e18);
        assertEq(payouts[USDT].amount, idle + 10e18, "idle plus all the cash");
        uint256 rate = _rate(USDT);
        assertEq(payouts[USDT].vTokens, (preview[USDT] - idle - 10e18) * 1e18 / rate, "the rest in vUSDT");
        assertEq(v.getCash(), 0, "market drained");
    }

    function test_Redeem_GivenErrorCode_PaysVTokens() public virtual {
        _supplyAndAccrue();
        vTokens[ETH].setFailMode(MockVToken.FailMode.ReturnCode);
        vTokens[ETH].setForcedError(3);
        uint256[] memory preview = lens.previewRedeem(address(fund), 50e18);
        uint256 idle = fund.asset(ETH).idle;
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.WithdrawFailed(
            ETH, address(vTokens[ETH]), preview[ETH] - idle, VenusOutcome.ErrorCode, 3
        );
        RedeemPayout[] memory payouts = _redeem(50e18);
        assertEq(payouts[ETH].amount, idle, "idle part only in ETH");
        assertGt(payouts[ETH].vTokens, 0, "rest in vETH");
    }

    function test_Redeem_GivenVenusReverts_PaysVTokens() public virtual {
        _supplyAndAccrue();
        vTokens[SOL].setForcedError(9);
        uint256 idle = fund.asset(SOL).idle;
        RedeemPayout[] memory payouts = _redeem(50e18);
        assertEq(payouts[SOL].amount, idle, "idle part only in SOL");
        assertGt(payouts[SOL].vTokens, 0, "rest in vSOL");
    }

    /// @dev Venus's protocol pause stops vToken transfers too (its transferAllowed checks it), so every
    /// market's Venus part is escrowed, and claimable in the underlying once Venus resumes.
    function test_Redeem_GivenProtocolPaused_EscrowsEveryMarketForClaim() public {
        _supplyAndAccrue();
        _setVenusProtocolPaused(true);
        RedeemPayout[] memory payouts = _redeem(50e18);
        for (uint256 i; i < N; ++i) {
            address v = address(vTokens[i]);
            assertEq(payouts[i].vTokens, 0, "no vToken moves while Venus is paused");
            assertGt(payouts[i].escrowed, 0, "every market's Venus part escrowed");
            assertEq(fund.escrowedVTokens(alice, v), payouts[i].escrowed, "alice's claim");
            assertEq(vTokens[i].balanceOf(alice), 0, "alice holds no vTokens");
        }

        _setVenusProtocolPaused(false);
        for (uint256 i; i < N; ++i) {
            address v = address(vTokens[i]);
            uint256 rate = _rate(i);
            vm.prank(alice);
            (uint256 amount, uint256 vOut) = fund.claim(v, alice);
            assertEq(
                amount, payouts[i].escrowed * rate / 1e18, "claimed in the underlying once Venus resumes"
            );
            assertEq(vOut, 0, "no vTokens");
            assertEq(fund.totalEscrowed(v), 0, "escrow cleared");
        }
    }

    /* vTokens cannot move either: escrow, then claim */

    function test_Redeem_GivenTransferPausedToo_EscrowsForClaim() public {
        _supplyAndAccrue();
        address vSol = address(vTokens[SOL]);
        _setVenusActionPaused(vSol, REDEEM, true);
        _setVenusActionPaused(vSol, TRANSFER, true);
        uint256 vSharesBefore = fund.asset(SOL).vShares;

        RedeemPayout[] memory payouts = _redeem(50e18);

        uint256 escrowed = payouts[SOL].escrowed;
        assertGt(escrowed, 0, "escrowed");
        assertEq(payouts[SOL].vTokens, 0, "nothing transferred");
        assertEq(fund.escrowedVTokens(alice, vSol), escrowed, "alice's claim");
        assertEq(fund.totalEscrowed(vSol), escrowed, "total escrow");
        assertEq(fund.asset(SOL).vShares, vSharesBefore - escrowed, "escrow left the holders' position");
        assertEq(
            vTokens[SOL].balanceOf(address(fund)), fund.asset(SOL).vShares + escrowed, "vTokens all accounted"
        );

        _setVenusActionPaused(vSol, REDEEM, false);
        uint256 rate = _rate(SOL);
        vm.prank(alice);
        (uint256 amount, uint256 vOut) = fund.claim(vSol, alice);
        assertEq(amount, escrowed * rate / 1e18, "claimed in underlying at the accrued rate");
        assertEq(vOut, 0, "no vTokens");
        assertEq(fund.escrowedVTokens(alice, vSol), 0, "claim cleared");
        assertEq(fund.totalEscrowed(vSol), 0, "escrow cleared");
    }

    /* liveness and inputs */

    function test_Redeem_GivenFundPaused_Works() public {
        vm.prank(guardian);
        fund.pause();
        uint256[] memory preview = lens.previewRedeem(address(fund), 10e18);
        _redeem(10e18);
        assertEq(_balances(alice), preview, "redemption works while paused");
    }

    function test_Redeem_GivenRateUnavailable_PaysInKind() public {
        fund.sweep();
        _setVenusRateFails(true); // from the next block: markets accrued in this one still price
        _advance(1_000, 1_000);
        uint256 supply = fund.totalSupply();
        uint256[] memory idle = new uint256[](N);
        uint256[] memory vShares = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            (idle[i], vShares[i]) = (fund.asset(i).idle, fund.asset(i).vShares);
        }
        RedeemPayout[] memory payouts = _redeem(50e18);
        for (uint256 i; i < N; ++i) {
            assertEq(payouts[i].amount, 50e18 * idle[i] / supply, "idle pro-rata");
            assertEq(payouts[i].vTokens, 50e18 * vShares[i] / supply, "vTokens pro-rata");
        }
    }

    function test_Redeem_EveryHolderCanLeave() public {
        _supplyAndAccrue();
        _redeem(100e18);
        uint256 seederShares = fund.balanceOf(seeder);
        vm.prank(seeder);
        fund.redeem(seederShares, seeder, _zeros());
        assertEq(fund.totalSupply(), 1e9, "only the dead shares remain");
        uint256[] memory held = fund.holdings();
        for (uint256 i; i < N; ++i) {
            assertGt(held[i], 0, "the dead shares keep a tiny basket");
        }
    }

    function test_Redeem_RevertWhen_MinAmountNotMet() public {
        uint256[] memory preview = lens.previewRedeem(address(fund), 10e18);
        uint256[] memory minAmounts = new uint256[](N);
        minAmounts[XRP] = preview[XRP] + 1;
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.MinAmountNotMet.selector, XRP, preview[XRP], preview[XRP] + 1)
        );
        vm.prank(alice);
        fund.redeem(10e18, alice, minAmounts);
    }

    function test_Redeem_RevertWhen_ZeroShares() public {
        vm.expectRevert(ErrorsLib.ZeroShares.selector);
        _redeem(0);
    }

    function test_Redeem_RevertWhen_ZeroReceiver() public {
        vm.expectRevert(ErrorsLib.ZeroAddress.selector);
        vm.prank(alice);
        fund.redeem(1e18, address(0), _zeros());
    }

    function test_Redeem_RevertWhen_LengthMismatch() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.LengthMismatch.selector, N, 1));
        vm.prank(alice);
        fund.redeem(1e18, alice, new uint256[](1));
    }

    function test_Redeem_RevertWhen_MoreThanBalance() public {
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, alice, 100e18, 100e18 + 1)
        );
        _redeem(100e18 + 1);
    }

    /* claim */

    function test_Claim_RevertWhen_NothingToClaim() public {
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.NothingToClaim.selector, alice, address(vTokens[BTC]))
        );
        vm.prank(alice);
        fund.claim(address(vTokens[BTC]), alice);
    }

    function _escrowSol() internal returns (uint256 escrowed) {
        _supplyAndAccrue();
        _setVenusActionPaused(address(vTokens[SOL]), REDEEM, true);
        _setVenusActionPaused(address(vTokens[SOL]), TRANSFER, true);
        escrowed = _redeem(50e18)[SOL].escrowed;
    }

    function test_Claim_RevertWhen_MarketStillUnavailable() public {
        _escrowSol();
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ClaimUnavailable.selector, address(vTokens[SOL])));
        vm.prank(alice);
        fund.claim(address(vTokens[SOL]), alice);
    }

    function test_Claim_GivenOnlyTransferAllowed_PaysVTokens() public {
        uint256 escrowed = _escrowSol();
        _setVenusActionPaused(address(vTokens[SOL]), TRANSFER, false);
        vm.prank(alice);
        (uint256 amount, uint256 vOut) = fund.claim(address(vTokens[SOL]), bob);
        assertEq(amount, 0, "no underlying");
        assertEq(vOut, escrowed, "all vTokens");
        assertEq(vTokens[SOL].balanceOf(bob), escrowed, "to the receiver");
    }

    function test_Claim_GivenCashShort_PaysCashAndKeepsTheRestEscrowed() public {
        uint256 escrowed = _escrowSol();
        _setVenusActionPaused(address(vTokens[SOL]), REDEEM, false);
        MockVToken v = vTokens[SOL];
        _drainVenusCash(SOL, 1e18); // 1 SOL of cash left
        vm.prank(alice);
        (uint256 amount, uint256 vOut) = fund.claim(address(v), alice);
        assertEq(amount, 1e18, "all the cash");
        assertEq(vOut, 0, "transfer still paused");
        uint256 left = fund.escrowedVTokens(alice, address(v));
        assertGt(left, 0, "the rest stays escrowed");
        assertLt(left, escrowed, "part was paid");
        assertEq(fund.totalEscrowed(address(v)), left, "total escrow follows");
    }
}
