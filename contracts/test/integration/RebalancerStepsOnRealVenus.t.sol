// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalancerStepsTest} from "../unit/BlockETFRebalancer/steps.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every RebalancerStepsTest test (PancakeSwap V3's own pools), on Venus's own core pool.
contract RebalancerStepsOnRealVenusTest is RebalancerStepsTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RebalanceBaseTest) {
        super.setUp();
    }
}
