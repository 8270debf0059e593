// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RealVenusBaseTest} from "../integration/RealVenusBaseTest.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RouterGasBenchTest} from "./RouterGasBench.t.sol";

/// @notice RouterGasBenchTest's USDT mint, exact-shares mint and redeem on Venus's own core pool
/// (VBep20Delegator markets and VBNB from the published artifacts) instead of the doubles. Same setup and
/// `--isolate` runs; rows `<row>RealVenus`.
contract RealVenusRouterGasBenchTest is RouterGasBenchTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RouterGasBenchTest) {
        super.setUp();
    }

    function _row(string memory row) internal pure override returns (string memory) {
        return string.concat(row, "RealVenus");
    }
}
