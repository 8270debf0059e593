// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {EpisodeInvariantsTest} from "../invariant/EpisodeInvariants.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice The episode invariants E1-E5 (test/invariant/README.md) on Venus's own core pool: what the
/// scripted rebalancer is sent is withdrawn from, and what it returns re-supplied to, the real markets.
/// forge-config: default.invariant.runs = 16
/// forge-config: default.invariant.depth = 64
/// forge-config: ci.invariant.runs = 64
/// forge-config: ci.invariant.depth = 100
contract EpisodeInvariantsOnRealVenusTest is EpisodeInvariantsTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, EpisodeInvariantsTest) {
        super.setUp();
    }
}
