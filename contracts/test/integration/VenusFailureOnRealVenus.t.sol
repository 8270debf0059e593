// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {VenusFailureTest} from "../unit/BlockETF/venusFailure.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";
import {RealVenusNativeBnbBaseTest} from "./RealVenusNativeBnbBaseTest.sol";

/// @notice Every VenusFailureTest test on Venus's own core pool: a reverting VBep20Delegator or Unitroller
/// (its Diamond) instead of the doubles; WBNB on vWBNB.
contract VenusFailureOnRealVenusTest is VenusFailureTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, VenusFailureTest) {
        super.setUp();
    }
}

/// @notice The same, WBNB on Venus's native VBNB.
contract VenusFailureOnRealVenusNativeBnbTest is VenusFailureTest, RealVenusNativeBnbBaseTest {
    function setUp() public override(BaseTest, VenusFailureTest) {
        super.setUp();
    }
}
