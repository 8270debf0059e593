// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../src/BlockETF.sol";
import {BlockETFFactory} from "../../src/BlockETFFactory.sol";
import {AssetConfig, FundParams} from "../../src/interfaces/IBlockETF.sol";
import {ChainlinkOracle} from "../../src/oracles/ChainlinkOracle.sol";
import {BlockETFLens} from "../../src/periphery/BlockETFLens.sol";
import {IVenusFixture} from "./IVenusFixture.sol";
import {Test} from "./Test.sol";
import {MockAggregator} from "./mocks/MockAggregator.sol";
import {MockERC20} from "./mocks/MockERC20.sol";
import {MockVBNB, MockVBep20, MockVToken} from "./mocks/MockVToken.sol";
import {MockInterestRateModel, MockVenusComptroller} from "./mocks/MockVenusComptroller.sol";
import {MockWBNB} from "./mocks/MockWBNB.sol";

/// @notice Deploys the CT5 + USDT basket (BTCB 8 dec, ETH 18, WBNB 18, XRP 6, SOL 18, USDT 18) with a
/// Venus market for every asset, the Chainlink oracle, factory and Lens, and creates a seeded fund. WBNB's
/// market: the native vBNB double on the doubles; on Venus's own core pool the ERC-20 vWBNB (underlying
/// WBNB), as BNB Chain's core pool lists it, unless `realVenusNativeBnb` (the *OnRealVenusNativeBnb
/// suites) puts it on Venus's native vBNB.
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
    /// @dev The fund spec (packages/core/src/fundSpec.ts, read from its JSON copy in `_loadFundSpec`): the
    /// basket's symbols, target weights {bps} and each asset's V3 fee tier {ppm} (USDT 0).
    string[N] internal SYMBOLS;
    uint16[N] internal WEIGHTS;
    uint24[N] internal FEES;
    /// @dev {bps} The tests' own cash buffer, wider than the spec's 2 % so that a redemption served from
    /// the buffer and one that reaches Venus are both easy to size.
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
    /// @dev Zero: the Venus doubles. Set: Venus's own core pool (test/integration/RealVenusBaseTest.sol).
    IVenusFixture internal realVenus;
    /// @dev On Venus's own core pool: WBNB on the native vBNB market instead of vWBNB.
    bool internal realVenusNativeBnb;

    function setUp() public virtual {
        _loadFundSpec();
        vm.warp(1_700_000_000);
        vm.roll(1_000_000);
        wbnb = new MockWBNB();
        _deployVenus();
        oracle = new ChainlinkOracle(owner);
        for (uint256 i; i < N; ++i) {
            tokens[i] = i == BNB ? address(wbnb) : address(new MockERC20(SYMBOLS[i], SYMBOLS[i], DECIMALS[i]));
            vm.label(tokens[i], SYMBOLS[i]);
            feeds[i] = new MockAggregator(8, string.concat(SYMBOLS[i], " / USD"), PRICES[i]);
            vm.prank(owner);
            oracle.setFeed(
                ChainlinkOracle.FeedConfig(tokens[i], address(feeds[i]), HEARTBEAT, 1, type(uint256).max)
            );
            vTokens[i] = _deployVenusMarket(i);
            vm.label(address(vTokens[i]), string.concat("v", SYMBOLS[i]));
        }
        _finishVenus();
        factory = new BlockETFFactory(address(comptroller), address(wbnb));
        lens = new BlockETFLens();
        _seedVenusMarkets();
        fund = _createFund(_defaultParams(), seeder);
    }

    /// @dev The one fund spec the devnet, the deploy command, the backtester and the keeper read too.
    function _loadFundSpec() internal {
        string memory json =
            vm.readFile(string.concat(vm.projectRoot(), "/packages/core/fund-spec/ct5u.json"));
        for (uint256 i; i < N; ++i) {
            string memory asset = string.concat(".assets[", vm.toString(i), "]");
            SYMBOLS[i] = vm.parseJsonString(json, string.concat(asset, ".symbol"));
            WEIGHTS[i] = uint16(vm.parseJsonUint(json, string.concat(asset, ".weightBps")));
            FEES[i] = uint24(vm.parseJsonUint(json, string.concat(asset, ".feeTier")));
        }
        require(
            !vm.keyExistsJson(json, string.concat(".assets[", vm.toString(N), "]")), "fund spec: not 6 assets"
        );
    }

    /* VENUS: the doubles, or Venus's own core pool when `realVenus` is set (by
    test/integration/RealVenusBaseTest.sol's constructor), so the same tests run on both. */

    function _deployVenus() internal {
        if (address(realVenus) != address(0)) {
            // The double types are kept so shared tests compile unchanged; see RealVenusBaseTest.
            comptroller = MockVenusComptroller(realVenus.comptroller());
        } else {
            comptroller = new MockVenusComptroller();
        }
        irm = new MockInterestRateModel(BORROW_RATE);
    }

    /// @dev Whether WBNB's market is Venus's native vBNB (the doubles' MockVBNB, or real vBNB) rather
    /// than the ERC-20 vWBNB.
    function _bnbMarketNative() internal view returns (bool) {
        return address(realVenus) == address(0) || realVenusNativeBnb;
    }

    /// @dev Skips a test of the native vBNB market where WBNB's market is vWBNB; it runs on the doubles and
    /// in the *OnRealVenusNativeBnb suites.
    function _skipUnlessNativeBnbMarket() internal {
        vm.skip(!_bnbMarketNative(), "WBNB's market is vWBNB here; native vBNB runs in *OnRealVenusNativeBnb");
    }

    /// @dev Deploys and lists the market of asset i (WBNB: see `_bnbMarketNative`), unlimited supply cap.
    function _deployVenusMarket(uint256 i) internal returns (MockVToken v) {
        if (address(realVenus) != address(0)) {
            address underlying = i == BNB && realVenusNativeBnb ? realVenus.NATIVE_BNB() : tokens[i];
            return MockVToken(realVenus.listMarket(underlying, DECIMALS[i], _venusPrice(i), SYMBOLS[i]));
        }
        // 1 vToken = 0.02 underlying, scaled by 1e(18 + decimals - 8) as Venus does.
        uint256 initialRate = 2 * 10 ** (16 + DECIMALS[i] - 8);
        v = i == BNB
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
        comptroller.setSupplyCap(address(v), type(uint128).max);
    }

    /// @dev After every market is listed: the real Venus deploys its oracle guard and borrower here.
    function _finishVenus() internal {
        if (address(realVenus) != address(0)) realVenus.finish();
    }

    /// @dev A borrower takes `amount` of asset i's cash out of its market.
    function _borrowFromVenus(uint256 i, uint256 amount) internal {
        if (address(realVenus) != address(0)) realVenus.borrow(address(vTokens[i]), amount);
        else vTokens[i].borrow(amount);
    }

    /// @dev Borrows asset i's market down to `cashLeft` of cash.
    function _drainVenusCash(uint256 i, uint256 cashLeft) internal {
        _borrowFromVenus(i, vTokens[i].getCash() - cashLeft);
    }

    /// @dev Venus Action enum: MINT 0, REDEEM 1, BORROW 2, REPAY 3, SEIZE 4, LIQUIDATE 5, TRANSFER 6, ...
    function _setVenusActionPaused(address market, uint8 action, bool paused) internal {
        if (address(realVenus) != address(0)) realVenus.setActionPaused(market, action, paused);
        else comptroller.setActionPaused(market, action, paused);
    }

    function _setVenusProtocolPaused(bool paused) internal {
        if (address(realVenus) != address(0)) realVenus.setProtocolPaused(paused);
        else comptroller.setProtocolPaused(paused);
    }

    /// @dev {tok}; 0 disables minting.
    function _setVenusSupplyCap(address market, uint256 cap) internal {
        if (address(realVenus) != address(0)) realVenus.setSupplyCap(market, cap);
        else comptroller.setSupplyCap(market, cap);
    }

    /// @dev D18{1} of every Venus redeem sent to Venus's treasury.
    function _setVenusTreasuryPercent(uint256 percent) internal {
        if (address(realVenus) != address(0)) realVenus.setTreasuryPercent(percent);
        else comptroller.setTreasuryPercent(percent);
    }

    /// @dev Makes every market's interest-rate model revert (or work again).
    function _setVenusRateFails(bool fails) internal {
        if (address(realVenus) != address(0)) realVenus.setRateModelReverts(fails);
        else irm.setReverts(fails);
    }

    function _venusRateFails() internal view returns (bool) {
        return address(realVenus) != address(0) ? realVenus.rateModelReverts() : irm.reverts();
    }

    /// @dev D36{USD/tok} / 10^decimals, Venus's oracle scale, from the D8 feed answer.
    function _venusPrice(uint256 i) internal view returns (uint256) {
        return uint256(PRICES[i]) * 10 ** (28 - DECIMALS[i]);
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
            _borrowFromVenus(i, amount / 2);
        }
    }

    function _supplyAs(address who, uint256 i, uint256 amount) internal {
        if (i == BNB && _bnbMarketNative()) {
            vm.deal(who, amount);
            vm.prank(who);
            MockVBNB(payable(address(vTokens[i]))).mint{value: amount}();
        } else {
            _give(tokens[i], who, amount);
            vm.startPrank(who);
            IERC20(tokens[i]).approve(address(vTokens[i]), amount);
            require(MockVBep20(address(vTokens[i])).mint(amount) == 0, "supply failed");
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
