// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Asset, IBlockETF, RedeemPayout} from "../interfaces/IBlockETF.sol";
import {IBlockETFRebalancer} from "../interfaces/IBlockETFRebalancer.sol";
import {IBlockETFRouter} from "../interfaces/IBlockETFRouter.sol";
import {IV3Factory} from "../interfaces/external/IV3Factory.sol";
import {IV3Pool} from "../interfaces/external/IV3Pool.sol";
import {IV3SwapRouter} from "../interfaces/external/IV3SwapRouter.sol";
import {BasketMathLib} from "../libraries/BasketMathLib.sol";
import {ConstantsLib} from "../libraries/ConstantsLib.sol";
import {ErrorsLib} from "../libraries/ErrorsLib.sol";
import {EventsLib} from "../libraries/EventsLib.sol";
import {MathLib} from "../libraries/MathLib.sol";
import {RedeemLib} from "../libraries/RedeemLib.sol";
import {V3PathLib} from "../libraries/V3PathLib.sol";

/// @title BlockETFRouter
/// @notice Mints any BlockETF from its stablecoin alone and redeems it to the stablecoin alone, through the
/// V3 routes of the fund's own rebalancer. Stateless; deploy once per chain.
/// @dev
/// TOKENS
/// - The fund's assets are standard ERC-20s (the fund's TOKEN REQUIREMENTS). The router holds tokens only
///   inside a call and approves exactly what each transfer takes: every allowance is back to zero at the end
///   (the stablecoin's to the SwapRouter is reset). Tokens sent to the router by mistake are not tracked:
///   amounts are balance differences over the call.
/// VENUES
/// - The SwapRouter, pools and paths are those of `fund.rebalancer()`, which the fund's owner sets: the
///   router trusts a fund's configuration as a holder of that fund does. Paths are checked to join the asset
///   and the stablecoin. Mint buys follow each asset's `buyPath` (reversed into an exact-output path),
///   redeem sales its `sellPath`.
/// - Swaps carry no minimum of their own: the caller's `minShares` / `maxStableIn` / `minStableOut` bound the
///   whole operation, as a DEX router's do. The fund's oracle is not used: in-kind mint and redeem need no
///   price, and a sandwich is caught by the caller's bound.
/// QUOTES
/// - `quote*` run the same code as execution, except that each swap is simulated in its pool and reverted
///   (QuoterV2's method), and the fund's mint or redeem is computed with BasketMathLib as the fund does.
///   They equal execution in the same block when no two routes cross the same pool; the redeem quote
///   previews what Venus pays in underlying and what the fund pays in vTokens (RedeemLib.previewPayouts).
contract BlockETFRouter is IBlockETFRouter, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using MathLib for uint256;
    using SafeCast for uint256;
    using SafeCast for int256;

    /// @notice A fund as the router trades it.
    /// @param swapRouter The V3 SwapRouter of the fund's rebalancer.
    /// @param stable Index of the stablecoin sleeve.
    /// @param paths Per asset (empty for the stablecoin): for mints the exact-output path that buys it (asset
    /// first), for redeems its exact-input sell path.
    struct Basket {
        IBlockETF fund;
        address swapRouter;
        uint256 stable;
        address[] tokens;
        address[] vTokens;
        bytes[] paths;
    }

    /// @notice One pool of a buy path as the size estimate sees it: its virtual reserves in range.
    /// @param reserveIn {tok in} L / sqrt(P) or L * sqrt(P), the side the router pays.
    /// @param reserveOut {tok out} The side the router receives.
    /// @param fee {ppm} Pool fee, taken from the input.
    struct Hop {
        uint256 reserveIn;
        uint256 reserveOut;
        uint256 fee;
    }

    /// @dev {ppm} V3 fees are in hundredths of a basis point.
    uint256 internal constant FEE_UNIT = 1e6;
    /// @dev Q96: V3 prices are sqrt(P) * 2^96.
    uint256 internal constant Q96 = 2 ** 96;

    /* USER */

    /// @inheritdoc IBlockETFRouter
    function mintWithStable(
        address fund,
        uint256 stableIn,
        uint256 minShares,
        address receiver,
        uint256 deadline
    ) external nonReentrant returns (uint256 shares, uint256 stableSpent) {
        _checkDeadline(deadline);
        require(stableIn > 0, ErrorsLib.ZeroAmount());
        require(receiver != address(0), ErrorsLib.ZeroAddress());
        Basket memory b = _basket(fund, true);
        (uint256[] memory held, uint256 supply) = (b.fund.holdings(), b.fund.totalSupplyWithFees());
        shares = _size(b, held, supply, stableIn);
        require(shares >= minShares, ErrorsLib.MinSharesNotMet(minShares, shares));

        // === Interactions ===
        stableSpent =
            _mint(b, shares, BasketMathLib.amountsForShares(shares, held, supply), stableIn, receiver);
    }

    /// @inheritdoc IBlockETFRouter
    function mintExactSharesWithStable(
        address fund,
        uint256 shares,
        uint256 maxStableIn,
        address receiver,
        uint256 deadline
    ) external nonReentrant returns (uint256 stableSpent) {
        _checkDeadline(deadline);
        require(shares > 0, ErrorsLib.ZeroShares());
        require(maxStableIn > 0, ErrorsLib.ZeroAmount());
        require(receiver != address(0), ErrorsLib.ZeroAddress());
        Basket memory b = _basket(fund, true);
        // Up, as the fund computes them in this block: exactly what `mintExactShares` pulls.
        uint256[] memory amounts =
            BasketMathLib.amountsForShares(shares, b.fund.holdings(), b.fund.totalSupplyWithFees());

        // === Interactions ===
        stableSpent = _mint(b, shares, amounts, maxStableIn, receiver);
    }

    /// @inheritdoc IBlockETFRouter
    function redeemToStable(
        address fund,
        uint256 shares,
        uint256 minStableOut,
        address receiver,
        uint256 deadline
    ) external nonReentrant returns (uint256 stableOut, uint256[] memory vTokens) {
        _checkDeadline(deadline);
        require(shares > 0, ErrorsLib.ZeroShares());
        require(receiver != address(0), ErrorsLib.ZeroAddress());
        Basket memory b = _basket(fund, false);
        uint256 n = b.tokens.length;
        IERC20 stableToken = IERC20(b.tokens[b.stable]);
        uint256 before = stableToken.balanceOf(address(this));

        // === Interactions ===
        IERC20(fund).safeTransferFrom(msg.sender, address(this), shares);
        RedeemPayout[] memory payouts = b.fund.redeem(shares, address(this), new uint256[](n));
        vTokens = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            RedeemPayout memory p = payouts[i];
            require(p.escrowed == 0, ErrorsLib.RedeemEscrowed(i, b.vTokens[i], p.escrowed));
            vTokens[i] = p.vTokens;
            if (i != b.stable && p.amount > 0) _sell(b, i, p.amount);
        }
        // Balance difference: the sleeve's payout and every sale's proceeds, nothing else.
        stableOut = stableToken.balanceOf(address(this)) - before;
        require(stableOut >= minStableOut, ErrorsLib.MinStableOutNotMet(minStableOut, stableOut));
        emit EventsLib.RedeemToStable(fund, msg.sender, receiver, shares, stableOut, vTokens);

        stableToken.safeTransfer(receiver, stableOut);
        for (uint256 i; i < n; ++i) {
            if (vTokens[i] > 0) IERC20(b.vTokens[i]).safeTransfer(receiver, vTokens[i]);
        }
    }

    /* QUOTES */

    /// @inheritdoc IBlockETFRouter
    function quoteMintWithStable(address fund, uint256 stableIn)
        external
        nonReentrant
        returns (uint256 shares, uint256 stableSpent)
    {
        require(stableIn > 0, ErrorsLib.ZeroAmount());
        Basket memory b = _basket(fund, true);
        (uint256[] memory held, uint256 supply) = (b.fund.holdings(), b.fund.totalSupplyWithFees());
        shares = _size(b, held, supply, stableIn);
        stableSpent = _quoteBuy(b, BasketMathLib.amountsForShares(shares, held, supply), stableIn);
    }

    /// @inheritdoc IBlockETFRouter
    function quoteMintExactShares(address fund, uint256 shares)
        external
        nonReentrant
        returns (uint256 stableSpent)
    {
        require(shares > 0, ErrorsLib.ZeroShares());
        Basket memory b = _basket(fund, true);
        uint256[] memory amounts =
            BasketMathLib.amountsForShares(shares, b.fund.holdings(), b.fund.totalSupplyWithFees());
        stableSpent = _quoteBuy(b, amounts, type(uint256).max);
    }

    /// @inheritdoc IBlockETFRouter
    function quoteRedeemToStable(address fund, uint256 shares)
        external
        nonReentrant
        returns (uint256 stableOut, uint256[] memory vTokens)
    {
        require(shares > 0, ErrorsLib.ZeroShares());
        Basket memory b = _basket(fund, false);
        RedeemPayout[] memory payouts = _previewRedeem(b.fund, shares);
        address factory = IV3SwapRouter(b.swapRouter).factory();
        vTokens = new uint256[](payouts.length);
        for (uint256 i; i < payouts.length; ++i) {
            RedeemPayout memory p = payouts[i];
            require(p.escrowed == 0, ErrorsLib.RedeemEscrowed(i, b.vTokens[i], p.escrowed));
            vTokens[i] = p.vTokens;
            if (i == b.stable) stableOut += p.amount;
            else if (p.amount > 0) stableOut += _quoteSell(factory, b.paths[i], i, p.amount);
        }
    }

    /// @dev How `fund.redeem(shares, ...)` pays in this block, as the fund computes it: fee in shares (Up),
    /// then pro-rata of the holdings (Down), paid in underlying where Venus pays and in vTokens where it
    /// cannot.
    function _previewRedeem(IBlockETF etf, uint256 shares) internal view returns (RedeemPayout[] memory) {
        uint256 feeBps = etf.feeRecipient() == address(0) ? 0 : etf.redeemFeeBps();
        return RedeemLib.previewPayouts(
            etf.VENUS_COMPTROLLER(),
            address(etf),
            etf.assets(),
            shares - BasketMathLib.redeemFeeShares(shares, feeBps),
            etf.totalSupplyWithFees()
        );
    }

    /* CALLBACKS */

    /// @inheritdoc IBlockETFRouter
    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external pure {
        revert ErrorsLib.QuotedSwap(amount0Delta, amount1Delta);
    }

    /// @inheritdoc IBlockETFRouter
    function pancakeV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external pure {
        revert ErrorsLib.QuotedSwap(amount0Delta, amount1Delta);
    }

    /* INTERNAL: BASKET */

    /// @dev The fund's sleeve, assets and routes, checked; reverts as the fund's mint (or redeem) would.
    function _basket(address fund, bool forMint) internal view returns (Basket memory b) {
        IBlockETF etf = IBlockETF(fund);
        // Checked here too, so that quotes fail as execution does (and before any swap).
        require(etf.seeded(), ErrorsLib.NotSeeded());
        if (forMint) require(!etf.paused(), ErrorsLib.FundPaused());
        address rebalancer = etf.rebalancer();
        require(
            rebalancer != address(0) && IBlockETFRebalancer(rebalancer).FUND() == fund,
            ErrorsLib.NoStableSleeve(fund)
        );
        b.fund = etf;
        b.swapRouter = IBlockETFRebalancer(rebalancer).ROUTER();
        b.stable = IBlockETFRebalancer(rebalancer).STABLE_INDEX();
        Asset[] memory assets = etf.assets();
        uint256 n = assets.length;
        (b.tokens, b.vTokens, b.paths) = (new address[](n), new address[](n), new bytes[](n));
        for (uint256 i; i < n; ++i) {
            (b.tokens[i], b.vTokens[i]) = (assets[i].token, assets[i].vToken);
        }
        address stableToken = b.tokens[b.stable];
        for (uint256 i; i < n; ++i) {
            if (i == b.stable) continue;
            // One path per asset is read, not the whole route (two paths): mints buy, redeems sell.
            if (forMint) {
                bytes memory path = IBlockETFRebalancer(rebalancer).buyPath(i);
                require(V3PathLib.joins(path, stableToken, b.tokens[i]), ErrorsLib.NoRoute(fund, i));
                b.paths[i] = V3PathLib.reverse(path);
            } else {
                bytes memory path = IBlockETFRebalancer(rebalancer).sellPath(i);
                require(V3PathLib.joins(path, b.tokens[i], stableToken), ErrorsLib.NoRoute(fund, i));
                b.paths[i] = path;
            }
        }
    }

    function _checkDeadline(uint256 deadline) internal view {
        require(block.timestamp <= deadline, ErrorsLib.DeadlinePassed(deadline, block.timestamp));
    }

    /* INTERNAL: MINT */

    /// @dev Pulls `budget`, buys `amounts`, mints `shares` in kind to `receiver`, refunds the rest.
    /// @return spent {tok} Stablecoin spent on the swaps and the sleeve.
    function _mint(
        Basket memory b,
        uint256 shares,
        uint256[] memory amounts,
        uint256 budget,
        address receiver
    ) internal returns (uint256 spent) {
        IERC20 stableToken = IERC20(b.tokens[b.stable]);
        stableToken.safeTransferFrom(msg.sender, address(this), budget);
        spent = _buy(b, amounts, budget);
        emit EventsLib.MintWithStable(address(b.fund), msg.sender, receiver, shares, spent);

        uint256 n = amounts.length;
        for (uint256 i; i < n; ++i) {
            // Exactly what the fund pulls: every allowance is spent to zero.
            if (amounts[i] > 0) IERC20(b.tokens[i]).forceApprove(address(b.fund), amounts[i]);
        }
        // `amounts` as the maxima: the fund pulls exactly them, or reverts `MaxAmountExceeded`.
        b.fund.mintExactShares(shares, amounts, receiver);
        if (budget > spent) stableToken.safeTransfer(msg.sender, budget - spent);
    }

    /// @dev Buys `amounts` of every asset but the sleeve with exact-output swaps, asset by asset in basket
    /// order, each allowed what is left of `budget` after the sleeve and the buys before it.
    /// @return spent {tok} Stablecoin spent, the sleeve's amount included (a balance difference).
    function _buy(Basket memory b, uint256[] memory amounts, uint256 budget)
        internal
        returns (uint256 spent)
    {
        uint256 stable = b.stable;
        IERC20 stableToken = IERC20(b.tokens[stable]);
        uint256 sleeve = amounts[stable];
        require(sleeve <= budget, ErrorsLib.BuyFailed(stable, sleeve, budget));
        uint256 balance = stableToken.balanceOf(address(this));
        IV3SwapRouter swapRouter = IV3SwapRouter(b.swapRouter);
        stableToken.forceApprove(address(swapRouter), budget - sleeve);
        uint256 n = amounts.length;
        for (uint256 i; i < n; ++i) {
            if (i == stable || amounts[i] == 0) continue;
            uint256 left = budget - sleeve - (balance - stableToken.balanceOf(address(this)));
            try swapRouter.exactOutput(
                IV3SwapRouter.ExactOutputParams(b.paths[i], address(this), block.timestamp, amounts[i], left)
            ) returns (
                uint256
            ) {}
            catch {
                revert ErrorsLib.BuyFailed(i, amounts[i], left);
            }
        }
        stableToken.forceApprove(address(swapRouter), 0);
        spent = sleeve + balance - stableToken.balanceOf(address(this));
    }

    /// @dev `_buy` simulated: the same order, budget and errors, each swap quoted in its pools.
    function _quoteBuy(Basket memory b, uint256[] memory amounts, uint256 budget)
        internal
        returns (uint256 spent)
    {
        uint256 stable = b.stable;
        spent = amounts[stable];
        require(spent <= budget, ErrorsLib.BuyFailed(stable, spent, budget));
        address factory = IV3SwapRouter(b.swapRouter).factory();
        uint256 n = amounts.length;
        for (uint256 i; i < n; ++i) {
            if (i == stable || amounts[i] == 0) continue;
            uint256 left = budget - spent;
            (bool ok, uint256 cost) = _quoteExactOutput(factory, b.paths[i], amounts[i]);
            require(ok && cost <= left, ErrorsLib.BuyFailed(i, amounts[i], left));
            spent += cost;
        }
    }

    /* INTERNAL: SIZING */

    /// @dev {share} The shares `stableIn` less the sizing margin buys, from the pools' state now.
    /// Spot first: s0 = budget / (cost of the whole basket at spot prices and fees, per share); then one
    /// correction for price impact: shares = s0 x budget / cost(s0). Each asset's cost per share grows with
    /// the amount bought, so cost(shares) <= budget: the correction never overshoots.
    function _size(Basket memory b, uint256[] memory held, uint256 supply, uint256 stableIn)
        internal
        view
        returns (uint256 shares)
    {
        uint256 n = held.length;
        address factory = IV3SwapRouter(b.swapRouter).factory();
        Hop[][] memory hops = new Hop[][](n);
        // {tok of stable} The whole basket's cost at spot.
        uint256 spotCost;
        for (uint256 i; i < n; ++i) {
            if (held[i] == 0) continue;
            if (i == b.stable) {
                spotCost += held[i];
                continue;
            }
            hops[i] = _readHops(factory, b.paths[i], i, stableIn);
            spotCost += _costIn(hops[i], held[i], false, i, stableIn);
        }
        // Down: the margin is kept.
        uint256 budget =
            stableIn.mulDivDown(ConstantsLib.BPS - ConstantsLib.ROUTER_SIZING_MARGIN_BPS, ConstantsLib.BPS);
        // {share} = {tok} * {share} / {tok}; Down: never more than the budget buys at spot.
        uint256 s0 = budget.mulDivDown(supply, spotCost);
        require(s0 > 0, ErrorsLib.ZeroShares());
        uint256 cost;
        for (uint256 i; i < n; ++i) {
            // Up, as the fund pulls.
            uint256 amount = s0.mulDivUp(held[i], supply);
            if (amount == 0) continue;
            cost += i == b.stable ? amount : _costIn(hops[i], amount, true, i, stableIn);
        }
        // {share} = {share} * {tok} / {tok}; Down.
        shares = cost > budget ? s0.mulDivDown(budget, cost) : s0;
        require(shares > 0, ErrorsLib.ZeroShares());
    }

    /// @dev The pools of an exact-output `path` (bought token first) as virtual reserves in range.
    function _readHops(address factory, bytes memory path, uint256 index, uint256 stableIn)
        internal
        view
        returns (Hop[] memory hops)
    {
        uint256 count = V3PathLib.hops(path);
        hops = new Hop[](count);
        for (uint256 k; k < count; ++k) {
            (address tokenOut, uint24 fee, address tokenIn) = V3PathLib.hop(path, k);
            address pool = IV3Factory(factory).getPool(tokenIn, tokenOut, fee);
            require(pool != address(0), ErrorsLib.BuyFailed(index, 0, stableIn));
            uint256 sqrtP = IV3Pool(pool).slot0();
            uint256 liquidity = IV3Pool(pool).liquidity();
            // {tok0} = L / sqrt(P), {tok1} = L * sqrt(P): the pool's reserves if its liquidity spanned every
            // price. Exact within the current tick range.
            uint256 reserve0 = liquidity.mulDivDown(Q96, sqrtP);
            uint256 reserve1 = liquidity.mulDivDown(sqrtP, Q96);
            hops[k] = tokenIn < tokenOut ? Hop(reserve0, reserve1, fee) : Hop(reserve1, reserve0, fee);
        }
    }

    /// @dev {tok of stable} Estimated cost of `amountOut` of asset `index` through `hops`: at spot
    /// (`impact` false) or along the constant-product curve (`impact` true). Up throughout.
    function _costIn(Hop[] memory hops, uint256 amountOut, bool impact, uint256 index, uint256 stableIn)
        internal
        pure
        returns (uint256 amount)
    {
        amount = amountOut;
        for (uint256 k; k < hops.length; ++k) {
            Hop memory h = hops[k];
            require(
                impact ? amount < h.reserveOut : h.reserveOut > 0,
                ErrorsLib.BuyFailed(index, amountOut, stableIn)
            );
            // {tok in} = {tok in} * {tok out} / {tok out}: x * dy / (y - dy) on the curve, x * dy / y at
            // spot.
            uint256 net = impact
                ? h.reserveIn.mulDivUp(amount, h.reserveOut - amount)
                : amount.mulDivUp(h.reserveIn, h.reserveOut);
            // The fee is taken from the input: in = net / (1 - fee).
            amount = net.mulDivUp(FEE_UNIT, FEE_UNIT - h.fee);
        }
    }

    /* INTERNAL: REDEEM */

    /// @dev Sells `amount` of asset `index` along its path into the stablecoin, to the router.
    function _sell(Basket memory b, uint256 index, uint256 amount) internal {
        IERC20 token = IERC20(b.tokens[index]);
        address swapRouter = b.swapRouter;
        token.forceApprove(swapRouter, amount);
        try IV3SwapRouter(swapRouter)
            .exactInput(
                IV3SwapRouter.ExactInputParams(b.paths[index], address(this), block.timestamp, amount, 0)
            ) returns (
            uint256
        ) {}
        catch {
            revert ErrorsLib.SellFailed(index, amount);
        }
        // A pool that runs out of liquidity takes only part of the input: the rest would stay here.
        require(token.allowance(address(this), swapRouter) == 0, ErrorsLib.SellFailed(index, amount));
    }

    /* INTERNAL: QUOTES */

    /// @dev {tok of stable} What selling `amountIn` of asset `index` along `path` pays, quoted.
    function _quoteSell(address factory, bytes memory path, uint256 index, uint256 amountIn)
        internal
        returns (uint256 amount)
    {
        amount = amountIn;
        uint256 count = V3PathLib.hops(path);
        for (uint256 k; k < count; ++k) {
            (address tokenIn, uint24 fee, address tokenOut) = V3PathLib.hop(path, k);
            (bool ok, uint256 paid, uint256 received) =
                _quoteSwap(factory, tokenIn, tokenOut, fee, amount.toInt256());
            require(ok && paid == amount, ErrorsLib.SellFailed(index, amountIn));
            amount = received;
        }
    }

    /// @dev {tok of stable} What buying exactly `amountOut` along the exact-output `path` costs, quoted;
    /// `ok` false if a pool cannot fill it.
    function _quoteExactOutput(address factory, bytes memory path, uint256 amountOut)
        internal
        returns (bool ok, uint256 amount)
    {
        amount = amountOut;
        uint256 count = V3PathLib.hops(path);
        for (uint256 k; k < count; ++k) {
            (address tokenOut, uint24 fee, address tokenIn) = V3PathLib.hop(path, k);
            uint256 received;
            (ok, amount, received) = _quoteSwap(factory, tokenIn, tokenOut, fee, -amount.toInt256());
            // The SwapRouter requires the whole output of an exact-output swap.
            if (!ok || received < amountOut) return (false, 0);
            amountOut = amount;
        }
    }

    /// @dev Runs a swap in the pool of (tokenIn, tokenOut, fee) and reverts it from the callback (QuoterV2's
    /// method): the pool's state and math, nothing settled.
    /// @return ok False when there is no pool or it did not report.
    /// @return paid {tok in} What the pool asked for.
    /// @return received {tok out} What the pool paid out.
    function _quoteSwap(
        address factory,
        address tokenIn,
        address tokenOut,
        uint24 fee,
        int256 amountSpecified
    ) internal returns (bool ok, uint256 paid, uint256 received) {
        address pool = IV3Factory(factory).getPool(tokenIn, tokenOut, fee);
        if (pool == address(0)) return (false, 0, 0);
        bool zeroForOne = tokenIn < tokenOut;
        uint160 limit =
            zeroForOne ? ConstantsLib.V3_MIN_SQRT_RATIO_PLUS_ONE : ConstantsLib.V3_MAX_SQRT_RATIO_MINUS_ONE;
        try IV3Pool(pool).swap(address(this), zeroForOne, amountSpecified, limit, "") {
            // A pool that settles without asking is no V3 pool.
            return (false, 0, 0);
        } catch (bytes memory reason) {
            bytes4 selector;
            int256 delta0;
            int256 delta1;
            assembly ("memory-safe") {
                // The first 4 bytes only: a bytes4 from assembly must have clean low bits.
                selector := and(mload(add(reason, 32)), shl(224, 0xffffffff))
                delta0 := mload(add(reason, 36))
                delta1 := mload(add(reason, 68))
            }
            if (reason.length != 68 || selector != ErrorsLib.QuotedSwap.selector) return (false, 0, 0);
            (int256 deltaIn, int256 deltaOut) = zeroForOne ? (delta0, delta1) : (delta1, delta0);
            // The pool is owed the input and pays the output.
            if (deltaIn <= 0 || deltaOut > 0) return (false, 0, 0);
            return (true, deltaIn.toUint256(), (-deltaOut).toUint256());
        }
    }
}
