// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../src/BlockETF.sol";
import {BlockETFFactory} from "../../src/BlockETFFactory.sol";
import {AssetConfig, FundParams} from "../../src/interfaces/IBlockETF.sol";
import {ChainlinkOracle} from "../../src/oracles/ChainlinkOracle.sol";
import {BlockETFLens} from "../../src/periphery/BlockETFLens.sol";
import {Test} from "./Test.sol";
import {MockAggregator} from "./mocks/MockAggregator.sol";
import {MockERC20} from "./mocks/MockERC20.sol";
import {MockVBNB, MockVBep20, MockVToken} from "./mocks/MockVToken.sol";
import {MockInterestRateModel, MockVenusComptroller} from "./mocks/MockVenusComptroller.sol";
import {MockWBNB} from "./mocks/MockWBNB.sol";

/// @notice Deploys the CT5 + USDT basket (BTCB 8 dec, ETH 18, WBNB 18, XRP 6, SOL 18, USDT 18) with a
/// Venus double market for every asset (vBNB native for WBNB), the Chainlink oracle, factory and Lens,
/// and creates a seeded fund.
abstract contract BaseTest is Test {
    uint256 internal constant N = 6;
    uint256 internal constant BTC = 0;
    uint256 internal constant ETH = 1;
    uint256 internal constant BNB = 2;
    uint256 internal constant XRP = 3;
    uint256 internal constant SOL = 4;
    uint256 internal constant USDT = 5;

    /// @dev D8{USD/tok} feed answers.
    int256[N] internal PRICES = [int256(100_000e8), 4_000e8, 700e8, 2.5e8, 200e8, 1e8];
    uint8[N] internal DECIMALS = [8, 18, 18, 6, 18, 18];
    string[N] internal SYMBOLS = ["BTCB", "ETH", "WBNB", "XRP", "SOL", "USDT"];
    uint16[N] internal WEIGHTS = [2500, 2000, 1500, 1000, 1000, 2000];
    uint16 internal constant BUFFER_BPS = 1000;
    uint32 internal constant HEARTBEAT = 1 days;
    /// @dev D18{1/block} borrow rate of every market (about 10 %/year at 40 M blocks/year).
    uint256 internal constant BORROW_RATE = 2.5e9;
    /// @dev D18{USD} value of the seed.
    uint256 internal constant SEED_VALUE = 100_000e18;
    uint256 internal constant SEED_SHARES = 100e18;

    address internal owner = makeAddr("owner");
    address internal guardian = makeAddr("guardian");
    address internal keeper = makeAddr("keeper");
    address internal feeRecipient = makeAddr("feeRecipient");
    address internal seeder = makeAddr("seeder");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal whale = makeAddr("venusWhale");

    MockWBNB internal wbnb;
    address[N] internal tokens;
    MockAggregator[N] internal feeds;
    MockVenusComptroller internal comptroller;
    MockInterestRateModel internal irm;
    MockVToken[N] internal vTokens;
    ChainlinkOracle internal oracle;
    BlockETFFactory internal factory;
    BlockETFLens internal lens;
    BlockETF internal fund;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        vm.roll(1_000_000);
        wbnb = new MockWBNB();
        comptroller = new MockVenusComptroller();
        irm = new MockInterestRateModel(BORROW_RATE);
        oracle = new ChainlinkOracle(owner);
        for (uint256 i; i < N; ++i) {
            tokens[i] = i == BNB ? address(wbnb) : address(new MockERC20(SYMBOLS[i], SYMBOLS[i], DECIMALS[i]));
            vm.label(tokens[i], SYMBOLS[i]);
            feeds[i] = new MockAggregator(8, string.concat(SYMBOLS[i], " / USD"), PRICES[i]);
            vm.prank(owner);
            oracle.setFeed(
                ChainlinkOracle.FeedConfig(tokens[i], address(feeds[i]), HEARTBEAT, 1, type(uint256).max)
            );
            // 1 vToken = 0.02 underlying, scaled by 1e(18 + decimals - 8) as Venus does.
            uint256 initialRate = 2 * 10 ** (16 + DECIMALS[i] - 8);
            vTokens[i] = i == BNB
                ? MockVToken(address(new MockVBNB(comptroller, irm, initialRate)))
                : MockVToken(
                    address(
                        new MockVBep20(
                            tokens[i],
                            string.concat("v", SYMBOLS[i]),
                            string.concat("v", SYMBOLS[i]),
                            comptroller,
                            irm,
                            initialRate
                        )
                    )
                );
            vm.label(address(vTokens[i]), string.concat("v", SYMBOLS[i]));
            comptroller.setSupplyCap(address(vTokens[i]), type(uint128).max);
        }
        factory = new BlockETFFactory(address(comptroller), address(wbnb));
        lens = new BlockETFLens();
        _seedVenusMarkets();
        fund = _createFund(_defaultParams(), seeder);
    }

    /* DEPLOYMENT */

    function _defaultParams() internal view returns (FundParams memory p) {
        p.name = "BlockETF CT5 + USDT";
        p.symbol = "CT5U";
        p.assets = new AssetConfig[](N);
        for (uint256 i; i < N; ++i) {
            p.assets[i] = AssetConfig(tokens[i], WEIGHTS[i], BUFFER_BPS, address(vTokens[i]));
        }
        (p.owner, p.guardian, p.keeper, p.feeRecipient, p.oracle) =
        (owner, guardian, keeper, feeRecipient, address(oracle));
    }

    function _createFund(FundParams memory p, address creator) internal returns (BlockETF created) {
        uint256[] memory amounts = factory.previewSeedAmounts(p.assets, p.oracle, SEED_VALUE);
        for (uint256 i; i < amounts.length; ++i) {
            _give(p.assets[i].token, creator, amounts[i]);
            vm.prank(creator);
            IERC20(p.assets[i].token).approve(address(factory), amounts[i]);
        }
        vm.prank(creator);
        created = BlockETF(payable(factory.createFund(p, amounts, SEED_SHARES, creator, bytes32(0))));
    }

    /// @dev A third party supplies to every market and a borrower takes half, so interest accrues.
    function _seedVenusMarkets() internal {
        for (uint256 i; i < N; ++i) {
            uint256 amount = 1_000_000e18 * 10 ** DECIMALS[i] / (uint256(PRICES[i]) * 1e10);
            _supplyAs(whale, i, amount);
            vTokens[i].borrow(amount / 2);
        }
    }

    function _supplyAs(address who, uint256 i, uint256 amount) internal {
        if (i == BNB) {
            vm.deal(who, amount);
            vm.prank(who);
            MockVBNB(payable(address(vTokens[i]))).mint{value: amount}();
        } else {
            _give(tokens[i], who, amount);
            vm.startPrank(who);
            IERC20(tokens[i]).approve(address(vTokens[i]), amount);
            MockVBep20(address(vTokens[i])).mint(amount);
            vm.stopPrank();
        }
    }

    /* HELPERS */

    function _give(address token, address to, uint256 amount) internal {
        if (token == address(wbnb)) {
            vm.deal(to, amount);
            vm.prank(to);
            wbnb.deposit{value: amount}();
        } else {
            MockERC20(token).mint(to, amount);
        }
    }

    function _maxAmounts() internal pure returns (uint256[] memory m) {
        m = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            m[i] = type(uint256).max;
        }
    }

    function _zeros() internal pure returns (uint256[] memory) {
        return new uint256[](N);
    }

    /// @dev Funds `who` with exactly what `shares` cost and mints them.
    function _mint(BlockETF f, address who, uint256 shares) internal returns (uint256[] memory amounts) {
        amounts = lens.previewMintExactShares(address(f), shares);
        for (uint256 i; i < amounts.length; ++i) {
            address token = f.asset(i).token;
            _give(token, who, amounts[i]);
            vm.prank(who);
            IERC20(token).approve(address(f), amounts[i]);
        }
        vm.prank(who);
        f.mintExactShares(shares, amounts, who);
    }

    function _balances(address who) internal view returns (uint256[] memory b) {
        b = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            b[i] = IERC20(tokens[i]).balanceOf(who);
        }
    }

    /// @dev Moves time and blocks on and refreshes every feed at its current answer.
    function _advance(uint256 blocks, uint256 secs) internal {
        vm.roll(block.number + blocks);
        vm.warp(block.timestamp + secs);
        for (uint256 i; i < N; ++i) {
            feeds[i].setAnswer(feeds[i].answer());
        }
    }

    function _sumOf(uint256[] memory xs) internal pure returns (uint256 s) {
        for (uint256 i; i < xs.length; ++i) {
            s += xs[i];
        }
    }
}
