// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceInvariantsTest} from "../invariant/RebalanceInvariants.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice The rebalance invariants R1-R5 (test/invariant/README.md) on Venus's own core pool and PancakeSwap
/// V3's own pools: the handler pauses redeems through the real comptroller and drains cash by borrowing
/// through the fixture's borrower.
/// @dev A sequence on real Venus takes about twice the double's time, so this suite runs fewer sequences
/// than the profiles' (64 x 64 locally, 256 x 100 in CI).
/// forge-config: default.invariant.runs = 16
/// forge-config: default.invariant.depth = 64
/// forge-config: ci.invariant.runs = 64
/// forge-config: ci.invariant.depth = 100
contract RebalanceInvariantsOnRealVenusTest is RebalanceInvariantsTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RebalanceInvariantsTest) {
        super.setUp();
    }
}
