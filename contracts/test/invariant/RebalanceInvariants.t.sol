// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {RebalanceHandler} from "./handlers/RebalanceHandler.sol";

/// @notice Invariants of rebalancing under random market moves, attacks on the pools and Venus trouble
/// (ids R1-R5 in README.md).
contract RebalanceInvariantsTest is RebalanceBaseTest {
    RebalanceHandler internal handler;

    function setUp() public virtual override {
        super.setUp();
        handler = new RebalanceHandler(
            fund, lens, rebalancer, dex, comptroller, keeper, tokens, pools, feeds, vTokens, realVenus
        );
        targetContract(address(handler));
    }

    /// @dev R1: the rebalancer holds no token between steps.
    function invariant_RebalancerHoldsNothing() public view {
        for (uint256 i; i < N; ++i) {
            assertEq(IERC20(tokens[i]).balanceOf(address(rebalancer)), 0, "R1 rebalancer empty");
        }
        assertEq(address(rebalancer).balance, 0, "R1 no BNB in the rebalancer");
    }

    /// @dev R2: no step lost more than its bound; R3: every completed rebalance ended at target.
    function invariant_StepsWithinBounds() public view {
        assertEq(handler.lossViolations(), 0, "R2 loss within 1 % of what was sent");
        assertEq(handler.incompleteAtTarget(), 0, "R3 complete means within a tenth of the threshold");
    }

    /// @dev R4: a step is refused only with a typed, expected error.
    function invariant_OnlyTypedRefusals() public view {
        assertEq(handler.unexpected(), 0, "R4 unexpected refusal");
    }

    /// @dev E1-E4 with the real rebalancer, pools and sandwiches: every episode within its loss budget,
    /// started by the rule, over at its deadline, with the fund's interval and step cap.
    function invariant_EpisodesWithinBounds() public view {
        assertEq(handler.lossOverBudget(), 0, "E1 episode loss within its budget");
        assertEq(handler.ruleBypassed(), 0, "E2 the rule starts every episode");
        assertEq(handler.stepsPastDeadline(), 0, "E3 no step past the deadline");
        assertEq(handler.intervalOrCapBroken(), 0, "E4 interval and step cap");
    }

    /// @dev R5: the fund's idle amounts are in its balance (a rebalance credits only what came back).
    function invariant_IdleBackedAfterRebalances() public view {
        for (uint256 i; i < N; ++i) {
            assertEq(IERC20(tokens[i]).balanceOf(address(fund)), fund.asset(i).idle, "R5 idle backed");
        }
    }
}
