// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {BlockETF} from "../../../src/BlockETF.sol";
import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
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
    /// @notice {bps} The target weights the owner last set successfully (I4).
    uint16[N] public ghostWeights;
    /// @notice Calls after which every Venus rate could be read ("rateKnown"), or not ("rateFailed"): I3 and
    /// I9 check holdings against Venus's own rate after the former only, so a run must have enough of them.
    uint256 public callCount;
    /// @dev The call count at which a rate failure ends (0: none in progress).
    uint256 internal _healAt;

    bytes internal constant REVERTING_CODE = hex"5f5ffd";

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
        for (uint256 i; i < N; ++i) {
            ghostWeights[i] = fund_.asset(i).weightBps;
        }
    }

    /// @dev Counts every action and ends a rate failure when its time is up, so failures are episodes
    /// within a run, not its rest.
    modifier counted() {
        _;
        ++callCount;
        if (_healAt != 0 && callCount >= _healAt) _setRateFails(false);
        if (_rateFails()) calls["rateFailed"]++;
        else calls["rateKnown"]++;
    }

    function ghostWeightsList() external view returns (uint16[N] memory) {
        return ghostWeights;
    }

    function actorList() external view returns (address[3] memory) {
        return actors;
    }

    /* HOLDERS */

    function mint(uint256 actorSeed, uint256 shares) external counted {
        if (fund.paused() || _rateFails()) return;
        address actor = actors[actorSeed % 3];
        shares = bound(shares, 1e12, 1e22);
        (uint256[] memory heldBefore, uint256 supplyBefore) = (fund.holdings(), fund.totalSupplyWithFees());
        _mintAs(actor, shares);
        _checkSharesKeepValue(heldBefore, supplyBefore, false, "I7 mint lowered holdings per share");
        calls["mint"]++;
    }

    function redeem(uint256 actorSeed, uint256 fraction) external counted {
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

    function roundTrip(uint256 actorSeed, uint256 shares) external counted {
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

    function claim(uint256 actorSeed, uint256 marketSeed) external counted {
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

    function sweep() external counted {
        if (fund.paused()) return;
        fund.sweep();
        calls["sweep"]++;
    }

    function exitVenus(uint256 marketSeed) external counted {
        vm.prank(guardian);
        fund.exitVenus(marketSeed % N);
        calls["exitVenus"]++;
    }

    function enableYield(uint256 marketSeed) external counted {
        uint256 i = marketSeed % N;
        vm.prank(owner);
        try fund.setYieldEnabled(i, true) {}
        catch (bytes memory reason) {
            // Only a written-off market that still cannot be valued may refuse, and with its typed error.
            assertTrue(fund.asset(i).writtenOff, "enableYield refused a market that is not written off");
            // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
            assertEq(bytes4(reason), ErrorsLib.VenusRateUnavailable.selector, "enableYield: typed refusal");
            calls["enableYieldRefused"]++;
        }
    }

    /// @notice The guardian writes off a market: accepted only when its position cannot be valued.
    function writeOff(uint256 marketSeed) external counted {
        uint256 i = marketSeed % N;
        vm.prank(guardian);
        try fund.writeOffVenus(i) {
            calls["writeOff"]++;
        } catch (bytes memory reason) {
            // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
            assertEq(bytes4(reason), ErrorsLib.VenusPositionReadable.selector, "writeOff: typed refusal");
            calls["writeOffRefused"]++;
        }
    }

    /// @notice I4: the owner sets new target weights, valid (each > 0, summing to 10,000 bps) or, one time
    /// in four, off by one bps; an invalid set is refused, typed, and changes nothing.
    function setWeights(uint256[N] memory seeds, uint256 validSeed) external counted {
        uint16[] memory w = new uint16[](N);
        uint256 raw;
        for (uint256 i; i < N; ++i) {
            seeds[i] = bound(seeds[i], 1, 1_000);
            raw += seeds[i];
        }
        uint256 sum;
        for (uint256 i; i + 1 < N; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast) -- at most 10,000 * 1,000 / 1,005 < 2^16
            w[i] = uint16(seeds[i] * 9_000 / raw + 1);
            sum += w[i];
        }
        // forge-lint: disable-next-line(unsafe-typecast) -- sum <= 9,000 + 5
        w[N - 1] = uint16(10_000 - sum);
        bool valid = validSeed % 4 != 0;
        if (!valid) w[validSeed % N] += 1;
        vm.prank(owner);
        try fund.setTargetWeights(w) {
            assertTrue(valid, "I4 weights not summing to 10,000 bps were accepted");
            for (uint256 i; i < N; ++i) {
                ghostWeights[i] = w[i];
            }
            calls["setWeights"]++;
        } catch (bytes memory reason) {
            assertFalse(valid, "I4 valid weights were refused");
            // forge-lint: disable-next-line(unsafe-typecast) -- revert data starts with the selector
            assertEq(bytes4(reason), ErrorsLib.WeightsSumNotOne.selector, "I4 typed refusal");
            calls["setWeightsRefused"]++;
        }
    }

    /// @notice I8 with a Venus contract down: a vToken or the comptroller reverts on every call (a broken
    /// upgrade) while a holder redeems; the redemption goes through (escrowing what cannot be paid), then
    /// the contract answers again.
    function redeemWithVenusDown(uint256 actorSeed, uint256 fraction, uint256 targetSeed) external counted {
        address actor = actors[actorSeed % 3];
        uint256 shares = fund.balanceOf(actor) * bound(fraction, 1, 100) / 100;
        if (shares == 0) return;
        uint256 k = targetSeed % (N + 1);
        address target = k == N ? address(comptroller) : address(vTokens[k]);
        bytes memory code = target.code;
        vm.etch(target, REVERTING_CODE);
        vm.prank(actor);
        fund.redeem(shares, actor, new uint256[](N)); // I8: never blocked, even with Venus down.
        vm.etch(target, code);
        calls["redeemWithVenusDown"]++;
    }

    function togglePause(bool paused) external counted {
        vm.prank(paused ? guardian : owner);
        if (paused) fund.pause();
        else fund.unpause();
    }

    /* MARKETS AND TIME */

    function advance(uint256 blocks) external counted {
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
    function movePrice(uint256 assetSeed, uint256 factorPct) external counted {
        MockAggregator feed = feeds[assetSeed % N];
        int256 answer = feed.answer() * int256(bound(factorPct, 50, 200)) / 100;
        feed.setAnswer(answer > 0 ? answer : int256(1));
        calls["movePrice"]++;
    }

    function setVenusAction(uint256 marketSeed, uint256 actionSeed, bool paused) external counted {
        uint8[3] memory actions = [MINT, REDEEM, TRANSFER];
        (address v, uint8 action) = (address(vTokens[marketSeed % N]), actions[actionSeed % 3]);
        if (address(realVenus) != address(0)) realVenus.setActionPaused(v, action, paused);
        else comptroller.setActionPaused(v, action, paused);
        calls["venusPause"]++;
    }

    function drainCash(uint256 marketSeed, uint256 fraction) external counted {
        if (_rateFails()) return; // borrowers cannot act on a market whose rate model fails
        MockVToken v = vTokens[marketSeed % N];
        uint256 amount = v.getCash() * bound(fraction, 1, 100) / 100;
        if (amount == 0) return;
        if (address(realVenus) != address(0)) realVenus.borrow(address(v), amount);
        else v.borrow(amount);
        calls["drainCash"]++;
    }

    function repayCash(uint256 marketSeed, uint256 fraction) external counted {
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

    /// @notice Every market's interest-rate model fails (or works again); a failure lasts 1 to 8 calls.
    function toggleRateFailure(bool fails, uint256 duration) external counted {
        _setRateFails(fails);
        // + 1: this call counts itself, so the failure is seen by at least one round of checks.
        _healAt = fails ? callCount + 1 + bound(duration, 1, 8) : 0;
    }

    function donate(uint256 assetSeed, uint256 amount) external counted {
        uint256 i = assetSeed % N;
        amount = bound(amount, 1, 10 ** IERC20Meta(tokens[i]).decimals() * 1_000);
        _give(tokens[i], address(fund), amount);
        donated[i] += amount;
        calls["donate"]++;
    }

    /* INTERNAL */

    function _setRateFails(bool fails) internal {
        if (address(realVenus) != address(0)) realVenus.setRateModelReverts(fails);
        else irm.setReverts(fails);
        if (!fails) _healAt = 0;
    }

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
