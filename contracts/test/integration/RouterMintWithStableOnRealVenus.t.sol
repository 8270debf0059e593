// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MintWithStableTest} from "../unit/BlockETFRouter/mintWithStable.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RouterBaseTest} from "../utils/RouterBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every MintWithStableTest test (the USDT router), on Venus's own core pool.
contract MintWithStableOnRealVenusTest is MintWithStableTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RouterBaseTest) {
        super.setUp();
    }
}
