// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../src/BlockETF.sol";
import {AssetConfig, FundParams} from "../../src/interfaces/IBlockETF.sol";
import {ChainlinkOracle} from "../../src/oracles/ChainlinkOracle.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {MockAggregator} from "../utils/mocks/MockAggregator.sol";
import {MockERC20} from "../utils/mocks/MockERC20.sol";

/// @notice Fuzz tests of in-kind mint and redeem, bounded by the Valid Ranges table of the README:
/// shares per operation 1e9 .. 1e24 (seed supply 1e20), blocks between operations 0 .. 20,000,
/// decimals 6 / 8 / 18, weights 1 .. 9,999 bps.
contract MintRedeemFuzzTest is BaseTest {
    uint256 internal constant MIN_SHARES = 1e9;
    uint256 internal constant MAX_SHARES = 1e24;

    function _venusState(bool supplied, uint256 blocks) internal {
        if (supplied) fund.sweep();
        _advance(bound(blocks, 0, 20_000), bound(blocks, 0, 20_000));
    }

    function testFuzz_MintRedeem_NeverReturnsMore(uint256 shares, bool supplied, uint256 blocks) public {
        _venusState(supplied, blocks);
        shares = bound(shares, MIN_SHARES, MAX_SHARES);
        uint256[] memory paid = _mint(fund, alice, shares);
        vm.prank(alice);
        fund.redeem(shares, alice, _zeros());
        uint256[] memory got = _balances(alice);
        for (uint256 i; i < N; ++i) {
            assertLe(got[i], paid[i], "a round trip never returns more than was put in");
        }
    }

    function testFuzz_Mint_EqualsPreview(uint256[6] memory seeds, bool supplied, uint256 blocks) public {
        _venusState(supplied, blocks);
        uint256[] memory unit = lens.previewMintExactShares(address(fund), 1e18);
        uint256[] memory maxAmounts = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            // From 0.001 to 1,000 shares' worth of each asset, independently.
            maxAmounts[i] = bound(seeds[i], unit[i] / 1000 + 1, unit[i] * 1000);
            _give(tokens[i], alice, maxAmounts[i]);
            vm.prank(alice);
            IERC20(tokens[i]).approve(address(fund), maxAmounts[i]);
        }
        (uint256 previewShares, uint256[] memory previewAmounts) = lens.previewMint(address(fund), maxAmounts);
        vm.prank(alice);
        (uint256 shares, uint256[] memory amounts) = fund.mint(maxAmounts, 0, alice);
        assertEq(shares, previewShares, "shares == preview");
        assertEq(amounts, previewAmounts, "amounts == preview");
        for (uint256 i; i < N; ++i) {
            assertLe(amounts[i], maxAmounts[i], "never more than allowed");
        }
    }

    function testFuzz_Redeem_EqualsPreviewAndKeepsOthersWhole(uint256 shares, bool supplied, uint256 blocks)
        public
    {
        _mint(fund, alice, 1_000e18);
        _venusState(supplied, blocks);
        shares = bound(shares, MIN_SHARES, 1_000e18);
        uint256[] memory preview = lens.previewRedeem(address(fund), shares);
        uint256[] memory heldBefore = fund.holdings();
        uint256 supplyBefore = fund.totalSupply();
        vm.prank(alice);
        fund.redeem(shares, alice, _zeros());
        uint256[] memory heldAfter = fund.holdings();
        uint256 supplyAfter = fund.totalSupply();
        assertEq(_balances(alice), preview, "paid == preview");
        for (uint256 i; i < N; ++i) {
            // Venus's redeemUnderlying rounds the vTokens it burns down, which may lower the exchange
            // rate by a unit: allow one vToken unit of value per asset.
            uint256 dust = vTokens[i].exchangeRateStored() / 1e18 + 1;
            assertGe(
                (heldAfter[i] + dust) * supplyBefore,
                heldBefore[i] * supplyAfter,
                "others' holdings per share kept"
            );
        }
    }

    function testFuzz_Mint_NeverLowersShareValue(uint256 shares, bool supplied, uint256 blocks) public {
        _venusState(supplied, blocks);
        shares = bound(shares, MIN_SHARES, MAX_SHARES);
        uint256[] memory heldBefore = fund.holdings();
        uint256 supplyBefore = fund.totalSupply();
        _mint(fund, alice, shares);
        uint256[] memory heldAfter = fund.holdings();
        uint256 supplyAfter = fund.totalSupply();
        for (uint256 i; i < N; ++i) {
            assertGe(
                heldAfter[i] * supplyBefore, heldBefore[i] * supplyAfter, "holdings per share never fall"
            );
        }
    }

    /// @dev A two-asset fund with fuzzed decimals and weights, no Venus.
    function testFuzz_Decimals_RoundTrip(uint8 decSeed, uint16 weight, uint256 shares) public {
        uint8[3] memory options = [6, 8, 18];
        uint8 dec = options[decSeed % 3];
        weight = uint16(bound(weight, 1, 9_999));
        MockERC20 token = new MockERC20("Fuzz", "FZ", dec);
        MockAggregator feed = new MockAggregator(8, "FZ / USD", 3e8);
        vm.prank(owner);
        oracle.setFeed(
            ChainlinkOracle.FeedConfig(address(token), address(feed), HEARTBEAT, 1, type(uint256).max)
        );
        FundParams memory p = _defaultParams();
        p.assets = new AssetConfig[](2);
        p.assets[0] = AssetConfig(address(token), weight, 0, address(0));
        p.assets[1] = AssetConfig(tokens[USDT], 10_000 - weight, 0, address(0));
        BlockETF f = _createFund(p, seeder);

        shares = bound(shares, MIN_SHARES, MAX_SHARES);
        uint256[] memory paid = lens.previewMintExactShares(address(f), shares);
        token.mint(alice, paid[0]);
        _give(tokens[USDT], alice, paid[1]);
        vm.startPrank(alice);
        token.approve(address(f), paid[0]);
        IERC20(tokens[USDT]).approve(address(f), paid[1]);
        f.mintExactShares(shares, paid, alice);
        f.redeem(shares, alice, new uint256[](2));
        vm.stopPrank();
        assertLe(token.balanceOf(alice), paid[0], "no profit in the fuzzed-decimals token");
        assertLe(IERC20(tokens[USDT]).balanceOf(alice), paid[1], "no profit in USDT");
        // Loss is rounding only: at most one unit per asset for the mint and one for the redeem.
        assertGe(token.balanceOf(alice) + 2, paid[0], "rounding loss bounded");
    }
}
