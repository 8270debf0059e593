// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SweepTest} from "../unit/BlockETF/sweep.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every SweepTest test on Venus's own core pool, but the three that inject a failure only the
/// double can produce (see README.md).
contract SweepOnRealVenusTest is SweepTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, SweepTest) {
        super.setUp();
    }

    function test_Sweep_GivenErrorCode_LosesNothing() public override {
        vm.skip(true, "double-only: Venus 10.3.0 reverts on every rejection; error codes are legacy vBNB's");
    }

    function test_Sweep_GivenVenusReverts_LosesNothing() public override {
        vm.skip(
            true, "double-only: injects a mint revert the fund cannot foresee (MockVToken.setForcedError)"
        );
    }

    function test_Sweep_GivenNativeMarketReverts_RewrapsTheBNB() public override {
        vm.skip(true, "double-only: injects a vBNB mint revert the fund cannot foresee (setForcedError)");
    }
}
