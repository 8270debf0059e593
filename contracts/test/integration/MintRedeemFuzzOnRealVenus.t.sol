// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MintRedeemFuzzTest} from "../fuzz/MintRedeem.fuzz.t.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every MintRedeemFuzzTest property, on Venus's own core pool.
contract MintRedeemFuzzOnRealVenusTest is MintRedeemFuzzTest, RealVenusBaseTest {}
