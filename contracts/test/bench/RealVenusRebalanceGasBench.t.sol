// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RealVenusBaseTest} from "../integration/RealVenusBaseTest.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RebalanceGasBenchTest} from "./RebalanceGasBench.t.sol";

/// @notice RebalanceGasBenchTest's 1x1, 2x2 and price-shock steps on Venus's own core pool (VBep20Delegator
/// markets and VBNB from the published artifacts) instead of the doubles: every sold asset is redeemed and
/// every bought one supplied through Venus's own paths. Same setup and `--isolate` runs; rows
/// `<row>RealVenus`. (rebalance5x5's 11-asset fund builds its own doubles and is not repeated here.)
contract RealVenusRebalanceGasBenchTest is RebalanceGasBenchTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RebalanceGasBenchTest) {
        super.setUp();
    }

    function _row(string memory row) internal pure override returns (string memory) {
        return string.concat(row, "RealVenus");
    }
}
