// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RedeemTest} from "../unit/BlockETF/redeem.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every RedeemTest test on Venus's own core pool, but the two that inject a failure only the
/// double can produce (see README.md).
contract RedeemOnRealVenusTest is RedeemTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, RedeemTest) {
        super.setUp();
    }

    function test_Redeem_GivenErrorCode_PaysVTokens() public override {
        vm.skip(true, "double-only: Venus 10.3.0 reverts on every rejection; error codes are legacy vBNB's");
    }

    function test_Redeem_GivenVenusReverts_PaysVTokens() public override {
        vm.skip(
            true, "double-only: injects a redeem revert the fund cannot foresee (MockVToken.setForcedError)"
        );
    }
}
