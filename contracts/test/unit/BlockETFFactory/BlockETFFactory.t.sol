// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../../src/BlockETF.sol";
import {BlockETFFactory} from "../../../src/BlockETFFactory.sol";
import {AssetConfig, FundParams} from "../../../src/interfaces/IBlockETF.sol";
import {ConstantsLib} from "../../../src/libraries/ConstantsLib.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {ChainlinkOracle} from "../../../src/oracles/ChainlinkOracle.sol";
import {BaseTest} from "../../utils/BaseTest.sol";
import {MockAggregator} from "../../utils/mocks/MockAggregator.sol";
import {MockERC20} from "../../utils/mocks/MockERC20.sol";
import {MockVBep20} from "../../utils/mocks/MockVToken.sol";
import {MockVenusComptroller} from "../../utils/mocks/MockVenusComptroller.sol";

/// @notice Unit tests of BlockETFFactory: fund creation and seeding, every configuration and seed check
/// (constructor errors bubble up typed), CREATE2 addressing, and the one-time, factory-only `seed`.
contract BlockETFFactoryTest is BaseTest {
    bytes32 internal constant SALT = keccak256("salt");

    /* HELPERS */

    /// @dev Seed amounts worth SEED_VALUE at oracle prices, split by target weight.
    function _amounts(FundParams memory p) internal view returns (uint256[] memory) {
        return factory.previewSeedAmounts(p.assets, p.oracle, SEED_VALUE);
    }

    /// @dev Gives `creator` the seed amounts and approves `spender` for them.
    function _provide(address creator, address spender, FundParams memory p, uint256[] memory amounts)
        internal
    {
        for (uint256 i; i < amounts.length; ++i) {
            address t = p.assets[i].token;
            if (t.code.length == 0) continue;
            _give(t, creator, amounts[i]);
            vm.prank(creator);
            IERC20(t).approve(spender, type(uint256).max);
        }
    }

    /// @dev `createFund` by `creator` with its own tokens, expecting success.
    function _create(FundParams memory p, uint256[] memory amounts, address creator, bytes32 salt)
        internal
        returns (BlockETF)
    {
        _provide(creator, address(factory), p, amounts);
        vm.prank(creator);
        return BlockETF(payable(factory.createFund(p, amounts, SEED_SHARES, creator, salt)));
    }

    /// @dev Funds alice and expects `createFund(p, amounts)` by alice to revert with `err`.
    function _expectCreateRevert(FundParams memory p, uint256[] memory amounts, bytes memory err) internal {
        _provide(alice, address(factory), p, amounts);
        uint256 countBefore = factory.fundCount();
        vm.expectRevert(err);
        vm.prank(alice);
        factory.createFund(p, amounts, SEED_SHARES, alice, SALT);
        assertEq(factory.fundCount(), countBefore, "no fund recorded");
    }

    /// @dev A new 18-decimal token priced `answer` (8-decimal feed) by the oracle.
    function _newPricedToken(string memory symbol, uint8 decimals, int256 answer)
        internal
        returns (address t)
    {
        t = address(new MockERC20(symbol, symbol, decimals));
        MockAggregator agg = new MockAggregator(8, symbol, answer);
        vm.prank(owner);
        oracle.setFeed(ChainlinkOracle.FeedConfig(t, address(agg), HEARTBEAT, 1, type(uint256).max));
    }

    /// @dev D18{USD} value of `amount` of `token` at the oracle price, as the factory computes it.
    function _value(address token, uint256 amount, uint8 decimals) internal view returns (uint256) {
        return amount * oracle.price(token) / 10 ** decimals;
    }

    /* createFund: success */

    function test_CreateFund_DeploysAndSeeds() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        address predicted = factory.predictFund(p, alice, SALT);
        uint256 countBefore = factory.fundCount();

        BlockETF created = _create(p, amounts, alice, SALT);

        assertEq(address(created), predicted, "address == predictFund");
        assertEq(created.totalSupply(), SEED_SHARES, "supply == seed shares");
        assertEq(
            created.balanceOf(ConstantsLib.DEAD_ADDRESS),
            ConstantsLib.DEAD_SHARES,
            "dead shares locked at 0xdEaD"
        );
        assertEq(
            ConstantsLib.DEAD_ADDRESS, 0x000000000000000000000000000000000000dEaD, "dead address is 0x...dEaD"
        );
        assertEq(created.balanceOf(alice), SEED_SHARES - ConstantsLib.DEAD_SHARES, "receiver gets the rest");
        assertTrue(created.seeded(), "seeded");
        assertEq(created.SEEDER(), address(factory), "seeder is the factory");
        assertEq(uint256(created.lastFeeAccrual()), block.timestamp, "fee clock starts at the seed");
        assertEq(created.owner(), owner, "owner");
        assertEq(created.guardian(), guardian, "guardian");
        assertEq(created.keeper(), keeper, "keeper");
        assertEq(created.feeRecipient(), feeRecipient, "fee recipient");
        assertEq(created.oracle(), address(oracle), "oracle");
        assertEq(created.VENUS_COMPTROLLER(), address(comptroller), "comptroller passed on");
        assertEq(created.WBNB(), address(wbnb), "WBNB passed on");
        assertEq(created.assetCount(), N, "asset count");
        uint256[] memory held = created.holdings();
        for (uint256 i; i < N; ++i) {
            assertGt(amounts[i], 0, "seed amount > 0");
            assertEq(created.asset(i).idle, amounts[i], "idle == seed amount");
            assertEq(held[i], amounts[i], "holdings == seed amount");
            assertEq(IERC20(tokens[i]).balanceOf(address(created)), amounts[i], "tokens in the fund");
            assertEq(IERC20(tokens[i]).balanceOf(alice), 0, "creator paid exactly the seed");
            assertEq(created.asset(i).vShares, 0, "nothing supplied at creation");
        }
        assertTrue(factory.isFund(address(created)), "isFund");
        assertEq(factory.fundCount(), countBefore + 1, "fundCount + 1");
        address[] memory list = factory.funds();
        assertEq(list.length, countBefore + 1, "funds() length");
        assertEq(list[0], address(fund), "base fund listed first");
        assertEq(list[list.length - 1], address(created), "new fund listed last");
        assertFalse(factory.isFund(alice), "an EOA is not a fund");
    }

    function test_CreateFund_EmitsCreateFund() public {
        FundParams memory p = _defaultParams();
        p.name = "Another fund";
        p.symbol = "AF";
        uint256[] memory amounts = _amounts(p);
        _provide(alice, address(factory), p, amounts);
        address predicted = factory.predictFund(p, alice, SALT);

        vm.expectEmit(true, true, false, true, address(factory));
        emit EventsLib.CreateFund(predicted, alice, "Another fund", "AF");
        vm.expectEmit(true, false, false, true, predicted);
        emit EventsLib.Seed(bob, SEED_SHARES, amounts);
        vm.prank(alice);
        factory.createFund(p, amounts, SEED_SHARES, bob, SALT);
        assertEq(
            BlockETF(payable(predicted)).balanceOf(bob), SEED_SHARES - ConstantsLib.DEAD_SHARES, "bob seeded"
        );
    }

    function test_CreateFund_GivenMinSeedShares() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        _provide(alice, address(factory), p, amounts);
        vm.prank(alice);
        BlockETF created =
            BlockETF(payable(factory.createFund(p, amounts, ConstantsLib.MIN_SEED_SHARES, alice, SALT)));
        assertEq(created.totalSupply(), ConstantsLib.MIN_SEED_SHARES, "MIN_SEED_SHARES is accepted");
    }

    function test_CreateFund_RevertWhen_SameSaltBySameCreator() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        _create(p, amounts, alice, SALT);
        _provide(alice, address(factory), p, amounts);
        uint256 countBefore = factory.fundCount();
        // A CREATE2 collision would burn all the gas: the factory checks first.
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.FundExists.selector, factory.predictFund(p, alice, SALT))
        );
        vm.prank(alice);
        factory.createFund(p, amounts, SEED_SHARES, alice, SALT);
        assertEq(factory.fundCount(), countBefore, "no second fund");
    }

    function test_CreateFund_GivenSameSaltByAnotherCreator() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        BlockETF first = _create(p, amounts, alice, SALT);
        BlockETF second = _create(p, amounts, bob, SALT);
        assertTrue(address(first) != address(second), "the salt is per creator");
        assertEq(address(second), factory.predictFund(p, bob, SALT), "bob's fund at bob's predicted address");
        assertEq(second.totalSupply(), SEED_SHARES, "bob's fund seeded");
        assertTrue(factory.isFund(address(first)) && factory.isFund(address(second)), "both listed");
    }

    function test_CreateFund_GivenSameSaltAndCreatorOtherParams() public {
        // The base fund was created by `seeder` with salt 0: other parameters give another address.
        FundParams memory p = _defaultParams();
        p.symbol = "CT5U2";
        BlockETF created = _create(p, _amounts(p), seeder, bytes32(0));
        assertTrue(address(created) != address(fund), "params are part of the address");
    }

    function test_CreateFund_GivenMixedDecimals() public {
        // The base basket mixes 8 (BTCB), 18 and 6 (XRP) decimals.
        uint256[] memory weights = lens.currentWeights(address(fund));
        for (uint256 i; i < N; ++i) {
            assertEq(uint256(fund.asset(i).decimals), uint256(DECIMALS[i]), "decimals read from the token");
            assertApproxEqAbs(weights[i], WEIGHTS[i], 1, "seeded at target weight within 1 bps");
        }
        // A full mint-redeem round trip works across the decimals.
        uint256[] memory paid = _mint(fund, alice, 1e18);
        vm.prank(alice);
        fund.redeem(1e18, alice, _zeros());
        for (uint256 i; i < N; ++i) {
            uint256 got = IERC20(tokens[i]).balanceOf(alice);
            assertLe(got, paid[i], "never more back than paid");
            assertApproxEqAbs(got, paid[i], 2, "round trip loses at most rounding");
        }
    }

    /* createFund: basket configuration (constructor errors bubble up typed) */

    function test_CreateFund_RevertWhen_OneAsset() public {
        FundParams memory p = _defaultParams();
        AssetConfig[] memory one = new AssetConfig[](1);
        one[0] = AssetConfig(tokens[USDT], 10_000, 0, address(0));
        p.assets = one;
        _expectCreateRevert(
            p,
            _amounts(p),
            abi.encodeWithSelector(
                ErrorsLib.AssetCountOutOfRange.selector, 1, ConstantsLib.MIN_ASSETS, ConstantsLib.MAX_ASSETS
            )
        );
    }

    function test_CreateFund_RevertWhen_SeventeenAssets() public {
        FundParams memory p = _defaultParams();
        AssetConfig[] memory many = new AssetConfig[](17);
        for (uint256 i; i < 17; ++i) {
            address t = i < N ? tokens[i] : _newPricedToken("EXTRA", 18, 1e8);
            many[i] = AssetConfig(t, i == 0 ? 592 : 588, 0, address(0));
        }
        p.assets = many;
        _expectCreateRevert(
            p,
            _amounts(p),
            abi.encodeWithSelector(
                ErrorsLib.AssetCountOutOfRange.selector, 17, ConstantsLib.MIN_ASSETS, ConstantsLib.MAX_ASSETS
            )
        );
    }

    function test_CreateFund_GivenSixteenAssets() public {
        FundParams memory p = _defaultParams();
        AssetConfig[] memory many = new AssetConfig[](16);
        for (uint256 i; i < 16; ++i) {
            address t = i < N ? tokens[i] : _newPricedToken("EXTRA", 18, 1e8);
            many[i] = AssetConfig(t, 625, 0, address(0));
        }
        p.assets = many;
        BlockETF created = _create(p, _amounts(p), alice, SALT);
        assertEq(created.assetCount(), 16, "MAX_ASSETS is accepted");
    }

    function test_CreateFund_RevertWhen_DuplicateAsset() public {
        FundParams memory p = _defaultParams();
        p.assets[ETH].token = tokens[BTC];
        p.assets[ETH].vToken = address(vTokens[BTC]);
        _expectCreateRevert(
            p, _amounts(p), abi.encodeWithSelector(ErrorsLib.DuplicateAsset.selector, tokens[BTC])
        );
    }

    function test_CreateFund_RevertWhen_ZeroWeight() public {
        FundParams memory p = _defaultParams();
        p.assets[XRP].weightBps = 0;
        p.assets[SOL].weightBps = 2000;
        uint256[] memory amounts = _amounts(p);
        assertEq(amounts[XRP], 0, "a zero weight previews a zero seed");
        amounts[XRP] = 1; // a dust seed keeps the seed check within 1 %
        _expectCreateRevert(p, amounts, abi.encodeWithSelector(ErrorsLib.ZeroWeight.selector, XRP));
    }

    function test_CreateFund_RevertWhen_WeightsSumBelowOne() public {
        FundParams memory p = _defaultParams();
        p.assets[USDT].weightBps = 1999;
        _expectCreateRevert(p, _amounts(p), abi.encodeWithSelector(ErrorsLib.WeightsSumNotOne.selector, 9999));
    }

    function test_CreateFund_RevertWhen_WeightsSumAboveOne() public {
        FundParams memory p = _defaultParams();
        p.assets[USDT].weightBps = 2001;
        _expectCreateRevert(
            p, _amounts(p), abi.encodeWithSelector(ErrorsLib.WeightsSumNotOne.selector, 10_001)
        );
    }

    function test_CreateFund_RevertWhen_BufferTooHigh() public {
        FundParams memory p = _defaultParams();
        p.assets[SOL].bufferBps = 10_001;
        _expectCreateRevert(p, _amounts(p), abi.encodeWithSelector(ErrorsLib.BufferTooHigh.selector, 10_001));
    }

    function test_CreateFund_GivenFullBuffer() public {
        FundParams memory p = _defaultParams();
        p.assets[SOL].bufferBps = 10_000;
        BlockETF created = _create(p, _amounts(p), alice, SALT);
        assertEq(uint256(created.asset(SOL).bufferBps), 10_000, "a 100 % buffer is accepted");
    }

    function test_CreateFund_RevertWhen_DecimalsTooHigh() public {
        FundParams memory p = _defaultParams();
        address t25 = _newPricedToken("T25", 25, 200e8);
        p.assets[SOL] = AssetConfig(t25, WEIGHTS[SOL], BUFFER_BPS, address(0));
        _expectCreateRevert(
            p, _amounts(p), abi.encodeWithSelector(ErrorsLib.DecimalsTooHigh.selector, t25, uint8(25))
        );
    }

    function test_CreateFund_GivenMaxDecimals() public {
        FundParams memory p = _defaultParams();
        address t24 = _newPricedToken("T24", 24, 200e8);
        p.assets[SOL] = AssetConfig(t24, WEIGHTS[SOL], BUFFER_BPS, address(0));
        BlockETF created = _create(p, _amounts(p), alice, SALT);
        assertEq(uint256(created.asset(SOL).decimals), 24, "MAX_DECIMALS is accepted");
    }

    function test_CreateFund_RevertWhen_TokenZero() public {
        FundParams memory p = _defaultParams();
        p.assets[SOL] = AssetConfig(address(0), WEIGHTS[SOL], BUFFER_BPS, address(0));
        uint256[] memory amounts = _amounts(_defaultParams());
        _expectCreateRevert(p, amounts, abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector));
    }

    function test_Constructor_RevertWhen_TokenZero() public {
        // Deployed directly, the fund's constructor rejects a zero token with its typed error.
        FundParams memory p = _defaultParams();
        p.assets[SOL] = AssetConfig(address(0), WEIGHTS[SOL], BUFFER_BPS, address(0));
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector));
        new BlockETF(p, address(comptroller), address(wbnb));
    }

    function test_CreateFund_RevertWhen_OracleZero() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        p.oracle = address(0);
        _expectCreateRevert(p, amounts, abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector));
    }

    function test_CreateFund_RevertWhen_VTokenOfAnotherToken() public {
        FundParams memory p = _defaultParams();
        p.assets[ETH].vToken = address(vTokens[BTC]);
        _expectCreateRevert(
            p,
            _amounts(p),
            abi.encodeWithSelector(
                ErrorsLib.VTokenUnderlyingMismatch.selector, address(vTokens[BTC]), tokens[ETH], tokens[BTC]
            )
        );
    }

    function test_CreateFund_RevertWhen_NativeVTokenForAnotherToken() public {
        _skipUnlessNativeBnbMarket();
        FundParams memory p = _defaultParams();
        p.assets[ETH].vToken = address(vTokens[BNB]);
        _expectCreateRevert(
            p,
            _amounts(p),
            abi.encodeWithSelector(
                ErrorsLib.VTokenUnderlyingMismatch.selector, address(vTokens[BNB]), tokens[ETH], address(0)
            )
        );
    }

    function test_CreateFund_RevertWhen_VTokenOfAnotherComptroller() public {
        MockVenusComptroller other = new MockVenusComptroller();
        MockVBep20 foreign = new MockVBep20(tokens[ETH], "vETH", "vETH", other, irm, 2e26);
        FundParams memory p = _defaultParams();
        p.assets[ETH].vToken = address(foreign);
        _expectCreateRevert(
            p,
            _amounts(p),
            abi.encodeWithSelector(
                ErrorsLib.VTokenComptrollerMismatch.selector, address(foreign), address(other)
            )
        );
    }

    function test_CreateFund_RevertWhen_VenusNotAvailable() public {
        BlockETFFactory noVenus = new BlockETFFactory(address(0), address(wbnb));
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        _provide(alice, address(noVenus), p, amounts);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.VenusNotAvailable.selector));
        vm.prank(alice);
        noVenus.createFund(p, amounts, SEED_SHARES, alice, SALT);
    }

    function test_CreateFund_GivenNoVenusAndNoMarkets() public {
        BlockETFFactory noVenus = new BlockETFFactory(address(0), address(0));
        FundParams memory p = _defaultParams();
        for (uint256 i; i < N; ++i) {
            p.assets[i].vToken = address(0);
        }
        uint256[] memory amounts = _amounts(p);
        _provide(alice, address(noVenus), p, amounts);
        vm.prank(alice);
        BlockETF created = BlockETF(payable(noVenus.createFund(p, amounts, SEED_SHARES, alice, SALT)));
        assertEq(created.VENUS_COMPTROLLER(), address(0), "no comptroller");
        assertEq(created.totalSupply(), SEED_SHARES, "seeded without Venus");
        assertEq(noVenus.fundCount(), 1, "listed by its own factory");
    }

    function test_CreateFund_RevertWhen_ManagementFeeTooHigh() public {
        FundParams memory p = _defaultParams();
        p.managementFeeBps = 501;
        _expectCreateRevert(
            p,
            _amounts(p),
            abi.encodeWithSelector(
                ErrorsLib.ManagementFeeTooHigh.selector, 501, ConstantsLib.MAX_MANAGEMENT_FEE_BPS
            )
        );
    }

    function test_CreateFund_RevertWhen_RedeemFeeTooHigh() public {
        FundParams memory p = _defaultParams();
        p.redeemFeeBps = 101;
        _expectCreateRevert(
            p,
            _amounts(p),
            abi.encodeWithSelector(ErrorsLib.RedeemFeeTooHigh.selector, 101, ConstantsLib.MAX_REDEEM_FEE_BPS)
        );
    }

    function test_CreateFund_GivenMaxFees() public {
        FundParams memory p = _defaultParams();
        (p.managementFeeBps, p.redeemFeeBps) = (500, 100);
        BlockETF created = _create(p, _amounts(p), alice, SALT);
        assertEq(uint256(created.managementFeeBps()), 500, "max management fee accepted");
        assertEq(uint256(created.redeemFeeBps()), 100, "max redeem fee accepted");
    }

    /* createFund: seed */

    function test_CreateFund_RevertWhen_SeedAmountsLengthMismatch() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = new uint256[](N - 1);
        _expectCreateRevert(p, amounts, abi.encodeWithSelector(ErrorsLib.LengthMismatch.selector, N, N - 1));
    }

    function test_CreateFund_RevertWhen_SeedAmountZero() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        amounts[BNB] = 0;
        _expectCreateRevert(p, amounts, abi.encodeWithSelector(ErrorsLib.SeedAmountZero.selector, BNB));
    }

    function test_CreateFund_RevertWhen_SeedWeightDeviation() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        // 6 % more BTCB: its weight becomes 25 * 1.06 / 101.5 = 26.1 %, 110 bps above target.
        amounts[BTC] = amounts[BTC] * 106 / 100;
        uint256 total;
        for (uint256 i; i < N; ++i) {
            total += _value(tokens[i], amounts[i], DECIMALS[i]);
        }
        uint256 weight = _value(tokens[BTC], amounts[BTC], DECIMALS[BTC]) * 10_000 / total;
        assertEq(weight, 2610, "BTCB seeded at 26.10 %");
        _expectCreateRevert(
            p,
            amounts,
            abi.encodeWithSelector(ErrorsLib.SeedWeightDeviation.selector, BTC, 2610, WEIGHTS[BTC])
        );
    }

    function test_CreateFund_RevertWhen_SeedWeightBelowTarget() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        // Half the USDT: 20 % becomes 10 / 90 = 11.1 %; every other weight rises, BTCB first: 25 / 90.
        amounts[USDT] /= 2;
        _expectCreateRevert(
            p,
            amounts,
            abi.encodeWithSelector(ErrorsLib.SeedWeightDeviation.selector, BTC, 2777, WEIGHTS[BTC])
        );
    }

    function test_CreateFund_GivenSeedWithinDeviation() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        // 4 % more BTCB: 26 / 101 = 25.74 %, 74 bps above target, within the 100 bps allowed.
        amounts[BTC] = amounts[BTC] * 104 / 100;
        BlockETF created = _create(p, amounts, alice, SALT);
        assertEq(created.asset(BTC).idle, amounts[BTC], "seeded with the off-target amount");
    }

    function test_CreateFund_RevertWhen_SeedSharesTooLow() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        _provide(alice, address(factory), p, amounts);
        uint256 shares = ConstantsLib.MIN_SEED_SHARES - 1;
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.SeedSharesTooLow.selector, shares, ConstantsLib.MIN_SEED_SHARES)
        );
        vm.prank(alice);
        factory.createFund(p, amounts, shares, alice, SALT);
    }

    function test_CreateFund_RevertWhen_SeedReceiverZero() public {
        FundParams memory p = _defaultParams();
        uint256[] memory amounts = _amounts(p);
        _provide(alice, address(factory), p, amounts);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector));
        vm.prank(alice);
        factory.createFund(p, amounts, SEED_SHARES, address(0), SALT);
    }

    /* seed */

    function test_Seed_RevertWhen_CallerNotFactory() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NotSeeder.selector, alice));
        vm.prank(alice);
        fund.seed(SEED_SHARES, alice);
    }

    function test_Seed_RevertWhen_AlreadySeeded() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.AlreadySeeded.selector));
        vm.prank(address(factory));
        fund.seed(SEED_SHARES, alice);
    }

    /* previewSeedAmounts */

    function test_PreviewSeedAmounts_MatchesTargetWeights() public view {
        FundParams memory p = _defaultParams();
        uint256 usd = 1_000_000e18;
        uint256[] memory amounts = factory.previewSeedAmounts(p.assets, p.oracle, usd);
        uint256 total;
        uint256[] memory values = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            values[i] = _value(tokens[i], amounts[i], DECIMALS[i]);
            total += values[i];
        }
        assertApproxEqRel(total, usd, 1e12, "the amounts are worth the requested value");
        assertLe(total, usd, "rounded down");
        for (uint256 i; i < N; ++i) {
            assertApproxEqAbs(values[i] * 10_000 / total, WEIGHTS[i], 1, "weight == target within 1 bps");
        }
        // Concrete: $250,000 of BTCB at $100,000 is 2.5 BTCB (8 decimals); $100,000 of XRP at $2.5 is 40,000
        // XRP.
        assertEq(amounts[BTC], 2.5e8, "BTCB amount");
        assertEq(amounts[XRP], 40_000e6, "XRP amount");
        assertEq(amounts[USDT], 200_000e18, "USDT amount");
    }

    function test_PreviewSeedAmounts_RevertWhen_FeedNotSet() public {
        FundParams memory p = _defaultParams();
        address unpriced = address(new MockERC20("U", "U", 18));
        p.assets[SOL].token = unpriced;
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FeedNotSet.selector, unpriced));
        factory.previewSeedAmounts(p.assets, p.oracle, SEED_VALUE);
    }
}
