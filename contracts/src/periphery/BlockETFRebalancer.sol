// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {Asset, IBlockETF, RebalanceEpisode} from "../interfaces/IBlockETF.sol";
import {IBlockETFRebalancer, Route} from "../interfaces/IBlockETFRebalancer.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {IRebalanceCallback} from "../interfaces/IRebalanceCallback.sol";
import {IV3Factory} from "../interfaces/external/IV3Factory.sol";
import {IV3SwapRouter} from "../interfaces/external/IV3SwapRouter.sol";
import {ConstantsLib} from "../libraries/ConstantsLib.sol";
import {ErrorsLib} from "../libraries/ErrorsLib.sol";
import {EventsLib} from "../libraries/EventsLib.sol";
import {MathLib} from "../libraries/MathLib.sol";
import {RebalanceEpisodeLib} from "../libraries/RebalanceEpisodeLib.sol";
import {RebalancePlanLib} from "../libraries/RebalancePlanLib.sol";
import {RebalanceRuleLib} from "../libraries/RebalanceRuleLib.sol";
import {V3PathLib} from "../libraries/V3PathLib.sol";
import {VenusLib} from "../libraries/VenusLib.sol";

/// @title BlockETFRebalancer
/// @notice Rebalances one BlockETF through V3 pools in bounded, oracle-checked steps.
/// @dev
/// VENUES
/// - A V3 SwapRouter with `exactInput`: PancakeSwap V3's, on BNB Chain and on the devnet (Uniswap V3's has
///   the same ABI; the tests run on both).
///   Every swap is exact-input with `amountOutMinimum` = oracle value x (1 - route's slippage): a pool
///   pushed away from the oracle (a sandwich) makes the swap revert `SwapFailed`, never trade at a loss
///   beyond the bound.
/// ROLES
/// - owner: routes, delays. The fund's keeper: triggers. Anyone: triggers once the rule has been due for
///   `publicDelay`, observed continuously: `poke`s no more than `maxPokeGap` apart (see `poke`).
/// TOKENS
/// - Holds tokens only inside a step: everything bought is sent to the fund by the router, and the
///   stablecoin left is returned before the callback ends. The router is approved once per token.
contract BlockETFRebalancer is IBlockETFRebalancer, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using MathLib for uint256;

    /// @notice What the callback needs to trade, passed through the fund unchanged.
    struct Step {
        address[] tokens;
        uint256[] units;
        uint256[] prices;
        uint256[] spend;
    }

    /* IMMUTABLES */

    /// @inheritdoc IBlockETFRebalancer
    address public immutable FUND;
    /// @inheritdoc IBlockETFRebalancer
    address public immutable ROUTER;
    /// @inheritdoc IBlockETFRebalancer
    uint256 public immutable STABLE_INDEX;

    /* STORAGE */

    mapping(uint256 index => Route) internal _routes;
    /// @inheritdoc IBlockETFRebalancer
    uint32 public publicDelay;
    /// @inheritdoc IBlockETFRebalancer
    uint32 public stepInterval;
    /// @inheritdoc IBlockETFRebalancer
    uint64 public lastStepAt;
    /// @inheritdoc IBlockETFRebalancer
    uint64 public dueSince;
    /// @inheritdoc IBlockETFRebalancer
    uint64 public lastDueAt;
    /// @inheritdoc IBlockETFRebalancer
    uint32 public maxPokeGap;
    /// @dev Set only while this contract's own `rebalance` waits for the fund's callback.
    bool internal transient _inStep;

    /* CONSTRUCTOR */

    /// @param stableIndex Index of the stablecoin sleeve in `fund`.
    constructor(address fund, address router, uint256 stableIndex, address owner_) Ownable(owner_) {
        require(fund != address(0) && router != address(0), ErrorsLib.ZeroAddress());
        uint256 n = IBlockETF(fund).assetCount();
        require(stableIndex < n, ErrorsLib.IndexOutOfRange(stableIndex, n));
        (FUND, ROUTER, STABLE_INDEX) = (fund, router, stableIndex);
        IERC20(IBlockETF(fund).asset(stableIndex).token).forceApprove(router, type(uint256).max);
        _setPublicDelay(6 hours);
        _setStepInterval(1 minutes);
        _setMaxPokeGap(1 hours);
    }

    /* USER */

    /// @inheritdoc IBlockETFRebalancer
    function rebalance() external nonReentrant returns (bool complete) {
        (bool allowed, uint256 nextStepAt) = canRebalance(msg.sender);
        if (!allowed) {
            require(nextStepAt <= block.timestamp, ErrorsLib.StepTooSoon(nextStepAt));
            revert ErrorsLib.NotKeeper(msg.sender, _publicFrom());
        }
        (uint256[] memory sent, Step memory s) = _plan();
        bool any;
        for (uint256 i; i < sent.length; ++i) {
            if (sent[i] > 0) any = true;
        }
        // Nothing can be sold: an open episode is closed (the fund ends it as stalled), so the rule and the
        // cooldown apply again instead of leaving it open.
        require(any || IBlockETF(FUND).rebalancing(), ErrorsLib.NothingToRebalance());
        lastStepAt = uint64(block.timestamp);

        // === Interactions === (the fund calls back `onBlockETFRebalance`, then checks the step)
        _inStep = true;
        (, complete) = IBlockETF(FUND).rebalance(sent, abi.encode(s));
        _inStep = false;
        emit EventsLib.RebalanceStep(msg.sender, sent, s.spend, complete);
        // The step showed the rule due; an open episode stays due, an ended one is under the cooldown.
        _observe(IBlockETF(FUND).rebalancing());
    }

    /// @inheritdoc IBlockETFRebalancer
    function poke() external returns (bool due) {
        RebalanceEpisodeLib.Status memory st = _episodeStatus();
        due = st.active || _ruleCheck(st.cooldownFrom).needsRebalance;
        _observe(due);
    }

    /// @inheritdoc IRebalanceCallback
    function onBlockETFRebalance(uint256[] calldata sent, bytes calldata data) external {
        require(msg.sender == FUND && _inStep, ErrorsLib.UnexpectedCallback(msg.sender));
        Step memory s = abi.decode(data, (Step));
        uint256 stable = STABLE_INDEX;
        uint256 n = sent.length;
        for (uint256 i; i < n; ++i) {
            if (i == stable || sent[i] == 0) continue;
            Route storage r = _routes[i];
            _swap(r.sellPath, s, i, stable, sent[i], r.maxSlippageBps, address(this));
        }

        uint256 available = IERC20(s.tokens[stable]).balanceOf(address(this));
        uint256 planned;
        for (uint256 j; j < n; ++j) {
            planned += s.spend[j];
        }
        for (uint256 j; j < n; ++j) {
            uint256 spend = s.spend[j];
            if (spend == 0) continue;
            // Down: sells that brought less than planned (pool fees) shrink every buy alike.
            if (available < planned) spend = spend.mulDivDown(available, planned);
            if (spend == 0) continue;
            Route storage r = _routes[j];
            _swap(r.buyPath, s, stable, j, spend, r.maxSlippageBps, FUND);
        }
        // Nothing stays here: the stablecoin left, and anything of a sold asset a swap did not take, go back.
        for (uint256 i; i < n; ++i) {
            if (i != stable && sent[i] == 0) continue;
            uint256 left = IERC20(s.tokens[i]).balanceOf(address(this));
            if (left > 0) IERC20(s.tokens[i]).safeTransfer(FUND, left);
        }
    }

    /* OWNER */

    /// @inheritdoc IBlockETFRebalancer
    function setRoute(uint256 index, Route calldata r) external onlyOwner {
        uint256 n = IBlockETF(FUND).assetCount();
        require(index < n && index != STABLE_INDEX, ErrorsLib.InvalidRoute(index));
        address token = IBlockETF(FUND).asset(index).token;
        address stableToken = IBlockETF(FUND).asset(STABLE_INDEX).token;
        require(
            V3PathLib.joins(r.sellPath, token, stableToken) && V3PathLib.joins(r.buyPath, stableToken, token)
                && r.maxSlippageBps > 0 && r.maxSlippageBps <= ConstantsLib.MAX_SWAP_SLIPPAGE_BPS
                && r.maxTradeValue > 0,
            ErrorsLib.InvalidRoute(index)
        );
        // A bound at or below the path's own fees leaves nothing for price impact: every swap would revert.
        require(
            _checkPools(r.sellPath) < uint256(r.maxSlippageBps) * 100
                && _checkPools(r.buyPath) < uint256(r.maxSlippageBps) * 100,
            ErrorsLib.InvalidRoute(index)
        );
        _routes[index] = r;
        emit EventsLib.SetRoute(index, r.sellPath, r.buyPath, r.maxSlippageBps, r.maxTradeValue);
        IERC20(token).forceApprove(ROUTER, type(uint256).max);
    }

    /// @inheritdoc IBlockETFRebalancer
    function setPublicDelay(uint32 delay) external onlyOwner {
        _setPublicDelay(delay);
    }

    /// @inheritdoc IBlockETFRebalancer
    function setStepInterval(uint32 interval) external onlyOwner {
        _setStepInterval(interval);
    }

    /// @inheritdoc IBlockETFRebalancer
    function setMaxPokeGap(uint32 gap) external onlyOwner {
        _setMaxPokeGap(gap);
    }

    /* VIEW */

    /// @inheritdoc IBlockETFRebalancer
    function route(uint256 index) external view returns (Route memory) {
        return _routes[index];
    }

    /// @inheritdoc IBlockETFRebalancer
    function sellPath(uint256 index) external view returns (bytes memory) {
        return _routes[index].sellPath;
    }

    /// @inheritdoc IBlockETFRebalancer
    function buyPath(uint256 index) external view returns (bytes memory) {
        return _routes[index].buyPath;
    }

    /// @inheritdoc IBlockETFRebalancer
    function previewStep() external view returns (uint256[] memory sent, uint256[] memory spend) {
        Step memory s;
        (sent, s) = _plan();
        spend = s.spend;
    }

    /// @inheritdoc IBlockETFRebalancer
    function canRebalance(address caller) public view returns (bool allowed, uint256 nextStepAt) {
        nextStepAt = lastStepAt == 0 ? 0 : lastStepAt + stepInterval;
        // The fund's own interval between steps binds whoever its rebalancer is.
        uint256 fundNext = _episodeStatus().nextStepAt;
        if (fundNext > nextStepAt) nextStepAt = fundNext;
        uint256 publicFrom = _publicFrom();
        bool permitted =
            caller == IBlockETF(FUND).keeper() || (publicFrom != 0 && block.timestamp >= publicFrom);
        allowed = permitted && block.timestamp >= nextStepAt;
    }

    /* INTERNAL */

    /// @dev The step in tokens, from the fund's holdings at this block and its oracle.
    function _plan() internal view returns (uint256[] memory sent, Step memory s) {
        IBlockETF fund = IBlockETF(FUND);
        Asset[] memory assets = fund.assets();
        uint256[] memory held = fund.holdings();
        (uint256[] memory values, uint256[] memory weights, uint256 total) = _value(fund, assets, held, s);
        uint256 n = assets.length;
        uint256[] memory maxTrade = new uint256[](n);
        uint256[] memory liquid = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            maxTrade[i] = _routes[i].maxTradeValue;
            // Only what is over target may be sent; its liquidity is read only then.
            if (values[i] * ConstantsLib.BPS > total * weights[i]) {
                liquid[i] = _liquid(fund, assets[i], held[i]).mulDivDown(s.prices[i], s.units[i]);
            }
        }
        (sent, s.spend) = RebalancePlanLib.plan(values, weights, STABLE_INDEX, maxTrade, liquid);
        uint256 stable = STABLE_INDEX;
        for (uint256 i; i < n; ++i) {
            // {tok} = D18{USD} * {tok} / D18{USD/tok}; Down: never more than planned.
            sent[i] = sent[i].mulDivDown(s.units[i], s.prices[i]);
            s.spend[i] = s.spend[i].mulDivDown(s.units[stable], s.prices[stable]);
        }
    }

    /// @dev Fills the step's tokens, units and prices; returns each asset's value, its target and the total.
    function _value(IBlockETF fund, Asset[] memory assets, uint256[] memory held, Step memory s)
        internal
        view
        returns (uint256[] memory values, uint256[] memory weights, uint256 total)
    {
        uint256 n = assets.length;
        IPriceOracle oracle = IPriceOracle(fund.oracle());
        (values, weights) = (new uint256[](n), new uint256[](n));
        (s.tokens, s.units, s.prices) = (new address[](n), new uint256[](n), new uint256[](n));
        for (uint256 i; i < n; ++i) {
            (s.tokens[i], s.units[i], weights[i]) =
            (assets[i].token, 10 ** assets[i].decimals, assets[i].weightBps);
            s.prices[i] = oracle.price(s.tokens[i]);
            // D18{USD} = {tok} * D18{USD/tok} / {tok}
            values[i] = held[i].mulDivDown(s.prices[i], s.units[i]);
            total += values[i];
        }
    }

    /// @param cooldownFrom {s} When the last episode ended (RebalanceEpisodeLib.Status.cooldownFrom).
    function _ruleCheck(uint256 cooldownFrom) internal view returns (RebalanceRuleLib.Check memory) {
        IBlockETF fund = IBlockETF(FUND);
        Step memory s;
        (uint256[] memory values, uint256[] memory weights,) = _value(fund, fund.assets(), fund.holdings(), s);
        return RebalanceRuleLib.check(
            values,
            weights,
            fund.rebalanceThresholdBps(),
            fund.rebalanceCooldown(),
            cooldownFrom,
            block.timestamp
        );
    }

    /// @dev The fund's episode now.
    function _episodeStatus() internal view returns (RebalanceEpisodeLib.Status memory) {
        IBlockETF fund = IBlockETF(FUND);
        RebalanceEpisode memory e = fund.rebalanceEpisode();
        return RebalanceEpisodeLib.status(e, fund.rebalancing(), fund.lastRebalanceAt(), block.timestamp);
    }

    /// @dev Records an observation of whether a step is due. "Due" counts as continuous only while
    /// observations are at most `maxPokeGap` apart: a later one starts `dueSince` again, so a poke during
    /// a short spike cannot open the public trigger when the rule holds again hours later.
    function _observe(bool due) internal {
        if (!due) {
            if (dueSince != 0) {
                (dueSince, lastDueAt) = (0, 0);
                emit EventsLib.RebalanceDue(0);
            }
            return;
        }
        if (dueSince == 0 || block.timestamp > uint256(lastDueAt) + maxPokeGap) {
            dueSince = uint64(block.timestamp);
            emit EventsLib.RebalanceDue(block.timestamp);
        }
        lastDueAt = uint64(block.timestamp);
    }

    /// @dev {s} When anyone may trigger: `publicDelay` after `dueSince`, while the last observation is
    /// within `maxPokeGap`; 0 when due is not (or no longer) observed.
    function _publicFrom() internal view returns (uint256) {
        if (dueSince == 0 || block.timestamp > uint256(lastDueAt) + maxPokeGap) return 0;
        return uint256(dueSince) + publicDelay;
    }

    /// @dev {tok} What the fund can send of an asset now: idle plus what Venus can pay of its position, net
    /// of Venus's treasury fee on redeem (every read soft: a market that cannot be read pays nothing).
    function _liquid(IBlockETF fund, Asset memory a, uint256 held) internal view returns (uint256) {
        uint256 position = held - a.idle;
        if (position == 0) return a.idle;
        address c = fund.VENUS_COMPTROLLER();
        (, uint256 cash) = VenusLib.redeemConditions(c, a.vToken);
        // Down: the fund asks Venus for need / (1 - fee), Up.
        return a.idle
            + position.min(cash).mulDivDown(ConstantsLib.WAD - VenusLib.treasuryPercent(c), ConstantsLib.WAD);
    }

    /// @dev Swaps exactly `amountIn` of asset `from` into asset `to` along `path`, with the minimum out
    /// derived from the oracle prices of the step.
    function _swap(
        bytes memory path,
        Step memory s,
        uint256 from,
        uint256 to,
        uint256 amountIn,
        uint256 slippageBps,
        address recipient
    ) internal {
        // {tok_to} = {tok_from} * D18{USD/tok_from} / D18{USD/tok_to} * {tok_to} / {tok_from}; Up on the
        // denominators is not needed: Down on the value, Down on the slippage, both against the pool.
        uint256 fair =
            amountIn.mulDivDown(s.prices[from], s.prices[to]).mulDivDown(s.units[to], s.units[from]);
        uint256 minOut = fair.mulDivUp(ConstantsLib.BPS - slippageBps, ConstantsLib.BPS);
        try IV3SwapRouter(ROUTER)
            .exactInput(
                IV3SwapRouter.ExactInputParams(path, recipient, block.timestamp, amountIn, minOut)
            ) returns (
            uint256
        ) {}
        catch {
            revert ErrorsLib.SwapFailed(s.tokens[from], s.tokens[to], amountIn, minOut);
        }
    }

    /// @dev Every hop of `path` has a pool at its fee tier in the router's factory: a route through a tier
    /// nobody deployed would otherwise only fail at the first rebalance.
    /// @return fees {1e-6} The sum of the path's fee tiers (hundredths of a bp).
    function _checkPools(bytes memory path) internal view returns (uint256 fees) {
        IV3Factory factory = IV3Factory(IV3SwapRouter(ROUTER).factory());
        for (uint256 k; k < V3PathLib.hops(path); ++k) {
            (address tokenA, uint24 fee, address tokenB) = V3PathLib.hop(path, k);
            require(factory.getPool(tokenA, tokenB, fee) != address(0), ErrorsLib.NoPool(tokenA, tokenB, fee));
            fees += fee;
        }
    }

    function _setPublicDelay(uint32 delay) internal {
        require(delay <= ConstantsLib.MAX_PUBLIC_DELAY, ErrorsLib.InvalidDelay(delay));
        publicDelay = delay;
        emit EventsLib.SetPublicDelay(delay);
    }

    function _setMaxPokeGap(uint32 gap) internal {
        require(gap >= 1 minutes && gap <= ConstantsLib.MAX_POKE_GAP, ErrorsLib.InvalidDelay(gap));
        maxPokeGap = gap;
        emit EventsLib.SetMaxPokeGap(gap);
    }

    function _setStepInterval(uint32 interval) internal {
        require(interval <= ConstantsLib.MAX_STEP_INTERVAL, ErrorsLib.InvalidDelay(interval));
        stepInterval = interval;
        emit EventsLib.SetStepInterval(interval);
    }
}
