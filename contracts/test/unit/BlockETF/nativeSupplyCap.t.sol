// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {VenusOutcome} from "../../../src/interfaces/IBlockETF.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {Vm} from "../../utils/Vm.sol";

/// @notice Supplying BNB to Venus's native vBNB under a binding supply cap. Venus's `mintAllowed` values the
/// market with `exchangeRateStored()`, whose cash is vBNB's whole balance — the BNB being minted included
/// —
/// and then adds the amount again: a native mint needs twice its amount of headroom. The fund sizes its
/// supply to the real headroom instead of reverting.
contract NativeSupplyCapTest is BaseTest {
    function setUp() public virtual override {
        super.setUp();
        _skipUnlessNativeBnbMarket();
    }

    /// @dev {tok} Underlying supplied to vBNB by everyone, at Venus's own accrued rate (state untouched).
    function _marketSupply() internal returns (uint256 supplied) {
        uint256 snap = vm.snapshotState();
        supplied = vTokens[BNB].totalSupply() * vTokens[BNB].exchangeRateCurrent() / 1e18;
        vm.revertToState(snap);
    }

    function test_Sweep_GivenNativeCapWithRoom_SuppliesWithinTheHeadroom() public {
        uint256 cap = _marketSupply() + 1e18; // 1 BNB of headroom; the fund wants to supply ~19 BNB
        _setVenusSupplyCap(address(vTokens[BNB]), cap);
        uint256 idle = fund.asset(BNB).idle;

        uint256[] memory supplied = fund.sweep();

        assertGt(supplied[BNB], 0.5e18 - 3, "half the headroom: Venus counts the incoming BNB twice");
        assertLe(supplied[BNB], 0.5e18, "never more");
        assertLe(_marketSupply(), cap, "within the cap");
        assertEq(fund.asset(BNB).idle, idle - supplied[BNB], "the rest stays idle");
        assertEq(wbnb.balanceOf(address(fund)), fund.asset(BNB).idle, "as WBNB");
        assertEq(address(fund).balance, 0, "no raw BNB left");
    }

    function test_Sweep_GivenNativeCapWithRoom_ReportsTheRestCapped() public {
        _setVenusSupplyCap(address(vTokens[BNB]), _marketSupply() + 1e18);
        vm.recordLogs();
        fund.sweep();
        bool capped;
        bytes32 skipped = EventsLib.SupplySkipped.selector;
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 k; k < logs.length; ++k) {
            if (logs[k].topics[0] != skipped || uint256(logs[k].topics[1]) != BNB) continue;
            (, VenusOutcome reason,) = abi.decode(logs[k].data, (uint256, VenusOutcome, uint256));
            capped = reason == VenusOutcome.CapReached;
        }
        assertTrue(capped, "the part left idle is reported CapReached");
    }

    function test_Sweep_GivenNativeCapRoomOfOneWei_LeavesIdle() public {
        _setVenusSupplyCap(address(vTokens[BNB]), _marketSupply() + 1);
        uint256 idle = fund.asset(BNB).idle;
        uint256[] memory supplied = fund.sweep();
        assertEq(supplied[BNB], 0, "nothing fits");
        assertEq(fund.asset(BNB).idle, idle, "all idle");
        assertEq(address(fund).balance, 0, "no raw BNB left");
    }

    function test_Sweep_GivenNativeCapWithRoom_RepeatedSweepsFillIt() public {
        uint256 cap = _marketSupply() + 1e18;
        _setVenusSupplyCap(address(vTokens[BNB]), cap);
        for (uint256 k; k < 8; ++k) {
            fund.sweep();
            _advance(1, 3);
        }
        assertGt(_marketSupply(), cap - 0.01e18, "each sweep takes half of what is left");
        assertLe(_marketSupply(), cap, "within the cap");
    }

    /// @dev Any headroom: the sweep never reverts, stays within the cap and takes (almost) half of it.
    function testFuzz_Sweep_GivenNativeCap_SuppliesHalfTheHeadroom(uint256 room) public {
        room = bound(room, 0, 40e18);
        uint256 cap = _marketSupply() + room;
        _setVenusSupplyCap(address(vTokens[BNB]), cap);
        uint256 wanted = fund.asset(BNB).idle * (10_000 - BUFFER_BPS) / 10_000;

        uint256[] memory supplied = fund.sweep();

        assertLe(_marketSupply(), cap, "within the cap");
        assertLe(supplied[BNB], room / 2, "at most half the headroom");
        if (room / 2 < wanted) assertGe(supplied[BNB] + 3, room / 2, "and all of that half");
        assertEq(address(fund).balance, 0, "no raw BNB left");
    }
}
