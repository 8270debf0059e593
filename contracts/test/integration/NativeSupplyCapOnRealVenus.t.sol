// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {NativeSupplyCapTest} from "../unit/BlockETF/nativeSupplyCap.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusNativeBnbBaseTest} from "./RealVenusNativeBnbBaseTest.sol";

/// @notice Every NativeSupplyCapTest test on Venus's own VBNB and comptroller (`_setMarketSupplyCaps`),
/// WBNB on the native market.
contract NativeSupplyCapOnRealVenusNativeBnbTest is NativeSupplyCapTest, RealVenusNativeBnbBaseTest {
    function setUp() public override(BaseTest, NativeSupplyCapTest) {
        super.setUp();
    }
}
