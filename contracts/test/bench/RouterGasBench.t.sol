// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FundParams} from "../../src/interfaces/IBlockETF.sol";
import {RouterBaseTest} from "../utils/RouterBaseTest.sol";

interface IGasSnapshot {
    function snapshotGasLastCall(string calldata name) external returns (uint256 gasUsed);
}

/// @notice Gas of the router's USDT mint and redeem on the 6-asset basket with Venus on and the devnet-like
/// pools, as whole transactions (see GasBench.t.sol: run with `--isolate`;
/// snapshots/RouterGasBenchTest.json). @dev Alice holds 100 shares; bob holds $1,000 of USDT approved to the
/// router. The router and every pool
/// were used once before (by carol), so the figures are those of a router in use, not of its first call.
contract RouterGasBenchTest is RouterBaseTest {
    IGasSnapshot internal constant GAS = IGasSnapshot(address(vm));
    uint256 internal constant MINT_VALUE = 1_000e18;
    address internal carol = makeAddr("carol");

    function setUp() public virtual override {
        super.setUp();
        _prepare();
    }

    /// @dev Run once `fund` is the fund to measure, with its rebalancer set.
    function _prepare() internal {
        _mint(fund, alice, 100e18);
        fund.sweep();
        _giveStable(carol, MINT_VALUE);
        vm.prank(carol);
        router.mintWithStable(address(fund), MINT_VALUE, 0, carol, block.timestamp);
        _giveStable(bob, 2 * MINT_VALUE);
        vm.prank(alice);
        fund.approve(address(router), type(uint256).max);
        _advance(10, 30);
    }

    /// @dev The snapshot row of `row`; RealVenusRouterGasBenchTest suffixes its own.
    function _row(string memory row) internal pure virtual returns (string memory) {
        return row;
    }

    function test_gas_routerMint() public virtual {
        vm.prank(bob);
        router.mintWithStable(address(fund), MINT_VALUE, 0, bob, block.timestamp);
        GAS.snapshotGasLastCall(_row("routerMint"));
    }

    function test_gas_routerMintExactShares() public virtual {
        vm.prank(bob);
        router.mintExactSharesWithStable(address(fund), 1e18, 2 * MINT_VALUE, bob, block.timestamp);
        GAS.snapshotGasLastCall(_row("routerMintExactShares"));
    }

    function test_gas_routerRedeem() public virtual {
        vm.prank(alice);
        router.redeemToStable(address(fund), 1e18, 0, alice, block.timestamp);
        GAS.snapshotGasLastCall(_row("routerRedeem"));
    }
}

/// @notice The same on the basket with Venus off (no markets), for comparison with V1's router (6 assets,
/// no Venus: 1,101,812 for a USDT mint).
contract RouterGasBenchVenusOffTest is RouterGasBenchTest {
    function setUp() public override {
        RouterBaseTest.setUp();
        FundParams memory p = _defaultParams();
        for (uint256 i; i < N; ++i) {
            p.assets[i].vToken = address(0);
        }
        fund = _createFund(p, seeder);
        rebalancer = _rebalancerOf(fund);
        vm.prank(owner);
        fund.setRebalancer(address(rebalancer));
        _prepare();
    }

    function test_gas_routerMint() public override {
        vm.prank(bob);
        router.mintWithStable(address(fund), MINT_VALUE, 0, bob, block.timestamp);
        GAS.snapshotGasLastCall("routerMintVenusOff");
    }

    function test_gas_routerMintExactShares() public override {
        vm.prank(bob);
        router.mintExactSharesWithStable(address(fund), 1e18, 2 * MINT_VALUE, bob, block.timestamp);
        GAS.snapshotGasLastCall("routerMintExactSharesVenusOff");
    }

    function test_gas_routerRedeem() public override {
        vm.prank(alice);
        router.redeemToStable(address(fund), 1e18, 0, alice, block.timestamp);
        GAS.snapshotGasLastCall("routerRedeemVenusOff");
    }
}
