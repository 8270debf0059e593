// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {QuoteRedeemToStableTest} from "../unit/BlockETFRouter/quoteRedeemToStable.t.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {RealVenusBaseTest} from "./RealVenusBaseTest.sol";

/// @notice Every QuoteRedeemToStableTest test (the USDT router's redeem quote), on Venus's own core pool.
contract QuoteRedeemToStableOnRealVenusTest is QuoteRedeemToStableTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, QuoteRedeemToStableTest) {
        super.setUp();
    }
}
