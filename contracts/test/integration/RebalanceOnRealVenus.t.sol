// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FundRebalanceTest} from "../unit/BlockETF/rebalance.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every FundRebalanceTest test, on Venus's own core pool.
contract FundRebalanceOnRealVenusTest is FundRebalanceTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, FundRebalanceTest) {
        super.setUp();
    }
}
