// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IBlockETF, RebalanceEpisode} from "../../src/interfaces/IBlockETF.sol";
import {LensEpisode} from "../../src/interfaces/IBlockETFLens.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {MockRebalancer} from "../utils/mocks/MockRebalancer.sol";
import {EpisodeHandler} from "./handlers/EpisodeHandler.sol";

/// @notice Invariants of rebalance episodes whatever the rebalancer does (ids E1-E5 in README.md): the
/// scripted MockRebalancer loses value, churns, trades against the target and steps at any time.
/// @dev Every step is valued by the Lens three times (rule, before, after) on top of the fund's own checks,
/// so this suite runs fewer sequences than the profiles' (64 x 64 locally, 256 x 100 in CI).
/// forge-config: default.invariant.runs = 32
/// forge-config: default.invariant.depth = 64
/// forge-config: ci.invariant.runs = 64
/// forge-config: ci.invariant.depth = 100
contract EpisodeInvariantsTest is BaseTest {
    EpisodeHandler internal handler;

    function setUp() public virtual override {
        super.setUp();
        MockRebalancer mock = new MockRebalancer(IBlockETF(address(fund)));
        vm.prank(owner);
        fund.setRebalancer(address(mock));
        fund.sweep();
        // Start off target, as after a market move: BTC's target 25 % -> 19 %, the sleeve's 20 % -> 26 %.
        uint16[] memory w = new uint16[](N);
        (w[BTC], w[ETH], w[BNB], w[XRP], w[SOL], w[USDT]) = (1900, 2000, 1500, 1000, 1000, 2600);
        vm.prank(owner);
        fund.setTargetWeights(w);
        handler = new EpisodeHandler(fund, lens, mock, wbnb, owner, tokens, feeds);
        targetContract(address(handler));
    }

    /// @dev E1: an episode never loses more than its budget, measured by the Lens and by the fund.
    function invariant_EpisodeLossWithinBudget() public view {
        assertEq(handler.lossOverBudget(), 0, "E1 episode loss within its budget");
        RebalanceEpisode memory e = fund.rebalanceEpisode();
        assertLe(e.lost, e.lossBudget, "E1 the fund's books");
    }

    /// @dev E2: a step outside an episode happens only when the rule holds (threshold and cooldown).
    function invariant_RuleNeverBypassedOutsideAnEpisode() public view {
        assertEq(handler.ruleBypassed(), 0, "E2 the rule starts every episode");
    }

    /// @dev E3: no step belongs to an episode past its deadline, and the views say so.
    function invariant_NoEpisodeOutlivesItsDeadline() public view {
        assertEq(handler.stepsPastDeadline(), 0, "E3 no step past the deadline");
        LensEpisode memory x = lens.rebalanceEpisode(address(fund));
        if (x.status.active) {
            assertLe(block.timestamp, x.status.deadline, "E3 active only until the deadline");
        }
    }

    /// @dev E4: steps keep the fund's interval and the step cap.
    function invariant_IntervalAndStepCap() public view {
        assertEq(handler.intervalOrCapBroken(), 0, "E4 interval and step cap");
        RebalanceEpisode memory e = fund.rebalanceEpisode();
        // An open episode has a step left (a change of bounds closes it, so a closed one may show more).
        if (fund.rebalancing()) assertLt(e.steps, e.maxSteps, "E4 the fund's books");
    }

    /// @dev E5: a step is refused only with a typed, expected error.
    function invariant_OnlyTypedRefusals() public view {
        assertEq(handler.unexpected(), 0, "E5 unexpected refusal");
    }
}
