// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceFuzzTest} from "../fuzz/Rebalance.fuzz.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every RebalanceFuzzTest property (PancakeSwap V3's own pools), on Venus's own core pool.
contract RebalanceFuzzOnRealVenusTest is RebalanceFuzzTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RebalanceBaseTest) {
        super.setUp();
    }
}
