// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceTest} from "../unit/BlockETFRebalancer/rebalance.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every test of the rebalancer's RebalanceTest (PancakeSwap V3's own pools), on Venus's own core
/// pool.
contract RebalancerOnRealVenusTest is RebalanceTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RebalanceBaseTest) {
        super.setUp();
    }
}
