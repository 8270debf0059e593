// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FundInvariantsTest} from "../invariant/FundInvariants.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice The fund invariants I1-I9 (test/invariant/README.md) on Venus's own core pool: the handler's
/// market actions go through the real comptroller (action pauses), a real borrower (cash drained by
/// borrowing, repaid) and the markets' own rate-model setter (rate failures).
/// @dev Real Venus calls cost about 5x the double's, so this suite runs fewer sequences than the
/// profiles' (64 x 64 locally, 256 x 100 in CI) to keep `npm test` within a minute of added time.
/// forge-config: default.invariant.runs = 32
/// forge-config: default.invariant.depth = 64
/// forge-config: ci.invariant.runs = 64
/// forge-config: ci.invariant.depth = 100
contract FundInvariantsOnRealVenusTest is FundInvariantsTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, FundInvariantsTest) {
        super.setUp();
    }
}
