// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice RealVenusBaseTest with the fund's WBNB on Venus's native vBNB market instead of the ERC-20
/// vWBNB: the fund still supports the native market (it unwraps WBNB to supply, re-wraps what vBNB pays),
/// and the `*OnRealVenusNativeBnb` suites keep that path tested on Venus's own contracts.
abstract contract RealVenusNativeBnbBaseTest is RealVenusBaseTest {
    constructor() {
        realVenusNativeBnb = true;
    }
}
