// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {EpisodeFuzzTest} from "../fuzz/Episode.fuzz.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every EpisodeFuzzTest test, on Venus's own core pool.
contract EpisodeFuzzOnRealVenusTest is EpisodeFuzzTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, EpisodeFuzzTest) {
        super.setUp();
    }
}
