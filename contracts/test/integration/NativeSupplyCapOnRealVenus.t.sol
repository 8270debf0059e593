// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {NativeSupplyCapTest} from "../unit/BlockETF/nativeSupplyCap.t.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every NativeSupplyCapTest test on Venus's own VBNB and comptroller (`_setMarketSupplyCaps`).
contract NativeSupplyCapOnRealVenusTest is NativeSupplyCapTest, RealVenusBaseTest {}
