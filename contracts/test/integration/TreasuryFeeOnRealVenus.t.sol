// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceTreasuryFeeTest} from "../unit/BlockETFRebalancer/treasuryFee.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every RebalanceTreasuryFeeTest test, on Venus's own core pool (its `_setTreasuryData`).
contract RebalanceTreasuryFeeOnRealVenusTest is RebalanceTreasuryFeeTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RebalanceBaseTest) {
        super.setUp();
    }
}
