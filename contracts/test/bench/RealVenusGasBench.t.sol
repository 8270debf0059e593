// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RealVenusBaseTest} from "../integration/RealVenusBaseTest.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {GasBenchTest} from "./GasBench.t.sol";

/// @notice GasBenchTest's mint, buffer redeem, redeem through Venus and sweep on Venus's own core pool
/// (VBep20Delegator markets and VBNB from the published artifacts) instead of the doubles: what the fund pays
/// on the real vTokens'
/// reads, accrual and mint. Same setup (every market accrued in an earlier block), same `--isolate` runs.
contract RealVenusGasBenchTest is GasBenchTest, RealVenusBaseTest {
    function setUp() public override(BaseTest, GasBenchTest) {
        super.setUp();
    }

    function test_gas_mint() public override {
        vm.prank(bob);
        fund.mint(bobAmounts, 0, bob);
        GAS.snapshotGasLastCall("mintRealVenus");
    }

    function test_gas_redeemFromBuffer() public override {
        vm.prank(alice);
        fund.redeem(1e18, alice, _zeros());
        GAS.snapshotGasLastCall("redeemFromBufferRealVenus");
    }

    /// @dev A quarter of the supply: beyond every buffer, so all six markets pay through Venus's redeem.
    function test_gas_redeemFromVenus() public override {
        vm.prank(alice);
        fund.redeem(50e18, alice, _zeros());
        GAS.snapshotGasLastCall("redeemFromVenusRealVenus");
    }

    function test_gas_redeemWithVTokenFallback() public override {}

    function test_gas_sweep() public override {
        vm.prank(bob);
        fund.mint(bobAmounts, 0, bob);
        _advance(10, 30);
        fund.sweep();
        GAS.snapshotGasLastCall("sweepRealVenus");
    }
}
