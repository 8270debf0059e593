// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../../src/BlockETF.sol";
import {BlockETFLens} from "../../../src/periphery/BlockETFLens.sol";
import {IVenusFixture} from "../../utils/IVenusFixture.sol";
import {Test} from "../../utils/Test.sol";
import {MockAggregator} from "../../utils/mocks/MockAggregator.sol";
import {MockERC20} from "../../utils/mocks/MockERC20.sol";
import {MockVToken} from "../../utils/mocks/MockVToken.sol";
import {MockInterestRateModel, MockVenusComptroller} from "../../utils/mocks/MockVenusComptroller.sol";
import {MockWBNB} from "../../utils/mocks/MockWBNB.sol";

/// @notice Drives the fund through what holders, keepers, the guardian and the markets do: mints,
/// redeems, round trips, sweeps, time passing with borrowers, Venus pauses and cash shortages, rate
/// failures, donations, guardian exits and claims. Invariants I6 (round trip) and I7 (share value) are
/// checked here, at the moment of each operation; I8 (redemption never blocked) holds because `redeem`
/// is called bare and forge fails the run on any handler revert.
contract FundHandler is Test {
    uint256 internal constant N = 6;
    uint8 internal constant MINT = 0;
    uint8 internal constant REDEEM = 1;
    uint8 internal constant TRANSFER = 6;

    BlockETF public immutable fund;
    BlockETFLens public immutable lens;
    MockVenusComptroller public immutable comptroller;
    MockInterestRateModel public immutable irm;
    MockWBNB public immutable wbnb;
    address public immutable guardian;
    address public immutable owner;
    address[N] public tokens;
    MockVToken[N] public vTokens;
    MockAggregator[N] public feeds;
    address[3] public actors;
    /// @notice Zero: the Venus doubles. Set: Venus's own core pool, driven through its fixture.
    IVenusFixture public immutable realVenus;

    /* GHOSTS */

    uint256[N] public donated;
    mapping(bytes32 => uint256) public calls;

    constructor(
        BlockETF fund_,
        BlockETFLens lens_,
        MockVenusComptroller comptroller_,
        MockInterestRateModel irm_,
        MockWBNB wbnb_,
        address[N] memory tokens_,
        MockVToken[N] memory vTokens_,
        MockAggregator[N] memory feeds_,
        address guardian_,
        address owner_,
        IVenusFixture realVenus_
    ) {
        (fund, lens, comptroller, irm, wbnb, guardian, owner) =
        (fund_, lens_, comptroller_, irm_, wbnb_, guardian_, owner_);
        (tokens, vTokens, feeds, realVenus) = (tokens_, vTokens_, feeds_, realVenus_);
        actors = [address(0xA11CE), address(0xB0B), address(0xCA201)];
    }

    function actorList() external view returns (address[3] memory) {
        return actors;
    }

    /* HOLDERS */

    function mint(uint256 actorSeed, uint256 shares) external {
        if (fund.paused() || _rateFails()) return;
        address actor = actors[actorSeed % 3];
        shares = bound(shares, 1e12, 1e22);
        (uint256[] memory heldBefore, uint256 supplyBefore) = (fund.holdings(), fund.totalSupplyWithFees());
        _mintAs(actor, shares);
        _checkSharesKeepValue(heldBefore, supplyBefore, false, "I7 mint lowered holdings per share");
        calls["mint"]++;
    }

    function redeem(uint256 actorSeed, uint256 fraction) external {
        address actor = actors[actorSeed % 3];
        uint256 shares = fund.balanceOf(actor) * bound(fraction, 1, 100) / 100;
        if (shares == 0) return;
        bool rateKnown = !_rateFails();
        uint256[] memory heldBefore;
        uint256 supplyBefore;
        if (rateKnown) (heldBefore, supplyBefore) = (fund.holdings(), fund.totalSupplyWithFees());
        vm.prank(actor);
        fund.redeem(shares, actor, new uint256[](N)); // I8: never blocked.
        if (rateKnown) {
            _checkSharesKeepValue(heldBefore, supplyBefore, true, "I7 redeem lowered holdings per share");
        }
        calls["redeem"]++;
    }

    function roundTrip(uint256 actorSeed, uint256 shares) external {
        if (fund.paused() || _rateFails()) return;
        address actor = actors[actorSeed % 3];
        shares = bound(shares, 1e12, 1e22);
        uint256[] memory before = _balances(actor);
        uint256[] memory paid = _mintAs(actor, shares);
        vm.prank(actor);
        fund.redeem(shares, actor, new uint256[](N));
        uint256[] memory afterwards = _balances(actor);
        for (uint256 i; i < N; ++i) {
            // vTokens paid instead of underlying count at zero here, which only strengthens the check.
            assertLe(afterwards[i] - before[i], paid[i], "I6 a round trip returned more than was put in");
        }
        calls["roundTrip"]++;
    }

    function claim(uint256 actorSeed, uint256 marketSeed) external {
        address actor = actors[actorSeed % 3];
        address v = address(vTokens[marketSeed % N]);
        if (fund.escrowedVTokens(actor, v) == 0) return;
        vm.prank(actor);
        try fund.claim(v, actor) {
            calls["claim"]++;
        } catch {
            calls["claimUnavailable"]++;
        }
    }

    /* KEEPER, GUARDIAN, OWNER */

    function sweep() external {
        if (fund.paused()) return;
        fund.sweep();
        calls["sweep"]++;
    }

    function exitVenus(uint256 marketSeed) external {
        vm.prank(guardian);
        fund.exitVenus(marketSeed % N);
        calls["exitVenus"]++;
    }

    function enableYield(uint256 marketSeed) external {
        vm.prank(owner);
        fund.setYieldEnabled(marketSeed % N, true);
    }

    function togglePause(bool paused) external {
        vm.prank(paused ? guardian : owner);
        if (paused) fund.pause();
        else fund.unpause();
    }

    /* MARKETS AND TIME */

    function advance(uint256 blocks) external {
        blocks = bound(blocks, 1, 2_000);
        vm.roll(block.number + blocks);
        vm.warp(block.timestamp + blocks);
        for (uint256 i; i < N; ++i) {
            feeds[i].setAnswer(feeds[i].answer());
        }
        calls["advance"]++;
    }

    /// @notice A market move: one feed by -50 % .. +100 %. In-kind mint and redeem ignore prices, so every
    /// invariant must hold whatever the prices do; NAV must follow them.
    function movePrice(uint256 assetSeed, uint256 factorPct) external {
        MockAggregator feed = feeds[assetSeed % N];
        int256 answer = feed.answer() * int256(bound(factorPct, 50, 200)) / 100;
        feed.setAnswer(answer > 0 ? answer : int256(1));
        calls["movePrice"]++;
    }

    function setVenusAction(uint256 marketSeed, uint256 actionSeed, bool paused) external {
        uint8[3] memory actions = [MINT, REDEEM, TRANSFER];
        (address v, uint8 action) = (address(vTokens[marketSeed % N]), actions[actionSeed % 3]);
        if (address(realVenus) != address(0)) realVenus.setActionPaused(v, action, paused);
        else comptroller.setActionPaused(v, action, paused);
        calls["venusPause"]++;
    }

    function drainCash(uint256 marketSeed, uint256 fraction) external {
        if (_rateFails()) return; // borrowers cannot act on a market whose rate model fails
        MockVToken v = vTokens[marketSeed % N];
        uint256 amount = v.getCash() * bound(fraction, 1, 100) / 100;
        if (amount == 0) return;
        if (address(realVenus) != address(0)) realVenus.borrow(address(v), amount);
        else v.borrow(amount);
        calls["drainCash"]++;
    }

    function repayCash(uint256 marketSeed, uint256 fraction) external {
        if (_rateFails()) return;
        uint256 i = marketSeed % N;
        MockVToken v = vTokens[i];
        uint256 amount = v.totalBorrows() * bound(fraction, 1, 100) / 100;
        if (amount == 0) return;
        bool native = tokens[i] == address(wbnb);
        if (address(realVenus) != address(0)) {
            // The fixture is the only borrower and repays up to its debt: BNB for the native vBNB, WBNB for
            // vWBNB, the token otherwise.
            native = address(v) == realVenus.nativeMarket();
            if (native) {
                vm.deal(address(this), amount);
            } else if (tokens[i] == address(wbnb)) {
                vm.deal(address(this), amount);
                wbnb.deposit{value: amount}();
                require(wbnb.transfer(address(realVenus), amount), "WBNB transfer");
            } else {
                MockERC20(tokens[i]).mint(address(realVenus), amount);
            }
            realVenus.repay{value: native ? amount : 0}(address(v), amount);
        } else {
            if (native) vm.deal(address(v), address(v).balance + amount);
            else MockERC20(tokens[i]).mint(address(v), amount);
            v.repay(amount);
        }
        calls["repayCash"]++;
    }

    function toggleRateFailure(bool fails) external {
        if (address(realVenus) != address(0)) realVenus.setRateModelReverts(fails);
        else irm.setReverts(fails);
    }

    function donate(uint256 assetSeed, uint256 amount) external {
        uint256 i = assetSeed % N;
        amount = bound(amount, 1, 10 ** IERC20Meta(tokens[i]).decimals() * 1_000);
        _give(tokens[i], address(fund), amount);
        donated[i] += amount;
        calls["donate"]++;
    }

    /* INTERNAL */

    function _rateFails() internal view returns (bool) {
        return address(realVenus) != address(0) ? realVenus.rateModelReverts() : irm.reverts();
    }

    function _mintAs(address actor, uint256 shares) internal returns (uint256[] memory amounts) {
        amounts = lens.previewMintExactShares(address(fund), shares);
        for (uint256 i; i < N; ++i) {
            _give(tokens[i], actor, amounts[i]);
            vm.prank(actor);
            IERC20(tokens[i]).approve(address(fund), amounts[i]);
        }
        vm.prank(actor);
        fund.mintExactShares(shares, amounts, actor);
    }

    /// @dev Holdings per share never fall from another holder's mint or redeem. Venus's redeemUnderlying
    /// rounds the vTokens it burns down, which can lower the exchange rate by a unit: a redeem is allowed
    /// one vToken unit of value per asset.
    function _checkSharesKeepValue(
        uint256[] memory heldBefore,
        uint256 supplyBefore,
        bool venusDust,
        string memory id
    ) internal view {
        uint256[] memory heldAfter = fund.holdings();
        uint256 supplyAfter = fund.totalSupplyWithFees();
        for (uint256 i; i < N; ++i) {
            uint256 dust = venusDust ? vTokens[i].exchangeRateStored() / 1e18 + 1 : 0;
            assertGe((heldAfter[i] + dust) * supplyBefore, heldBefore[i] * supplyAfter, id);
        }
    }

    function _give(address token, address to, uint256 amount) internal {
        if (token == address(wbnb)) {
            vm.deal(to, amount);
            vm.prank(to);
            wbnb.deposit{value: amount}();
        } else {
            MockERC20(token).mint(to, amount);
        }
    }

    function _balances(address who) internal view returns (uint256[] memory b) {
        b = new uint256[](N);
        for (uint256 i; i < N; ++i) {
            b[i] = IERC20(tokens[i]).balanceOf(who);
        }
    }
}

interface IERC20Meta {
    function decimals() external view returns (uint8);
}
