// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RouterFuzzTest} from "../fuzz/Router.fuzz.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RouterBaseTest} from "../utils/RouterBaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every RouterFuzzTest property (the USDT router on PancakeSwap V3's own pools), on Venus's own core
/// pool.
contract RouterFuzzOnRealVenusTest is RouterFuzzTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RouterBaseTest) {
        super.setUp();
    }
}
