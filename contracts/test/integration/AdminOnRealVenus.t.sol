// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {AdminTest} from "../unit/BlockETF/admin.t.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every AdminTest test, on Venus's own core pool.
contract AdminOnRealVenusTest is AdminTest, RealVenusBaseTest {}
