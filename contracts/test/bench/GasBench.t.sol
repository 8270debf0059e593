// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {FundParams} from "../../src/interfaces/IBlockETF.sol";
import {BaseTest} from "../utils/BaseTest.sol";

interface IGasSnapshot {
    function snapshotGasLastCall(string calldata name) external returns (uint256 gasUsed);
}

/// @notice Alice holds 100 shares; bob holds and has approved what one share costs, a little over.
abstract contract GasBenchBase is BaseTest {
    IGasSnapshot internal constant GAS = IGasSnapshot(address(vm));
    uint256[] internal bobAmounts;

    /// @dev Run after `fund` is the fund to measure (and, for Venus, after its sweep).
    function _prepareHolders(bool supply) internal {
        _mint(fund, alice, 100e18);
        if (supply) fund.sweep();
        bobAmounts = lens.previewMintExactShares(address(fund), 1e18);
        for (uint256 i; i < N; ++i) {
            bobAmounts[i] = bobAmounts[i] * 101 / 100;
            _give(tokens[i], bob, bobAmounts[i]);
            vm.prank(bob);
            IERC20(tokens[i]).approve(address(fund), type(uint256).max);
        }
        _advance(10, 30);
    }
}

/// @notice Gas of the fund's user operations on the 6-asset basket with Venus on, as whole transactions.
/// @dev Run with `--isolate` (as `npm run bench:gas` does): every top-level call is then its own
/// transaction with cold storage, and `snapshotGasLastCall` records its full gas (21,000 intrinsic and
/// calldata included) into snapshots/GasBenchTest.json. Every market has accrued in an earlier block,
/// so each operation pays Venus's interest accrual, as on a quiet mainnet block.
contract GasBenchTest is GasBenchBase {
    function setUp() public virtual override {
        super.setUp();
        _prepareHolders(true);
    }

    function test_gas_mint() public virtual {
        vm.prank(bob);
        fund.mint(bobAmounts, 0, bob);
        GAS.snapshotGasLastCall("mint");
    }

    function test_gas_redeemFromBuffer() public virtual {
        vm.prank(alice);
        fund.redeem(1e18, alice, _zeros());
        GAS.snapshotGasLastCall("redeemFromBuffer");
    }

    function test_gas_redeemFromVenus() public virtual {
        vm.prank(alice);
        fund.redeem(50e18, alice, _zeros());
        GAS.snapshotGasLastCall("redeemFromVenus");
    }

    function test_gas_redeemWithVTokenFallback() public virtual {
        for (uint256 i; i < N; ++i) {
            comptroller.setActionPaused(address(vTokens[i]), 1, true);
        }
        vm.prank(alice);
        fund.redeem(50e18, alice, _zeros());
        GAS.snapshotGasLastCall("redeemWithVTokenFallback");
    }

    function test_gas_sweep() public virtual {
        vm.prank(bob);
        fund.mint(bobAmounts, 0, bob);
        _advance(10, 30);
        fund.sweep();
        GAS.snapshotGasLastCall("sweep");
    }
}

/// @notice The same operations when every Venus market has already accrued in this block (a busy
/// mainnet block): the fund then reads one stored rate per market.
contract GasBenchAccruedTest is GasBenchTest {
    function setUp() public override {
        super.setUp();
        for (uint256 i; i < N; ++i) {
            vTokens[i].accrueInterest();
        }
    }

    function test_gas_mint() public override {
        vm.prank(bob);
        fund.mint(bobAmounts, 0, bob);
        GAS.snapshotGasLastCall("mintMarketsAccrued");
    }

    function test_gas_redeemFromBuffer() public override {
        vm.prank(alice);
        fund.redeem(1e18, alice, _zeros());
        GAS.snapshotGasLastCall("redeemFromBufferMarketsAccrued");
    }

    function test_gas_redeemFromVenus() public override {}

    function test_gas_redeemWithVTokenFallback() public override {}

    function test_gas_sweep() public override {}
}

/// @notice The same basket with Venus off (no markets): the cost of the fund without yield, for comparison
/// with V1's 6-asset figures.
contract GasBenchVenusOffTest is GasBenchBase {
    function setUp() public override {
        super.setUp();
        FundParams memory p = _defaultParams();
        for (uint256 i; i < N; ++i) {
            p.assets[i].vToken = address(0);
        }
        fund = _createFund(p, seeder);
        _prepareHolders(false);
    }

    function test_gas_mint() public virtual {
        vm.prank(bob);
        fund.mint(bobAmounts, 0, bob);
        GAS.snapshotGasLastCall("mintVenusOff");
    }

    function test_gas_redeem() public virtual {
        vm.prank(alice);
        fund.redeem(1e18, alice, _zeros());
        GAS.snapshotGasLastCall("redeemVenusOff");
    }
}
