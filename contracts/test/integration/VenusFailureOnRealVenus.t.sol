// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {VenusFailureTest} from "../unit/BlockETF/venusFailure.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every VenusFailureTest test on Venus's own core pool: a reverting VBep20Delegator, VBNB or
/// Unitroller (its Diamond) instead of the doubles.
contract VenusFailureOnRealVenusTest is VenusFailureTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, VenusFailureTest) {
        super.setUp();
    }
}
