// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RedeemToStableTest} from "../unit/BlockETFRouter/redeemToStable.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every RedeemToStableTest test (the USDT router), on Venus's own core pool.
contract RedeemToStableOnRealVenusTest is RedeemToStableTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RedeemToStableTest) {
        super.setUp();
    }
}
