// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlockETFLensVenusTest} from "../unit/BlockETFLens/venusUnavailable.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every BlockETFLensVenusTest test, on Venus's own core pool.
contract BlockETFLensVenusOnRealVenusTest is BlockETFLensVenusTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, BlockETFLensVenusTest) {
        super.setUp();
    }
}
