// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {
    BlockETFLensEpisodeTest,
    BlockETFLensRebalanceTest,
    BlockETFLensTest
} from "../unit/BlockETFLens/BlockETFLens.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every BlockETFLensTest test, on Venus's own core pool.
contract BlockETFLensOnRealVenusTest is BlockETFLensTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, BlockETFLensTest) {
        super.setUp();
    }
}

/// @notice Every BlockETFLensRebalanceTest test, on Venus's own core pool.
contract BlockETFLensRebalanceOnRealVenusTest is BlockETFLensRebalanceTest, RealVenusBaseTest {}

/// @notice Every BlockETFLensEpisodeTest test, on Venus's own core pool.
contract BlockETFLensEpisodeOnRealVenusTest is BlockETFLensEpisodeTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, BlockETFLensEpisodeTest) {
        super.setUp();
    }
}
