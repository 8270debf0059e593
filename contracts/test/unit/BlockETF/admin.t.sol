// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {RebalanceEpisode} from "../../../src/interfaces/IBlockETF.sol";
import {ConstantsLib} from "../../../src/libraries/ConstantsLib.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {MockVBep20} from "../../utils/mocks/MockVToken.sol";
import {MockVenusComptroller} from "../../utils/mocks/MockVenusComptroller.sol";

/// @notice Unit tests of the fund's owner and guardian entry points: access control, validation, events,
/// pausing, Venus exits, two-step ownership, and that no role can take holders' assets.
contract AdminTest is BaseTest {
    address internal stranger = makeAddr("stranger");

    /* HELPERS */

    /// @dev Every account that is not the owner but holds a role, and one that holds none.
    function _nonOwners() internal view returns (address[3] memory) {
        return [guardian, keeper, stranger];
    }

    function _expectNotOwner(address caller) internal {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
    }

    function _weights(uint16 a, uint16 b, uint16 c, uint16 d, uint16 e, uint16 f)
        internal
        pure
        returns (uint16[] memory w)
    {
        w = new uint16[](N);
        (w[0], w[1], w[2], w[3], w[4], w[5]) = (a, b, c, d, e, f);
    }

    /// @dev A second vBEP-20 market for the token of asset `i`, on the fund's comptroller.
    function _newMarket(uint256 i) internal returns (MockVBep20 v) {
        if (address(realVenus) != address(0)) {
            return MockVBep20(realVenus.listMarket(tokens[i], DECIMALS[i], _venusPrice(i), "v2"));
        }
        v = new MockVBep20(tokens[i], "v2", "v2", comptroller, irm, 2 * 10 ** (16 + DECIMALS[i] - 8));
        comptroller.setSupplyCap(address(v), type(uint128).max);
    }

    /* onlyOwner */

    function test_Unpause_RevertWhen_CallerNotOwner() public {
        vm.prank(guardian);
        fund.pause();
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.unpause();
        }
        assertTrue(fund.paused(), "still paused");
    }

    function test_SetTargetWeights_RevertWhen_CallerNotOwner() public {
        uint16[] memory w = _weights(2000, 2000, 2000, 1000, 1000, 2000);
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setTargetWeights(w);
        }
        assertEq(uint256(fund.asset(BTC).weightBps), WEIGHTS[BTC], "weights unchanged");
    }

    function test_SetBuffer_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setBuffer(BTC, 0);
        }
        assertEq(uint256(fund.asset(BTC).bufferBps), BUFFER_BPS, "buffer unchanged");
    }

    function test_SetVenusMarket_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setVenusMarket(ETH, address(0));
        }
        assertEq(fund.asset(ETH).vToken, address(vTokens[ETH]), "market unchanged");
    }

    function test_SetYieldEnabled_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setYieldEnabled(ETH, false);
        }
        assertTrue(fund.asset(ETH).yieldEnabled, "yield unchanged");
    }

    function test_SetManagementFee_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setManagementFee(100);
        }
        assertEq(uint256(fund.managementFeeBps()), 0, "fee unchanged");
    }

    function test_SetRedeemFee_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setRedeemFee(50);
        }
        assertEq(uint256(fund.redeemFeeBps()), 0, "fee unchanged");
    }

    function test_SetFeeRecipient_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setFeeRecipient(callers[k]);
        }
        assertEq(fund.feeRecipient(), feeRecipient, "recipient unchanged");
    }

    function test_SetGuardian_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setGuardian(callers[k]);
        }
        assertEq(fund.guardian(), guardian, "guardian unchanged");
    }

    function test_SetKeeper_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setKeeper(callers[k]);
        }
        assertEq(fund.keeper(), keeper, "keeper unchanged");
    }

    function test_SetOracle_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.setOracle(callers[k]);
        }
        assertEq(fund.oracle(), address(oracle), "oracle unchanged");
    }

    function test_TransferOwnership_RevertWhen_CallerNotOwner() public {
        address[3] memory callers = _nonOwners();
        for (uint256 k; k < callers.length; ++k) {
            _expectNotOwner(callers[k]);
            vm.prank(callers[k]);
            fund.transferOwnership(callers[k]);
        }
        assertEq(fund.pendingOwner(), address(0), "no pending owner");
    }

    /* setTargetWeights */

    function test_SetTargetWeights_StoresAndEmits() public {
        uint16[] memory w = _weights(3000, 2000, 1000, 500, 1500, 2000);
        vm.expectEmit(false, false, false, true, address(fund));
        emit EventsLib.SetTargetWeights(w);
        vm.prank(owner);
        fund.setTargetWeights(w);
        for (uint256 i; i < N; ++i) {
            assertEq(uint256(fund.asset(i).weightBps), uint256(w[i]), "weight stored");
        }
    }

    function test_SetTargetWeights_RevertWhen_TooFewWeights() public {
        uint16[] memory w = new uint16[](N - 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.LengthMismatch.selector, N, N - 1));
        vm.prank(owner);
        fund.setTargetWeights(w);
    }

    function test_SetTargetWeights_RevertWhen_TooManyWeights() public {
        uint16[] memory w = new uint16[](N + 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.LengthMismatch.selector, N, N + 1));
        vm.prank(owner);
        fund.setTargetWeights(w);
    }

    function test_SetTargetWeights_RevertWhen_ZeroWeight() public {
        uint16[] memory w = _weights(3000, 2000, 0, 1500, 1500, 2000);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ZeroWeight.selector, BNB));
        vm.prank(owner);
        fund.setTargetWeights(w);
    }

    function test_SetTargetWeights_RevertWhen_SumBelowOne() public {
        uint16[] memory w = _weights(2500, 2000, 1500, 1000, 1000, 1999);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.WeightsSumNotOne.selector, 9999));
        vm.prank(owner);
        fund.setTargetWeights(w);
        assertEq(uint256(fund.asset(USDT).weightBps), WEIGHTS[USDT], "weights unchanged");
    }

    function test_SetTargetWeights_RevertWhen_SumAboveOne() public {
        uint16[] memory w = _weights(2500, 2000, 1500, 1000, 1000, 2001);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.WeightsSumNotOne.selector, 10_001));
        vm.prank(owner);
        fund.setTargetWeights(w);
    }

    /* setBuffer */

    function test_SetBuffer_StoresAndEmits() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetBuffer(XRP, 10_000);
        vm.prank(owner);
        fund.setBuffer(XRP, 10_000);
        assertEq(uint256(fund.asset(XRP).bufferBps), 10_000, "buffer stored (100 % accepted)");
        uint256[] memory supplied = fund.sweep();
        assertEq(supplied[XRP], 0, "a full buffer keeps the asset idle");
        assertGt(supplied[BTC], 0, "other assets are supplied");
    }

    function test_SetBuffer_RevertWhen_BufferTooHigh() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.BufferTooHigh.selector, 10_001));
        vm.prank(owner);
        fund.setBuffer(XRP, 10_001);
    }

    function test_SetBuffer_RevertWhen_IndexOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.IndexOutOfRange.selector, N, N));
        vm.prank(owner);
        fund.setBuffer(N, 100);
    }

    /* setVenusMarket */

    function test_SetVenusMarket_RevertWhen_PositionOpen() public {
        fund.sweep();
        uint256 vShares = fund.asset(ETH).vShares;
        assertGt(vShares, 0, "sweep opened a position");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.VenusPositionOpen.selector, ETH, vShares));
        vm.prank(owner);
        fund.setVenusMarket(ETH, address(0));
    }

    function test_SetVenusMarket_GivenExited() public {
        fund.sweep();
        uint256 heldBefore = fund.holdings()[ETH];
        vm.prank(guardian);
        fund.exitVenus(ETH);
        assertEq(fund.asset(ETH).vShares, 0, "position closed");

        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SetVenusMarket(ETH, address(0), false);
        vm.prank(owner);
        fund.setVenusMarket(ETH, address(0));

        assertEq(fund.asset(ETH).vToken, address(0), "market cleared");
        assertFalse(fund.asset(ETH).yieldEnabled, "yield off without a market");
        assertEq(fund.holdings()[ETH], heldBefore, "holdings all idle, unchanged");
        assertEq(fund.sweep()[ETH], 0, "nothing supplied without a market");
    }

    function test_SetVenusMarket_GivenNewMarket() public {
        MockVBep20 v2 = _newMarket(ETH);
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SetVenusMarket(ETH, address(v2), false);
        vm.prank(owner);
        fund.setVenusMarket(ETH, address(v2));

        assertEq(fund.asset(ETH).vToken, address(v2), "new market");
        assertTrue(fund.asset(ETH).yieldEnabled, "yield enabled with the market");
        assertTrue(fund.asset(ETH).flashLoanAware, "mock exposes flashLoanAmount");
        fund.sweep();
        assertGt(fund.asset(ETH).vShares, 0, "supplied to the new market");
        assertEq(v2.balanceOf(address(fund)), fund.asset(ETH).vShares, "vTokens held in the new market");
        assertEq(vTokens[ETH].balanceOf(address(fund)), 0, "nothing in the old market");
    }

    function test_SetVenusMarket_GivenNativeMarketForWbnb() public {
        _skipUnlessNativeBnbMarket();
        vm.startPrank(owner);
        fund.setVenusMarket(BNB, address(0));
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SetVenusMarket(BNB, address(vTokens[BNB]), true);
        fund.setVenusMarket(BNB, address(vTokens[BNB]));
        vm.stopPrank();
        assertTrue(fund.asset(BNB).native, "vBNB is native");
    }

    function test_SetVenusMarket_RevertWhen_UnderlyingMismatch() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.VTokenUnderlyingMismatch.selector, address(vTokens[BTC]), tokens[ETH], tokens[BTC]
            )
        );
        vm.prank(owner);
        fund.setVenusMarket(ETH, address(vTokens[BTC]));
    }

    function test_SetVenusMarket_RevertWhen_NativeMarketForAnotherToken() public {
        _skipUnlessNativeBnbMarket();
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.VTokenUnderlyingMismatch.selector, address(vTokens[BNB]), tokens[ETH], address(0)
            )
        );
        vm.prank(owner);
        fund.setVenusMarket(ETH, address(vTokens[BNB]));
    }

    function test_SetVenusMarket_RevertWhen_ComptrollerMismatch() public {
        MockVenusComptroller other = new MockVenusComptroller();
        MockVBep20 foreign = new MockVBep20(tokens[ETH], "vETH", "vETH", other, irm, 2e26);
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.VTokenComptrollerMismatch.selector, address(foreign), address(other)
            )
        );
        vm.prank(owner);
        fund.setVenusMarket(ETH, address(foreign));
    }

    function test_SetVenusMarket_RevertWhen_IndexOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.IndexOutOfRange.selector, N, N));
        vm.prank(owner);
        fund.setVenusMarket(N, address(0));
    }

    /* setYieldEnabled */

    function test_SetYieldEnabled_StoresAndEmits() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetYieldEnabled(XRP, false);
        vm.prank(owner);
        fund.setYieldEnabled(XRP, false);
        assertFalse(fund.asset(XRP).yieldEnabled, "yield disabled");
        assertEq(fund.sweep()[XRP], 0, "sweep leaves the asset idle");

        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetYieldEnabled(XRP, true);
        vm.prank(owner);
        fund.setYieldEnabled(XRP, true);
        assertGt(fund.sweep()[XRP], 0, "sweep supplies it again");
    }

    function test_SetYieldEnabled_RevertWhen_NoMarket() public {
        vm.prank(owner);
        fund.setVenusMarket(XRP, address(0));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.VenusNotAvailable.selector));
        vm.prank(owner);
        fund.setYieldEnabled(XRP, true);
    }

    function test_SetYieldEnabled_RevertWhen_IndexOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.IndexOutOfRange.selector, N, N));
        vm.prank(owner);
        fund.setYieldEnabled(N, false);
    }

    /* fees, roles, oracle */

    function test_SetManagementFee_StoresAndEmits() public {
        vm.expectEmit(false, false, false, true, address(fund));
        emit EventsLib.SetManagementFee(500);
        vm.prank(owner);
        fund.setManagementFee(500);
        assertEq(uint256(fund.managementFeeBps()), 500, "max fee stored");
    }

    function test_SetManagementFee_RevertWhen_AboveMax() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.ManagementFeeTooHigh.selector, 501, ConstantsLib.MAX_MANAGEMENT_FEE_BPS
            )
        );
        vm.prank(owner);
        fund.setManagementFee(501);
    }

    function test_SetRedeemFee_StoresAndEmits() public {
        vm.expectEmit(false, false, false, true, address(fund));
        emit EventsLib.SetRedeemFee(100);
        vm.prank(owner);
        fund.setRedeemFee(100);
        assertEq(uint256(fund.redeemFeeBps()), 100, "max fee stored");
    }

    function test_SetRedeemFee_RevertWhen_AboveMax() public {
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.RedeemFeeTooHigh.selector, 101, ConstantsLib.MAX_REDEEM_FEE_BPS)
        );
        vm.prank(owner);
        fund.setRedeemFee(101);
    }

    function test_SetFeeRecipient_StoresAndEmits() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetFeeRecipient(bob);
        vm.prank(owner);
        fund.setFeeRecipient(bob);
        assertEq(fund.feeRecipient(), bob, "recipient stored");

        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetFeeRecipient(address(0));
        vm.prank(owner);
        fund.setFeeRecipient(address(0));
        assertEq(fund.feeRecipient(), address(0), "recipient cleared (fees off)");
    }

    function test_SetGuardian_StoresAndEmits() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetGuardian(bob);
        vm.prank(owner);
        fund.setGuardian(bob);
        assertEq(fund.guardian(), bob, "guardian stored");

        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, guardian));
        vm.prank(guardian);
        fund.pause();
        vm.prank(bob);
        fund.pause();
        assertTrue(fund.paused(), "the new guardian pauses");
    }

    function test_SetKeeper_StoresAndEmits() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetKeeper(bob);
        vm.prank(owner);
        fund.setKeeper(bob);
        assertEq(fund.keeper(), bob, "keeper stored");
    }

    function test_SetOracle_StoresAndEmits() public {
        address newOracle = makeAddr("newOracle");
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetOracle(newOracle);
        vm.prank(owner);
        fund.setOracle(newOracle);
        assertEq(fund.oracle(), newOracle, "oracle stored");
    }

    function test_SetOracle_RevertWhen_Zero() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector));
        vm.prank(owner);
        fund.setOracle(address(0));
    }

    /* pause / unpause */

    function test_Pause_GivenGuardian() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.Paused(guardian);
        vm.prank(guardian);
        fund.pause();
        assertTrue(fund.paused(), "paused");
    }

    function test_Pause_GivenOwner() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.Paused(owner);
        vm.prank(owner);
        fund.pause();
        assertTrue(fund.paused(), "paused");
    }

    function test_Pause_RevertWhen_CallerStranger() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, stranger));
        vm.prank(stranger);
        fund.pause();
        assertFalse(fund.paused(), "not paused");
    }

    function test_Pause_RevertWhen_CallerKeeper() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, keeper));
        vm.prank(keeper);
        fund.pause();
    }

    function test_Unpause_GivenOwner() public {
        vm.prank(guardian);
        fund.pause();
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.Unpaused(owner);
        vm.prank(owner);
        fund.unpause();
        assertFalse(fund.paused(), "unpaused");
        assertGt(_mint(fund, alice, 1e18)[BTC], 0, "minting works again");
    }

    function test_Mint_RevertWhen_Paused() public {
        vm.prank(guardian);
        fund.pause();
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FundPaused.selector));
        vm.prank(alice);
        fund.mint(_maxAmounts(), 0, alice);
    }

    function test_MintExactShares_RevertWhen_Paused() public {
        uint256[] memory amounts = lens.previewMintExactShares(address(fund), 1e18);
        vm.prank(guardian);
        fund.pause();
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FundPaused.selector));
        vm.prank(alice);
        fund.mintExactShares(1e18, amounts, alice);
    }

    function test_Sweep_RevertWhen_Paused() public {
        vm.prank(guardian);
        fund.pause();
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FundPaused.selector));
        fund.sweep();
    }

    function test_Redeem_GivenPaused() public {
        fund.sweep();
        vm.prank(guardian);
        fund.pause();
        uint256[] memory expected = lens.previewRedeem(address(fund), 10e18);
        vm.prank(seeder);
        fund.redeem(10e18, seeder, _zeros());
        uint256[] memory got = _balances(seeder);
        for (uint256 i; i < N; ++i) {
            assertGt(expected[i], 0, "something owed");
            assertEq(got[i], expected[i], "paid in full while paused");
        }
        assertEq(fund.balanceOf(seeder), SEED_SHARES - ConstantsLib.DEAD_SHARES - 10e18, "shares burned");
    }

    /* exitVenus / exitVenusAll */

    function test_ExitVenus_GivenGuardian() public {
        fund.sweep();
        uint256 vShares = fund.asset(ETH).vShares;
        uint256 idle = fund.asset(ETH).idle;
        uint256 expected = vShares * vTokens[ETH].exchangeRateStored() / 1e18;
        uint256 heldBefore = fund.holdings()[ETH];

        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetYieldEnabled(ETH, false);
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.VenusExit(ETH, address(vTokens[ETH]), expected, 0);
        vm.prank(guardian);
        fund.exitVenus(ETH);

        assertEq(fund.asset(ETH).vShares, 0, "no vShares left");
        assertEq(vTokens[ETH].balanceOf(address(fund)), 0, "no vTokens left");
        assertEq(fund.asset(ETH).idle, idle + expected, "withdrawn into idle");
        assertEq(IERC20(tokens[ETH]).balanceOf(address(fund)), idle + expected, "tokens back in the fund");
        assertFalse(fund.asset(ETH).yieldEnabled, "yield disabled");
        assertEq(fund.holdings()[ETH], heldBefore, "holdings unchanged");
        assertEq(fund.sweep()[ETH], 0, "sweep no longer supplies it");
        assertGt(fund.asset(BTC).vShares, 0, "other assets stay supplied");
    }

    function test_ExitVenus_GivenOwner() public {
        fund.sweep();
        vm.prank(owner);
        fund.exitVenus(BTC);
        assertEq(fund.asset(BTC).vShares, 0, "owner exits too");
    }

    function test_ExitVenus_GivenPaused() public {
        fund.sweep();
        vm.startPrank(guardian);
        fund.pause();
        fund.exitVenus(SOL);
        vm.stopPrank();
        assertEq(fund.asset(SOL).vShares, 0, "exits while paused");
    }

    function test_ExitVenus_RevertWhen_CallerNotGuardianOrOwner() public {
        fund.sweep();
        address[2] memory callers = [keeper, stranger];
        for (uint256 k; k < callers.length; ++k) {
            vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, callers[k]));
            vm.prank(callers[k]);
            fund.exitVenus(ETH);
        }
        assertTrue(fund.asset(ETH).yieldEnabled, "yield unchanged");
    }

    function test_ExitVenus_RevertWhen_IndexOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.IndexOutOfRange.selector, N, N));
        vm.prank(guardian);
        fund.exitVenus(N);
    }

    function test_ExitVenusAll_GivenGuardian() public {
        fund.sweep();
        uint256[] memory heldBefore = fund.holdings();
        vm.prank(guardian);
        fund.exitVenusAll();
        uint256[] memory held = fund.holdings();
        for (uint256 i; i < N; ++i) {
            assertEq(fund.asset(i).vShares, 0, "no vShares left");
            assertFalse(fund.asset(i).yieldEnabled, "yield disabled");
            assertEq(held[i], heldBefore[i], "holdings unchanged");
            assertEq(IERC20(tokens[i]).balanceOf(address(fund)), held[i], "everything idle in the fund");
        }
    }

    function test_ExitVenusAll_GivenOwner() public {
        fund.sweep();
        vm.prank(owner);
        fund.exitVenusAll();
        for (uint256 i; i < N; ++i) {
            assertEq(fund.asset(i).vShares, 0, "no vShares left");
        }
    }

    function test_ExitVenusAll_RevertWhen_CallerNotGuardianOrOwner() public {
        fund.sweep();
        address[2] memory callers = [keeper, stranger];
        for (uint256 k; k < callers.length; ++k) {
            vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, callers[k]));
            vm.prank(callers[k]);
            fund.exitVenusAll();
        }
        assertGt(fund.asset(BTC).vShares, 0, "still supplied");
    }

    /* Ownable2Step */

    function test_TransferOwnership_GivenAccepted() public {
        vm.prank(owner);
        fund.transferOwnership(alice);
        assertEq(fund.owner(), owner, "owner until accepted");
        assertEq(fund.pendingOwner(), alice, "pending owner");

        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, bob));
        vm.prank(bob);
        fund.acceptOwnership();

        vm.prank(alice);
        fund.acceptOwnership();
        assertEq(fund.owner(), alice, "new owner");
        assertEq(fund.pendingOwner(), address(0), "pending cleared");

        _expectNotOwner(owner);
        vm.prank(owner);
        fund.setBuffer(BTC, 0);
        vm.prank(alice);
        fund.setBuffer(BTC, 0);
        assertEq(uint256(fund.asset(BTC).bufferBps), 0, "the new owner sets parameters");
    }

    function test_RenounceOwnership_RevertWhen_Owner() public {
        // Renouncing is disabled: with the owner gone, a guardian pause could never be lifted.
        vm.expectRevert(ErrorsLib.RenounceDisabled.selector);
        vm.prank(owner);
        fund.renounceOwnership();
        assertEq(fund.owner(), owner, "owner kept");
    }

    function test_RenounceOwnership_RevertWhen_Stranger() public {
        _expectNotOwner(alice);
        vm.prank(alice);
        fund.renounceOwnership();
    }

    /* no role can take holders' assets */

    function test_Roles_CannotTakeHoldersAssets() public {
        _mint(fund, alice, 10e18);
        fund.sweep();
        address[3] memory holders = [seeder, alice, ConstantsLib.DEAD_ADDRESS];
        uint256[] memory held0 = fund.holdings();
        uint256 supply0 = fund.totalSupplyWithFees();
        uint256[3] memory shares0;
        for (uint256 h; h < holders.length; ++h) {
            shares0[h] = fund.balanceOf(holders[h]);
        }
        address newGuardian = makeAddr("newGuardian");
        address newKeeper = makeAddr("newKeeper");
        MockVBep20 v2 = _newMarket(ETH);

        // Guardian: everything it can call.
        vm.startPrank(guardian);
        fund.pause();
        fund.exitVenus(BTC);
        fund.exitVenusAll();
        vm.stopPrank();

        // Keeper: no privileged entry point.
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, keeper));
        vm.prank(keeper);
        fund.exitVenusAll();

        // Owner: every setter, pointing every address it can at itself.
        vm.startPrank(owner);
        fund.unpause();
        fund.pause();
        fund.exitVenus(ETH);
        fund.exitVenusAll();
        fund.setTargetWeights(_weights(4000, 1000, 1000, 1000, 1000, 2000));
        for (uint256 i; i < N; ++i) {
            fund.setBuffer(i, 0);
        }
        fund.setVenusMarket(ETH, address(v2));
        fund.setVenusMarket(SOL, address(0));
        fund.setYieldEnabled(XRP, false);
        fund.setYieldEnabled(XRP, true);
        fund.setManagementFee(500);
        fund.setRedeemFee(100);
        fund.setFeeRecipient(owner);
        fund.setGuardian(newGuardian);
        fund.setKeeper(newKeeper);
        fund.setOracle(owner);
        fund.transferOwnership(guardian);
        fund.unpause();
        vm.stopPrank();

        uint256[] memory held = fund.holdings();
        for (uint256 i; i < N; ++i) {
            assertApproxEqAbs(held[i], held0[i], 2, "holdings unchanged (Venus exits back into idle)");
            assertEq(fund.asset(i).vShares, 0, "every position back into idle");
            assertEq(fund.asset(i).idle, held[i], "all idle");
            assertGe(IERC20(tokens[i]).balanceOf(address(fund)), held[i], "the fund holds its idle tokens");
        }
        assertEq(fund.totalSupplyWithFees(), supply0, "no shares created");
        for (uint256 h; h < holders.length; ++h) {
            assertEq(fund.balanceOf(holders[h]), shares0[h], "holder's shares unchanged");
            for (uint256 i; i < N; ++i) {
                assertApproxEqAbs(
                    held[i] * shares0[h] / fund.totalSupplyWithFees(),
                    held0[i] * shares0[h] / supply0,
                    2,
                    "holder's pro-rata claim unchanged"
                );
            }
        }
        address[5] memory roles = [owner, guardian, keeper, newGuardian, newKeeper];
        for (uint256 r; r < roles.length; ++r) {
            assertEq(fund.balanceOf(roles[r]), 0, "no role holds shares");
            for (uint256 i; i < N; ++i) {
                assertEq(IERC20(tokens[i]).balanceOf(roles[r]), 0, "no role received basket tokens");
                assertEq(vTokens[i].balanceOf(roles[r]), 0, "no role received vTokens");
            }
            assertEq(v2.balanceOf(roles[r]), 0, "no role received new-market vTokens");
        }

        // The new keeper (anyone) sweeps into the markets the owner listed: Venus rounds each supply down
        // by less than one vToken unit.
        vm.prank(newKeeper);
        fund.sweep();
        held = fund.holdings();
        for (uint256 i; i < N; ++i) {
            address v = fund.asset(i).vToken;
            uint256 unit = v == address(0) ? 0 : MockVBep20(v).exchangeRateStored() / 1e18 + 1;
            assertLe(held[i], held0[i] + 2, "sweep creates nothing");
            assertApproxEqAbs(held[i], held0[i], 2 + unit, "sweep loses at most one vToken unit");
        }
        assertEq(fund.asset(SOL).vShares, 0, "no market, nothing supplied");
        assertEq(v2.balanceOf(address(fund)), fund.asset(ETH).vShares, "ETH supplied to the listed market");
    }

    /* setRebalanceRule */

    function test_RebalanceRule_Defaults() public view {
        assertEq(fund.rebalanceThresholdBps(), 500, "5 % absolute, V1's rule");
        assertEq(fund.rebalanceCooldown(), 30 minutes, "30 minutes");
        assertEq(fund.rebalanceMaxLossBps(), 100, "1 % of the value traded");
        assertEq(fund.lastRebalanceAt(), 0, "never rebalanced");
        assertEq(fund.rebalancer(), address(0), "rebalancing off until the owner sets a rebalancer");
    }

    function test_SetRebalanceRule_SetsAndEmits() public {
        vm.expectEmit(false, false, false, true, address(fund));
        emit EventsLib.SetRebalanceRule(300, 1 hours, 50);
        vm.prank(owner);
        fund.setRebalanceRule(300, 1 hours, 50);
        assertEq(fund.rebalanceThresholdBps(), 300, "threshold");
        assertEq(fund.rebalanceCooldown(), 1 hours, "cooldown");
        assertEq(fund.rebalanceMaxLossBps(), 50, "loss bound");
    }

    function test_SetRebalanceRule_RevertWhen_Invalid() public {
        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRebalanceRule.selector, 0, 60, 100));
        fund.setRebalanceRule(0, 60, 100);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRebalanceRule.selector, 10_001, 60, 100));
        fund.setRebalanceRule(10_001, 60, 100);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRebalanceRule.selector, 500, 7 days + 1, 100));
        fund.setRebalanceRule(500, 7 days + 1, 100);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidRebalanceRule.selector, 500, 60, 501));
        fund.setRebalanceRule(500, 60, 501);
        vm.stopPrank();
    }

    function test_SetRebalanceRule_RevertWhen_NotOwner() public {
        _expectNotOwner(guardian);
        vm.prank(guardian);
        fund.setRebalanceRule(300, 60, 100);
    }

    /* setEpisodeBounds */

    function test_EpisodeBounds_Defaults() public view {
        RebalanceEpisode memory e = fund.rebalanceEpisode();
        assertEq(e.minStepInterval, 1 minutes, "the rebalancer's step interval");
        assertEq(e.maxDuration, 12 hours, "longer than the 6-hour public delay");
        assertEq(e.maxSteps, 20, "20 steps");
        assertEq(e.maxLossBps, 100, "1 % of the over-weight");
        assertEq(e.startedAt, 0, "no episode yet");
        assertFalse(fund.rebalancing(), "none open");
    }

    function test_SetEpisodeBounds_SetsAndEmits() public {
        vm.expectEmit(false, false, false, true, address(fund));
        emit EventsLib.SetEpisodeBounds(5 minutes, 1 days, 50, 200);
        vm.prank(owner);
        fund.setEpisodeBounds(5 minutes, 1 days, 50, 200);
        RebalanceEpisode memory e = fund.rebalanceEpisode();
        assertEq(e.minStepInterval, 5 minutes, "interval");
        assertEq(e.maxDuration, 1 days, "duration");
        assertEq(e.maxSteps, 50, "steps");
        assertEq(e.maxLossBps, 200, "loss");
    }

    function test_SetEpisodeBounds_AcceptsTheEdgesOfItsRanges() public {
        vm.startPrank(owner);
        fund.setEpisodeBounds(1, 1, 1, 1);
        fund.setEpisodeBounds(1 days, 7 days, 100, 500);
        vm.stopPrank();
        assertEq(fund.rebalanceEpisode().maxSteps, 100, "set");
    }

    function test_SetEpisodeBounds_RevertWhen_OutOfRange() public {
        vm.startPrank(owner);
        _expectInvalidEpisodeBounds(0, 1 hours, 20, 100); // no interval: two steps in one block
        _expectInvalidEpisodeBounds(1 days + 1, 7 days, 20, 100);
        _expectInvalidEpisodeBounds(10 minutes, 9 minutes, 20, 100); // a deadline before the 2nd step
        _expectInvalidEpisodeBounds(1 minutes, 7 days + 1, 20, 100);
        _expectInvalidEpisodeBounds(1 minutes, 1 hours, 0, 100);
        _expectInvalidEpisodeBounds(1 minutes, 1 hours, 101, 100);
        _expectInvalidEpisodeBounds(1 minutes, 1 hours, 20, 0);
        _expectInvalidEpisodeBounds(1 minutes, 1 hours, 20, 501);
        vm.stopPrank();
    }

    function _expectInvalidEpisodeBounds(uint32 interval, uint32 duration, uint16 steps, uint16 lossBps)
        internal
    {
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.InvalidEpisodeBounds.selector, interval, duration, steps, lossBps
            )
        );
        fund.setEpisodeBounds(interval, duration, steps, lossBps);
    }

    function test_SetEpisodeBounds_RevertWhen_NotOwner() public {
        _expectNotOwner(keeper);
        vm.prank(keeper);
        fund.setEpisodeBounds(1 minutes, 1 hours, 20, 100);
    }

    /* setRebalancer */

    function test_SetRebalancer_SetsAndEmits() public {
        vm.expectEmit(true, false, false, true, address(fund));
        emit EventsLib.SetRebalancer(bob);
        vm.prank(owner);
        fund.setRebalancer(bob);
        assertEq(fund.rebalancer(), bob, "rebalancer");
    }

    function test_SetRebalancer_RevertWhen_NotOwner() public {
        _expectNotOwner(keeper);
        vm.prank(keeper);
        fund.setRebalancer(keeper);
    }
}
