// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MintExactSharesWithStableTest} from "../unit/BlockETFRouter/mintExactSharesWithStable.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RouterBaseTest} from "../utils/RouterBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every MintExactSharesWithStableTest test (the USDT router), on Venus's own core pool.
contract MintExactSharesWithStableOnRealVenusTest is MintExactSharesWithStableTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RouterBaseTest) {
        super.setUp();
    }
}
