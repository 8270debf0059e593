// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {ConstantsLib} from "../../src/libraries/ConstantsLib.sol";
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

    /// @dev I3: holdings = idle + Venus underlying at the rate Venus's own accrual gives this block.
    function invariant_HoldingsEqualIdlePlusVenusUnderlying() public {
        if (_venusRateFails()) return; // the rate is unknowable then; redeem pays in kind (tested elsewhere)
        uint256[] memory held = fund.holdings();
        uint256 snap = vm.snapshotState();
        for (uint256 i; i < N; ++i) {
            uint256 rate = vTokens[i].exchangeRateCurrent();
            assertEq(held[i], fund.asset(i).idle + fund.asset(i).vShares * rate / 1e18, "I3 holdings");
        }
        vm.revertToState(snap);
    }

    /// @dev I4: target weights sum to exactly 100 %.
    function invariant_WeightsSumToOne() public view {
        uint256 sum;
        for (uint256 i; i < N; ++i) {
            sum += fund.asset(i).weightBps;
        }
        assertEq(sum, ConstantsLib.BPS, "I4 weights sum to 10,000 bps");
    }

    /// @dev I9: the Lens's NAV is the oracle value of the fund's holdings, whatever prices did.
    function invariant_NavIsHoldingsAtOraclePrices() public view {
        if (_venusRateFails()) return;
        uint256[] memory held = fund.holdings();
        uint256 total;
        for (uint256 i; i < N; ++i) {
            total += held[i] * oracle.price(tokens[i]) / 10 ** DECIMALS[i];
        }
        assertEq(lens.totalValue(address(fund)), total, "I9 NAV = holdings x oracle prices");
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
}
