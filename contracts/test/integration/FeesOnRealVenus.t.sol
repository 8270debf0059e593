// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FeesTest} from "../unit/BlockETF/fees.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every FeesTest test, on Venus's own core pool.
contract FeesOnRealVenusTest is FeesTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, FeesTest) {
        super.setUp();
    }
}
