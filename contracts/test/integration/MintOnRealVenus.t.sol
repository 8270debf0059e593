// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MintTest} from "../unit/BlockETF/mint.t.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every MintTest test, on Venus's own core pool.
contract MintOnRealVenusTest is MintTest, RealVenusBaseTest {}
