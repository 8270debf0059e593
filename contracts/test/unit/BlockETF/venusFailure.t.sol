// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {RedeemPayout, VenusOutcome} from "../../../src/interfaces/IBlockETF.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice A Venus contract that reverts on every call — a vToken or the comptroller (an upgradeable
/// Diamond)
/// after a broken upgrade — must block no redemption, claim, sweep or guardian exit of any other asset:
/// every Venus read on those paths is soft, what Venus cannot pay is escrowed, the outcome is typed.
/// @dev The failure is injected by replacing the contract's code with `PUSH0 PUSH0 REVERT` (vm.etch keeps its
/// storage), so the same tests run on the doubles and on Venus's own core pool.
contract VenusFailureTest is BaseTest {
    uint8 internal constant REDEEM = 1;
    uint8 internal constant TRANSFER = 6;
    bytes internal constant REVERTING_CODE = hex"5f5ffd";

    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
        fund.sweep();
        _advance(1_000, 1_000);
    }

    /* HELPERS */

    /// @dev Makes every call to `target` revert; returns its code for `_restore`.
    function _break(address target) internal returns (bytes memory code) {
        code = target.code;
        vm.etch(target, REVERTING_CODE);
    }

    function _restore(address target, bytes memory code) internal {
        vm.etch(target, code);
    }

    function _redeem(uint256 shares) internal returns (RedeemPayout[] memory) {
        vm.prank(alice);
        return fund.redeem(shares, alice, _zeros());
    }

    /// @dev D18{tok/vTok} Venus's own accrued rate of market i in this block (state untouched).
    function _rate(uint256 i) internal returns (uint256 rate) {
        uint256 snap = vm.snapshotState();
        rate = vTokens[i].exchangeRateCurrent();
        vm.revertToState(snap);
    }

    /// @dev I2 once the market answers again: the fund's vTokens are the holders' position plus the escrow.
    function _assertVTokensAccounted(uint256 i) internal view {
        assertEq(
            vTokens[i].balanceOf(address(fund)),
            fund.asset(i).vShares + fund.totalEscrowed(address(vTokens[i])),
            "vTokens all accounted"
        );
    }

    /* REDEEM */

    function test_Redeem_GivenVTokenReverts_PaysEveryOtherAssetAndEscrowsIt() public {
        address vEth = address(vTokens[ETH]);
        uint256[] memory preview = lens.previewRedeem(address(fund), 50e18);
        uint256 supply = fund.totalSupply();
        (uint256 idle, uint256 vShares) = (fund.asset(ETH).idle, fund.asset(ETH).vShares);
        bytes memory code = _break(vEth);

        vm.expectEmit(true, true, true, true, address(fund));
        emit EventsLib.RedeemInVTokens(
            alice, ETH, vEth, 50e18 * vShares / supply, true, VenusOutcome.RateUnavailable
        );
        RedeemPayout[] memory payouts = _redeem(50e18);

        for (uint256 i; i < N; ++i) {
            if (i == ETH) continue;
            assertEq(payouts[i].amount, preview[i], "every other asset paid in full");
            assertEq(IERC20(tokens[i]).balanceOf(alice), preview[i], "and received");
        }
        assertEq(payouts[ETH].amount, 50e18 * idle / supply, "ETH's idle part, pro-rata in kind");
        assertEq(payouts[ETH].escrowed, 50e18 * vShares / supply, "ETH's vTokens escrowed, pro-rata");
        assertEq(fund.escrowedVTokens(alice, vEth), payouts[ETH].escrowed, "alice's claim");

        _restore(vEth, code);
        _assertVTokensAccounted(ETH);
    }

    function test_Redeem_GivenComptrollerReverts_PaysIdleAndEscrowsEveryVenusPart() public {
        uint256[] memory preview = lens.previewRedeem(address(fund), 50e18);
        uint256[] memory idle = new uint256[](N);
        uint256[] memory rates = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            (idle[i], rates[i]) = (fund.asset(i).idle, _rate(i));
        }
        bytes memory code = _break(address(comptroller));

        vm.expectEmit(true, true, true, true, address(fund));
        emit EventsLib.RedeemInVTokens(
            alice,
            BTC,
            address(vTokens[BTC]),
            (preview[BTC] - idle[BTC]) * 1e18 / rates[BTC],
            true,
            VenusOutcome.Unreadable
        );
        RedeemPayout[] memory payouts = _redeem(50e18);

        for (uint256 i; i < N; ++i) {
            assertEq(payouts[i].amount, idle[i], "the idle part paid");
            assertEq(payouts[i].vTokens, 0, "vTokens cannot move while the comptroller reverts");
            assertEq(payouts[i].escrowed, (preview[i] - idle[i]) * 1e18 / rates[i], "the Venus part escrowed");
        }

        _restore(address(comptroller), code);
        for (uint256 i; i < N; ++i) {
            _assertVTokensAccounted(i);
            vm.prank(alice);
            (uint256 amount,) = fund.claim(address(vTokens[i]), alice);
            assertEq(
                amount, payouts[i].escrowed * rates[i] / 1e18, "claimed in the underlying once Venus answers"
            );
        }
    }

    /* CLAIM */

    function _escrowSol() internal returns (uint256 escrowed) {
        _setVenusActionPaused(address(vTokens[SOL]), REDEEM, true);
        _setVenusActionPaused(address(vTokens[SOL]), TRANSFER, true);
        escrowed = _redeem(50e18)[SOL].escrowed;
        _setVenusActionPaused(address(vTokens[SOL]), REDEEM, false);
        _setVenusActionPaused(address(vTokens[SOL]), TRANSFER, false);
    }

    function test_Claim_GivenComptrollerReverts_TypedAndKeepsTheEscrow() public {
        uint256 escrowed = _escrowSol();
        bytes memory code = _break(address(comptroller));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ClaimUnavailable.selector, address(vTokens[SOL])));
        vm.prank(alice);
        fund.claim(address(vTokens[SOL]), alice);

        _restore(address(comptroller), code);
        assertEq(fund.escrowedVTokens(alice, address(vTokens[SOL])), escrowed, "the claim is kept");
    }

    function test_Claim_GivenVTokenReverts_TypedAndKeepsTheEscrow() public {
        uint256 escrowed = _escrowSol();
        bytes memory code = _break(address(vTokens[SOL]));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ClaimUnavailable.selector, address(vTokens[SOL])));
        vm.prank(alice);
        fund.claim(address(vTokens[SOL]), alice);

        _restore(address(vTokens[SOL]), code);
        assertEq(fund.escrowedVTokens(alice, address(vTokens[SOL])), escrowed, "the claim is kept");
        vm.prank(alice);
        (uint256 amount,) = fund.claim(address(vTokens[SOL]), alice);
        assertGt(amount, 0, "paid once the market answers");
    }

    /* SWEEP AND GUARDIAN EXIT */

    function test_Sweep_GivenComptrollerReverts_LeavesIdleAndReports() public {
        _mint(fund, bob, 50e18); // new idle above every buffer
        uint256[] memory idle = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            idle[i] = fund.asset(i).idle;
        }
        bytes memory code = _break(address(comptroller));
        vm.recordLogs();
        uint256[] memory supplied = fund.sweep();
        for (uint256 i; i < N; ++i) {
            assertEq(supplied[i], 0, "nothing supplied");
            assertEq(fund.asset(i).idle, idle[i], "idle kept");
            assertEq(IERC20(tokens[i]).balanceOf(address(fund)), idle[i], "and held");
        }
        _assertOutcomeLogged(EventsLib.SupplySkipped.selector, VenusOutcome.Unreadable);
        _restore(address(comptroller), code);
    }

    function test_ExitVenus_GivenComptrollerReverts_KeepsThePositionAndReports() public {
        uint256 vShares = fund.asset(BTC).vShares;
        bytes memory code = _break(address(comptroller));
        vm.recordLogs();
        vm.prank(guardian);
        fund.exitVenus(BTC);
        assertEq(fund.asset(BTC).vShares, vShares, "position kept");
        assertFalse(fund.asset(BTC).yieldEnabled, "yield off");
        _assertOutcomeLogged(EventsLib.WithdrawFailed.selector, VenusOutcome.Unreadable);
        _restore(address(comptroller), code);
    }

    function test_ExitVenus_GivenVTokenReverts_KeepsThePositionAndReports() public {
        uint256 vShares = fund.asset(XRP).vShares;
        bytes memory code = _break(address(vTokens[XRP]));
        vm.prank(guardian);
        fund.exitVenus(XRP);
        assertEq(fund.asset(XRP).vShares, vShares, "position kept");
        _restore(address(vTokens[XRP]), code);
    }

    /* GUARDIAN WRITE-OFF */

    function test_WriteOffVenus_GivenUnreadableMarket_ReopensMintAndKeepsTheVTokensPayable() public {
        address vEth = address(vTokens[ETH]);
        uint256 vShares = fund.asset(ETH).vShares;
        bytes memory code = _break(vEth);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.VenusRateUnavailable.selector, vEth));
        fund.holdings();

        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.VenusWriteOff(ETH, vEth, vShares, true);
        vm.prank(guardian);
        fund.writeOffVenus(ETH);

        assertTrue(fund.asset(ETH).writtenOff, "written off");
        assertFalse(fund.asset(ETH).yieldEnabled, "no more supply to it");
        assertEq(fund.asset(ETH).vShares, vShares, "the vTokens stay the holders'");
        assertEq(fund.holdings()[ETH], fund.asset(ETH).idle, "valued at zero");

        // Minting works again, at holdings that exclude the written-off vTokens.
        uint256 supply = fund.totalSupply();
        uint256 idleEth = fund.asset(ETH).idle;
        uint256[] memory paid = _mint(fund, bob, 10e18);
        assertEq(paid[ETH], (10e18 * idleEth + supply - 1) / supply, "the minter pays ETH's idle part only");

        // Every later redemption is paid its pro-rata part of them, in kind (escrowed while unreadable).
        supply = fund.totalSupply();
        vm.expectEmit(true, true, true, true, address(fund));
        emit EventsLib.RedeemInVTokens(
            alice, ETH, vEth, 50e18 * vShares / supply, true, VenusOutcome.WrittenOff
        );
        RedeemPayout[] memory payouts = _redeem(50e18);
        assertEq(payouts[ETH].escrowed, 50e18 * vShares / supply, "pro-rata of the written-off vTokens");
        for (uint256 i; i < N; ++i) {
            if (i != ETH) assertEq(payouts[i].vTokens + payouts[i].escrowed, 0, "other assets untouched");
        }

        _restore(vEth, code);
        _assertVTokensAccounted(ETH);
        vm.prank(alice);
        (uint256 amount,) = fund.claim(vEth, alice);
        assertGt(amount, 0, "the escrow pays once the market answers");
    }

    function test_WriteOffVenus_RevertWhen_PositionReadable() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.VenusPositionReadable.selector, ETH));
        vm.prank(guardian);
        fund.writeOffVenus(ETH);
    }

    function test_WriteOffVenus_GivenOwner() public {
        _break(address(vTokens[SOL]));
        vm.prank(owner);
        fund.writeOffVenus(SOL);
        assertTrue(fund.asset(SOL).writtenOff, "written off");
    }

    function test_WriteOffVenus_RevertWhen_CallerNotGuardianOrOwner() public {
        _break(address(vTokens[SOL]));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, keeper));
        vm.prank(keeper);
        fund.writeOffVenus(SOL);
    }

    function test_WriteOffVenus_RevertWhen_NoMarket() public {
        vm.startPrank(owner);
        fund.exitVenus(USDT);
        fund.setVenusMarket(USDT, address(0));
        vm.expectRevert(ErrorsLib.VenusNotAvailable.selector);
        fund.writeOffVenus(USDT);
        vm.stopPrank();
    }

    function test_SetYieldEnabled_GivenWrittenOff_CountsThePositionOnceReadable() public {
        address vEth = address(vTokens[ETH]);
        bytes memory code = _break(vEth);
        vm.prank(guardian);
        fund.writeOffVenus(ETH);

        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.VenusRateUnavailable.selector, vEth));
        vm.prank(owner);
        fund.setYieldEnabled(ETH, true);

        _restore(vEth, code);
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.VenusWriteOff(ETH, vEth, fund.asset(ETH).vShares, false);
        vm.prank(owner);
        fund.setYieldEnabled(ETH, true);
        assertFalse(fund.asset(ETH).writtenOff, "counted again");
        assertEq(
            fund.holdings()[ETH],
            fund.asset(ETH).idle + fund.asset(ETH).vShares * _rate(ETH) / 1e18,
            "at Venus's rate"
        );
    }

    /// @dev Some log with `topic0` carries `outcome` as its (amount, reason, code) data's reason.
    function _assertOutcomeLogged(bytes32 topic0, VenusOutcome outcome) internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool found;
        for (uint256 k; k < logs.length; ++k) {
            if (logs[k].topics.length == 0 || logs[k].topics[0] != topic0) continue;
            (, VenusOutcome reason,) = abi.decode(logs[k].data, (uint256, VenusOutcome, uint256));
            if (reason == outcome) found = true;
        }
        assertTrue(found, "outcome reported in an event");
    }
}
