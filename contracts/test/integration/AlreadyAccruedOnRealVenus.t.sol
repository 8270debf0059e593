// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AlreadyAccruedTest} from "../unit/BlockETF/alreadyAccrued.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RouterBaseTest} from "../utils/RouterBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every AlreadyAccruedTest test, on Venus's own core pool.
contract AlreadyAccruedOnRealVenusTest is AlreadyAccruedTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, AlreadyAccruedTest) {
        super.setUp();
    }
}
