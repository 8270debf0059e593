// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlockETFFactoryTest} from "../unit/BlockETFFactory/BlockETFFactory.t.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every BlockETFFactoryTest test, on Venus's own core pool.
contract BlockETFFactoryOnRealVenusTest is BlockETFFactoryTest, RealVenusBaseTest {}
