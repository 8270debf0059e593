// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FundInvariantsTest} from "../invariant/FundInvariants.t.sol";
import {AdminTest} from "../unit/BlockETF/admin.t.sol";
import {MintTest} from "../unit/BlockETF/mint.t.sol";
import {RedeemTest} from "../unit/BlockETF/redeem.t.sol";
import {SweepTest} from "../unit/BlockETF/sweep.t.sol";
import {BlockETFFactoryTest} from "../unit/BlockETFFactory/BlockETFFactory.t.sol";
import {RebalancerStepsTest} from "../unit/BlockETFRebalancer/steps.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {RealVenusNativeBnbBaseTest} from "./RealVenusNativeBnbBaseTest.sol";

// The suites whose tests touch WBNB's Venus market, with WBNB on Venus's native vBNB (the default
// *OnRealVenus suites put it on vWBNB, as BNB Chain's core pool lists it). Skips as in the vWBNB suites.

/// @notice Every MintTest test, WBNB on Venus's native vBNB.
contract MintOnRealVenusNativeBnbTest is MintTest, RealVenusNativeBnbBaseTest {}

/// @notice Every RedeemTest test, WBNB on Venus's native vBNB (the double-only ones skipped).
contract RedeemOnRealVenusNativeBnbTest is RedeemTest, RealVenusNativeBnbBaseTest {
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

/// @notice Every SweepTest test, WBNB on Venus's native vBNB (the double-only ones skipped).
contract SweepOnRealVenusNativeBnbTest is SweepTest, RealVenusNativeBnbBaseTest {
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

/// @notice Every AdminTest test, WBNB on Venus's native vBNB.
contract AdminOnRealVenusNativeBnbTest is AdminTest, RealVenusNativeBnbBaseTest {}

/// @notice Every BlockETFFactoryTest test, WBNB on Venus's native vBNB.
contract BlockETFFactoryOnRealVenusNativeBnbTest is BlockETFFactoryTest, RealVenusNativeBnbBaseTest {}

/// @notice Every RebalancerStepsTest test, WBNB on Venus's native vBNB.
contract RebalancerStepsOnRealVenusNativeBnbTest is RebalancerStepsTest, RealVenusNativeBnbBaseTest {
    function setUp() public override(BaseTest, RebalanceBaseTest) {
        super.setUp();
    }
}

/// @notice The fund invariants I1-I9, WBNB on Venus's native vBNB (I1: no raw BNB left behind). Fewer
/// sequences than the vWBNB suite: the native path differs only in WBNB's market.
/// forge-config: default.invariant.runs = 8
/// forge-config: default.invariant.depth = 64
/// forge-config: ci.invariant.runs = 32
/// forge-config: ci.invariant.depth = 100
contract FundInvariantsOnRealVenusNativeBnbTest is FundInvariantsTest, RealVenusNativeBnbBaseTest {
    function setUp() public override(BaseTest, FundInvariantsTest) {
        super.setUp();
    }
}
