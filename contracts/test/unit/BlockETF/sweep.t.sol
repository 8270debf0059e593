// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {VenusOutcome} from "../../../src/interfaces/IBlockETF.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {MockVToken} from "../../utils/mocks/MockVToken.sol";

contract SweepTest is BaseTest {
    uint8 internal constant MINT = 0;

    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
    }

    /// @dev {tok} What the buffer keeps of asset i: holdings * buffer, rounded up.
    function _keep(uint256 i) internal view returns (uint256) {
        uint256 held = fund.holdings()[i];
        return (held * BUFFER_BPS + 9_999) / 10_000;
    }

    function test_Sweep_SuppliesIdleAboveTheBuffer() public {
        uint256[] memory heldBefore = fund.holdings();
        uint256[] memory expected = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            expected[i] = heldBefore[i] - _keep(i);
        }
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.Supply(
            BTC,
            address(vTokens[BTC]),
            expected[BTC],
            expected[BTC] * 1e18 / vTokens[BTC].exchangeRateStored()
        );
        vm.prank(bob); // permissionless
        uint256[] memory supplied = fund.sweep();
        uint256[] memory heldAfter = fund.holdings();
        for (uint256 i; i < N; ++i) {
            assertEq(supplied[i], expected[i], "supplied the idle above the buffer");
            assertEq(fund.asset(i).idle, heldBefore[i] - expected[i], "buffer kept idle");
            assertEq(
                vTokens[i].balanceOf(address(fund)), fund.asset(i).vShares, "vShares are what Venus minted"
            );
            // Venus rounds the vTokens minted down: at most one vToken unit of value is lost per supply.
            assertApproxEqAbs(
                heldAfter[i], heldBefore[i], vTokens[i].exchangeRateStored() / 1e18 + 1, "holdings kept"
            );
            assertLe(heldAfter[i], heldBefore[i], "never more than before");
        }
        assertEq(address(fund).balance, 0, "no BNB left unwrapped");
    }

    function test_Sweep_IsIdempotentInABlock() public {
        fund.sweep();
        uint256[] memory second = fund.sweep();
        assertEq(second, _zeros(), "nothing left to supply");
    }

    function test_Sweep_GivenFullBuffer_SuppliesNothing() public {
        vm.prank(owner);
        fund.setBuffer(ETH, 10_000);
        uint256[] memory supplied = fund.sweep();
        assertEq(supplied[ETH], 0, "100% buffer keeps everything idle");
        assertGt(supplied[BTC], 0, "others supplied");
    }

    function test_Sweep_GivenSupplyCap_SuppliesUpToTheCapAndReportsTheRest() public {
        MockVToken v = vTokens[USDT];
        uint256 supplied = v.totalSupply() * v.exchangeRateStored() / 1e18;
        _setVenusSupplyCap(address(v), supplied + 1_000e18);
        uint256 wanted = fund.holdings()[USDT] - _keep(USDT);
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SupplySkipped(USDT, address(v), wanted - 1_000e18, VenusOutcome.CapReached, 0);
        uint256[] memory out = fund.sweep();
        assertEq(out[USDT], 1_000e18, "supplied up to the cap");
        assertEq(
            fund.asset(USDT).idle,
            fund.holdings()[USDT] - fund.asset(USDT).vShares * v.exchangeRateStored() / 1e18,
            "rest idle"
        );
    }

    function test_Sweep_GivenCapZero_LeavesIdle() public {
        _setVenusSupplyCap(address(vTokens[XRP]), 0);
        uint256 idle = fund.asset(XRP).idle;
        uint256[] memory out = fund.sweep();
        assertEq(out[XRP], 0, "cap 0 means minting disabled");
        assertEq(fund.asset(XRP).idle, idle, "all idle");
    }

    function test_Sweep_GivenMintPaused_LeavesIdle() public {
        _setVenusActionPaused(address(vTokens[SOL]), MINT, true);
        uint256 idle = fund.asset(SOL).idle;
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SupplySkipped(SOL, address(vTokens[SOL]), idle - _keep(SOL), VenusOutcome.Paused, 0);
        fund.sweep();
        assertEq(fund.asset(SOL).idle, idle, "left idle");
    }

    function test_Sweep_GivenProtocolPaused_LeavesEverythingIdle() public {
        _setVenusProtocolPaused(true);
        assertEq(fund.sweep(), _zeros(), "nothing supplied");
    }

    function test_Sweep_GivenErrorCode_LosesNothing() public virtual {
        MockVToken v = vTokens[ETH];
        v.setFailMode(MockVToken.FailMode.ReturnCode);
        v.setForcedError(3);
        uint256 idle = fund.asset(ETH).idle;
        uint256 balance = IERC20(tokens[ETH]).balanceOf(address(fund));
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SupplySkipped(ETH, address(v), idle - _keep(ETH), VenusOutcome.ErrorCode, 3);
        fund.sweep();
        assertEq(fund.asset(ETH).idle, idle, "idle unchanged");
        assertEq(IERC20(tokens[ETH]).balanceOf(address(fund)), balance, "tokens still here");
        assertEq(IERC20(tokens[ETH]).allowance(address(fund), address(v)), 0, "no allowance left behind");
    }

    function test_Sweep_GivenVenusReverts_LosesNothing() public virtual {
        vTokens[BTC].setForcedError(9);
        uint256 idle = fund.asset(BTC).idle;
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SupplySkipped(BTC, address(vTokens[BTC]), idle - _keep(BTC), VenusOutcome.Reverted, 0);
        fund.sweep();
        assertEq(fund.asset(BTC).idle, idle, "idle unchanged");
    }

    function test_Sweep_GivenNativeMarketReverts_RewrapsTheBNB() public virtual {
        vTokens[BNB].setForcedError(9);
        uint256 balance = IERC20(tokens[BNB]).balanceOf(address(fund));
        uint256 idle = fund.asset(BNB).idle;
        fund.sweep();
        assertEq(IERC20(tokens[BNB]).balanceOf(address(fund)), balance, "WBNB back");
        assertEq(fund.asset(BNB).idle, idle, "idle unchanged");
        assertEq(address(fund).balance, 0, "no raw BNB");
    }

    function test_Sweep_GivenYieldDisabled_Skips() public {
        vm.prank(owner);
        fund.setYieldEnabled(BTC, false);
        assertEq(fund.sweep()[BTC], 0, "skipped");
    }

    function test_Sweep_GivenRateUnavailable_Skips() public {
        fund.sweep();
        _mint(fund, alice, 10e18);
        _setVenusRateFails(true); // from the next block: markets accrued in this one still price
        _advance(10, 10);
        vm.expectEmit(true, true, false, true, address(fund));
        emit EventsLib.SupplySkipped(BTC, address(vTokens[BTC]), 0, VenusOutcome.RateUnavailable, 0);
        assertEq(fund.sweep(), _zeros(), "nothing supplied");
    }

    function test_Sweep_RevertWhen_Paused() public {
        vm.prank(guardian);
        fund.pause();
        vm.expectRevert(ErrorsLib.FundPaused.selector);
        fund.sweep();
    }

    /* exitVenus */

    function test_ExitVenus_WithdrawsEverythingAndDisablesYield() public {
        fund.sweep();
        _advance(1_000, 1_000);
        uint256 held = fund.holdings()[ETH];
        vm.expectEmit(true, true, false, false, address(fund));
        emit EventsLib.VenusExit(ETH, address(vTokens[ETH]), 0, 0);
        vm.prank(guardian);
        fund.exitVenus(ETH);
        assertEq(fund.asset(ETH).vShares, 0, "no vTokens left");
        assertEq(fund.asset(ETH).idle, held, "everything idle, interest included");
        assertFalse(fund.asset(ETH).yieldEnabled, "yield off");
        assertEq(fund.sweep()[ETH], 0, "sweep leaves it idle");
    }

    function test_ExitVenus_GivenCashShort_WithdrawsWhatItCan() public {
        fund.sweep();
        MockVToken v = vTokens[USDT];
        _drainVenusCash(USDT, 5e18);
        uint256 vShares = fund.asset(USDT).vShares;
        vm.prank(guardian);
        fund.exitVenus(USDT);
        assertGt(fund.asset(USDT).vShares, 0, "the rest stays supplied");
        assertLt(fund.asset(USDT).vShares, vShares, "part withdrawn");
        assertEq(v.getCash(), 0, "all the cash taken");
        assertFalse(fund.asset(USDT).yieldEnabled, "yield off");
    }

    function test_ExitVenus_GivenRedeemPaused_KeepsPositionAndReports() public {
        fund.sweep();
        _setVenusActionPaused(address(vTokens[SOL]), 1, true);
        uint256 vShares = fund.asset(SOL).vShares;
        vm.prank(guardian);
        fund.exitVenus(SOL);
        assertEq(fund.asset(SOL).vShares, vShares, "position kept");
        assertFalse(fund.asset(SOL).yieldEnabled, "yield off anyway");
    }

    function test_ExitVenusAll_ExitsEveryMarket() public {
        fund.sweep();
        vm.prank(owner);
        fund.exitVenusAll();
        for (uint256 i; i < N; ++i) {
            assertEq(fund.asset(i).vShares, 0, "exited");
            assertFalse(fund.asset(i).yieldEnabled, "yield off");
        }
        assertEq(address(fund).balance, 0, "vBNB paid back as WBNB");
    }

    function test_ExitVenus_RevertWhen_Stranger() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.Unauthorized.selector, alice));
        vm.prank(alice);
        fund.exitVenus(BTC);
    }

    function test_ExitVenus_RevertWhen_IndexOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.IndexOutOfRange.selector, N, N));
        vm.prank(guardian);
        fund.exitVenus(N);
    }
}
