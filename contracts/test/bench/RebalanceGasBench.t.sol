// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BlockETF} from "../../src/BlockETF.sol";
import {BlockETFFactory} from "../../src/BlockETFFactory.sol";
import {AssetConfig, FundParams} from "../../src/interfaces/IBlockETF.sol";
import {Route} from "../../src/interfaces/IBlockETFRebalancer.sol";
import {ChainlinkOracle} from "../../src/oracles/ChainlinkOracle.sol";
import {BlockETFRebalancer} from "../../src/periphery/BlockETFRebalancer.sol";
import {RebalanceBaseTest} from "../utils/RebalanceBaseTest.sol";
import {Test} from "../utils/Test.sol";
import {V3Dex} from "../utils/dex/V3Dex.sol";
import {MockAggregator} from "../utils/mocks/MockAggregator.sol";
import {MockERC20} from "../utils/mocks/MockERC20.sol";
import {MockVBep20} from "../utils/mocks/MockVToken.sol";
import {MockInterestRateModel, MockVenusComptroller} from "../utils/mocks/MockVenusComptroller.sol";
import {MockWBNB} from "../utils/mocks/MockWBNB.sol";

interface IRebalanceGasSnapshot {
    function snapshotGasLastCall(string calldata name) external returns (uint256 gasUsed);
}

/// @notice Gas of one rebalance step on the 6-asset fund (Venus doubles, real PancakeSwap V3 pools), as whole
/// transactions under `--isolate` (see GasBench.t.sol). Each case moves target weights so that exactly the
/// named assets are sold and bought; every sold asset is withdrawn from Venus and every bought one is
/// supplied again. Every market accrued in an earlier block.
contract RebalanceGasBenchTest is RebalanceBaseTest {
    IRebalanceGasSnapshot internal constant GAS = IRebalanceGasSnapshot(address(vm));

    function setUp() public virtual override {
        super.setUp();
        _mint(fund, alice, 100e18);
        fund.sweep();
        _advance(10, 30);
    }

    /// @dev The snapshot row of `row`; RealVenusRebalanceGasBenchTest suffixes its own.
    function _row(string memory row) internal pure virtual returns (string memory) {
        return row;
    }

    function _retarget(uint16[N] memory w) internal {
        uint16[] memory weights = new uint16[](N);
        for (uint256 i; i < N; ++i) {
            weights[i] = w[i];
        }
        vm.prank(owner);
        fund.setTargetWeights(weights);
        WEIGHTS = w;
    }

    /// @dev 1 sell, 1 buy: BTC 25 -> 19 %, ETH 20 -> 26 %.
    function test_gas_rebalance1x1() public {
        _retarget([uint16(1900), 2600, 1500, 1000, 1000, 2000]);
        _step();
        GAS.snapshotGasLastCall(_row("rebalance1x1"));
    }

    /// @dev 2 sells, 2 buys: BTC and ETH -6 %, BNB and SOL +6 %.
    function test_gas_rebalance2x2() public {
        _retarget([uint16(1900), 1400, 2100, 1000, 1600, 2000]);
        _step();
        GAS.snapshotGasLastCall(_row("rebalance2x2"));
    }

    /// @dev V1's case: BTC +40 %, sold into the four other risk assets and the USDT sleeve.
    function test_gas_rebalancePriceShock() public {
        _shock(BTC, 14_000);
        _step();
        GAS.snapshotGasLastCall(_row("rebalance1x4PriceShock"));
    }

    /// @dev The public trigger's observation: `poke` values the fund, applies the rule and records "due".
    function test_gas_poke() public {
        _shock(BTC, 14_000);
        rebalancer.poke();
        GAS.snapshotGasLastCall(_row("poke"));
    }
}

/// @notice `rebalance5x5`: five sells and five buys need more than the 6-asset basket has, so this bench
/// builds an 11-asset fund (ten risk assets and the USDT sleeve, all 18 decimals, $100 each) with the same
/// parts: Venus doubles with borrowers, the Chainlink oracle, real PancakeSwap V3 pools ($50M, 0.05 %), the
/// rebalancer. Targets move 9 % from assets 0-4 to assets 5-9 (asset 0 by 5 %, so the rule triggers).
contract RebalanceGasBench11Test is Test {
    IRebalanceGasSnapshot internal constant GAS = IRebalanceGasSnapshot(address(vm));
    uint256 internal constant M = 11;
    uint256 internal constant STABLE = 10;

    address internal owner = makeAddr("owner");
    address internal keeper = makeAddr("keeper");
    BlockETF internal fund;
    BlockETFRebalancer internal rebalancer;

    function setUp() public {
        vm.warp(1_700_000_000);
        vm.roll(1_000_000);
        MockWBNB wbnb = new MockWBNB();
        MockVenusComptroller comptroller = new MockVenusComptroller();
        MockInterestRateModel irm = new MockInterestRateModel(2.5e9);
        ChainlinkOracle oracle = new ChainlinkOracle(owner);
        V3Dex dex = new V3Dex(wbnb, V3Dex.Kind.PancakeSwap);
        FundParams memory p;
        (p.name, p.symbol, p.owner, p.keeper, p.oracle) = ("Eleven", "E11", owner, keeper, address(oracle));
        p.assets = new AssetConfig[](M);
        MockERC20[] memory t = new MockERC20[](M);
        for (uint256 i; i < M; ++i) {
            t[i] = new MockERC20("T", "T", 18);
            MockAggregator feed = new MockAggregator(8, "T / USD", 100e8);
            vm.prank(owner);
            oracle.setFeed(
                ChainlinkOracle.FeedConfig(address(t[i]), address(feed), 1 days, 1, type(uint256).max)
            );
            MockVBep20 v = new MockVBep20(address(t[i]), "vT", "vT", comptroller, irm, 2e26);
            comptroller.setSupplyCap(address(v), type(uint128).max);
            t[i].mint(address(this), 1_000_000e18);
            t[i].approve(address(v), 1_000_000e18);
            v.mint(1_000_000e18);
            v.borrow(500_000e18);
            p.assets[i] = AssetConfig(address(t[i]), i == STABLE ? 2000 : 800, 1000, address(v));
        }
        BlockETFFactory factory = new BlockETFFactory(address(comptroller), address(wbnb));
        uint256[] memory amounts = factory.previewSeedAmounts(p.assets, address(oracle), 200_000e18);
        for (uint256 i; i < M; ++i) {
            t[i].mint(address(this), amounts[i]);
            t[i].approve(address(factory), amounts[i]);
        }
        fund = BlockETF(payable(factory.createFund(p, amounts, 100e18, address(this), bytes32(0))));
        rebalancer = new BlockETFRebalancer(address(fund), dex.router(), STABLE, owner);
        uint16[] memory w = new uint16[](M);
        vm.startPrank(owner);
        for (uint256 i; i < M; ++i) {
            w[i] = i == STABLE ? 2000 : i == 0 ? 300 : i < 5 ? 700 : 980;
            if (i == STABLE) continue;
            dex.createPool(address(t[i]), address(t[STABLE]), 500, 100e18, 100e18, 50_000_000e18);
            rebalancer.setRoute(
                i,
                Route(
                    abi.encodePacked(address(t[i]), uint24(500), address(t[STABLE])),
                    abi.encodePacked(address(t[STABLE]), uint24(500), address(t[i])),
                    50,
                    1_000_000e18
                )
            );
        }
        fund.setRebalancer(address(rebalancer));
        fund.setTargetWeights(w);
        vm.stopPrank();
        fund.sweep();
        vm.roll(block.number + 10);
        vm.warp(block.timestamp + 30);
    }

    function test_gas_rebalance5x5() public {
        vm.prank(keeper);
        assertTrue(rebalancer.rebalance(), "one step");
        GAS.snapshotGasLastCall("rebalance5x5");
    }
}
