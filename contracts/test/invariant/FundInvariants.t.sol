// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {Asset} from "../../src/interfaces/IBlockETF.sol";
import {LensFund} from "../../src/interfaces/IBlockETFLens.sol";
import {ConstantsLib} from "../../src/libraries/ConstantsLib.sol";
import {ErrorsLib} from "../../src/libraries/ErrorsLib.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {FundHandler} from "./handlers/FundHandler.sol";

/// @notice Invariants of the fund under random sequences of holder, keeper, guardian and market actions
/// (see README.md in this folder for the list and ids).
contract FundInvariantsTest is BaseTest {
    FundHandler internal handler;

    function setUp() public virtual override {
        super.setUp();
        vm.prank(owner);
        fund.setManagementFee(200);
        handler = new FundHandler(
            fund, lens, comptroller, irm, wbnb, tokens, vTokens, feeds, guardian, owner, realVenus
        );
        targetContract(address(handler));
        excludeSender(address(fund));
    }

    /// @dev I1: every token the fund counts as idle is in its balance; the only surplus is donations.
    function invariant_IdleIsBacked() public view {
        for (uint256 i; i < N; ++i) {
            assertEq(
                IERC20(tokens[i]).balanceOf(address(fund)),
                fund.asset(i).idle + handler.donated(i),
                "I1 idle backed"
            );
        }
        assertEq(address(fund).balance, 0, "I1 no raw BNB left behind");
    }

    /// @dev I2: the fund's vTokens are exactly the holders' position plus the escrowed claims.
    function invariant_VTokensAccounted() public view {
        address[3] memory actors = handler.actorList();
        for (uint256 i; i < N; ++i) {
            address v = address(vTokens[i]);
            uint256 escrowed = fund.totalEscrowed(v);
            assertEq(
                vTokens[i].balanceOf(address(fund)), fund.asset(i).vShares + escrowed, "I2 vTokens accounted"
            );
            uint256 claims;
            for (uint256 a; a < actors.length; ++a) {
                claims += fund.escrowedVTokens(actors[a], v);
            }
            assertEq(claims, escrowed, "I2 escrow = sum of claims");
        }
    }

    /// @dev I3: holdings = idle + Venus underlying at the rate Venus's own accrual gives this block (nothing
    /// for a written-off position). While some position's rate cannot be computed (Venus's own accrual
    /// reverts),
    /// `holdings()` must refuse with `VenusRateUnavailable` and the Lens must flag it: never a wrong number.
    function invariant_HoldingsEqualIdlePlusVenusUnderlying() public {
        uint256[] memory expected = new uint256[](N);
        bool unknowable;
        uint256 snap = vm.snapshotState();
        for (uint256 i; i < N; ++i) {
            Asset memory a = fund.asset(i);
            expected[i] = a.idle;
            if (a.vShares == 0 || a.writtenOff) continue;
            try vTokens[i].exchangeRateCurrent() returns (uint256 rate) {
                expected[i] += a.vShares * rate / 1e18;
            } catch {
                unknowable = true;
            }
        }
        vm.revertToState(snap);
        if (!unknowable) {
            assertEq(fund.holdings(), expected, "I3 holdings");
            return;
        }
        (bool ok, bytes memory reason) = address(fund).staticcall(abi.encodeCall(fund.holdings, ()));
        assertFalse(ok, "I3 an unknowable rate is never priced");
        // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
        assertEq(bytes4(reason), ErrorsLib.VenusRateUnavailable.selector, "I3 typed refusal");
        assertFalse(lens.getFund(address(fund)).holdingsOk, "I3 the Lens flags it");
    }

    /// @dev I4: target weights are the last set the owner made successfully (the handler sets valid and
    /// invalid ones), and sum to exactly 100 %.
    function invariant_WeightsAreTheLastAcceptedAndSumToOne() public view {
        uint16[N] memory ghost = handler.ghostWeightsList();
        uint256 sum;
        for (uint256 i; i < N; ++i) {
            uint256 w = fund.asset(i).weightBps;
            assertEq(w, ghost[i], "I4 weights = the last accepted set");
            sum += w;
        }
        assertEq(sum, ConstantsLib.BPS, "I4 weights sum to 10,000 bps");
    }

    /// @dev I9: the Lens's NAV is the oracle value of the fund's holdings, whatever prices did; with a
    /// position it cannot value it gives no NAV (0, `holdingsOk` false) rather than a wrong one.
    function invariant_NavIsHoldingsAtOraclePrices() public view {
        LensFund memory f = lens.getFund(address(fund));
        (bool ok, bytes memory data) = address(fund).staticcall(abi.encodeCall(fund.holdings, ()));
        if (!ok) {
            assertFalse(f.holdingsOk, "I9 an unvalued position is flagged");
            assertEq(f.totalValue, 0, "I9 no NAV rather than a wrong one");
            return;
        }
        uint256[] memory held = abi.decode(data, (uint256[]));
        uint256 total;
        for (uint256 i; i < N; ++i) {
            total += held[i] * oracle.price(tokens[i]) / 10 ** DECIMALS[i];
        }
        assertTrue(f.holdingsOk, "I9 every position valued");
        assertEq(lens.totalValue(address(fund)), total, "I9 NAV = holdings x oracle prices");
        assertEq(f.totalValue, total, "I9 getFund's NAV too");
    }

    /// @dev I3 and I9 compare with Venus's own rate only after calls that leave every rate readable: at least
    /// half of each run's calls must (rate failures are episodes of 1 to 8 calls), and some must.
    function afterInvariant() public view {
        uint256 known = handler.calls("rateKnown");
        uint256 failed = handler.calls("rateFailed");
        assertEq(known + failed, handler.callCount(), "every call counted");
        assertGe(known * 2, known + failed, "I3/I9: at least half the checks value every position");
    }

    /// @dev I5: shares are all held by someone known; the dead shares never move.
    function invariant_SupplyIsSumOfBalances() public view {
        address[3] memory actors = handler.actorList();
        uint256 sum =
            fund.balanceOf(seeder) + fund.balanceOf(feeRecipient) + fund.balanceOf(ConstantsLib.DEAD_ADDRESS);
        for (uint256 a; a < actors.length; ++a) {
            sum += fund.balanceOf(actors[a]);
        }
        assertEq(sum, fund.totalSupply(), "I5 supply = sum of balances");
        assertEq(fund.balanceOf(ConstantsLib.DEAD_ADDRESS), ConstantsLib.DEAD_SHARES, "I5 dead shares locked");
    }

    /* THE INVARIANTS CAN FAIL */

    /// @dev A rate failure is an episode: seen by the next round of checks, counted, then over.
    function test_Handler_RateFailureIsACountedEpisode() public {
        handler.toggleRateFailure(true, 2); // this call and the next 2
        handler.advance(1);
        assertTrue(_venusRateFails(), "still failing");
        handler.advance(1);
        assertFalse(_venusRateFails(), "over after its duration");
        assertEq(handler.calls("rateFailed"), 2, "two calls ended with a rate failing");
        assertEq(handler.calls("rateKnown"), 1, "then one with every rate readable");
    }

    /// @dev I4 catches weights that are not the last set the owner made through the handler.
    function test_I4_CatchesWeightsOtherThanTheLastAccepted() public {
        uint256[N] memory seeds = [uint256(10), 20, 30, 40, 50, 60];
        handler.setWeights(seeds, 1);
        this.invariant_WeightsAreTheLastAcceptedAndSumToOne();
        uint16[] memory other = new uint16[](N);
        for (uint256 i; i < N; ++i) {
            other[i] = WEIGHTS[i];
        }
        vm.prank(owner);
        fund.setTargetWeights(other);
        (bool ok,) =
            address(this).call(abi.encodeCall(this.invariant_WeightsAreTheLastAcceptedAndSumToOne, ()));
        assertFalse(ok, "I4 fails");
    }

    /// @dev I3 and I9 catch a Lens that would value an unvaluable position.
    function test_I3_I9_CheckTheRefusalWhileARateFails() public {
        fund.sweep();
        handler.toggleRateFailure(true, 8);
        handler.advance(10);
        this.invariant_HoldingsEqualIdlePlusVenusUnderlying();
        this.invariant_NavIsHoldingsAtOraclePrices();
        (bool ok,) = address(fund).staticcall(abi.encodeCall(fund.holdings, ()));
        assertFalse(ok, "the checks above ran their refusal branch");
    }
}
