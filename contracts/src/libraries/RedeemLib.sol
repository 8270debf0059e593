// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Asset, MarketInfo, RedeemPayout, VenusOutcome} from "../interfaces/IBlockETF.sol";
import {IVToken} from "../interfaces/external/IVToken.sol";
import {IVenusComptroller} from "../interfaces/external/IVenusComptroller.sol";
import {BasketMathLib} from "./BasketMathLib.sol";
import {ConstantsLib} from "./ConstantsLib.sol";
import {ErrorsLib} from "./ErrorsLib.sol";
import {EventsLib} from "./EventsLib.sol";
import {MathLib} from "./MathLib.sol";
import {VenusLib} from "./VenusLib.sol";

/// @title RedeemLib
/// @notice How a redemption is valued and paid: idle first, then withdrawn from Venus, then in the market's
/// vTokens, then escrowed per holder for `claim`. Nothing a Venus market does can make it revert.
/// @dev `external` (a linked library run by DELEGATECALL in the fund's context, reading and writing its
/// storage) to keep the fund under the EIP-170 size limit. The fund burns the shares and emits `Redeem`
/// between `quote` and `pay` (checks, effects, then these interactions).
library RedeemLib {
    using SafeERC20 for IERC20;
    using MathLib for uint256;
    using SafeCast for uint256;

    /// @notice A redemption to pay, as the fund valued it with `quote`.
    /// @param owed {tok} Per asset, from `quote`.
    /// @param rates D18{tok/vTok} Per asset, from `quote`.
    /// @param net {share} Shares redeemed, net of the redeem fee.
    /// @param supply {share} Supply before the burn.
    struct Payment {
        address comptroller;
        address wbnb;
        uint256[] owed;
        uint256[] rates;
        uint256 net;
        uint256 supply;
        address receiver;
    }

    /// @notice {tok} What `net` shares are owed of each asset at the Venus rates accrued to this block, and
    /// those rates (0 for a market whose rate cannot be read or that is written off: that asset is paid
    /// pro-rata in kind by `pay`, which needs no rate; its value then counts the vToken part at the stored
    /// rate, 0 if that cannot be read either).
    function quote(Asset[] storage assets, uint256 net, uint256 supply)
        external
        view
        returns (uint256[] memory owed, uint256[] memory rates)
    {
        uint256 n = assets.length;
        (owed, rates) = (new uint256[](n), new uint256[](n));
        for (uint256 i; i < n; ++i) {
            Asset storage a = assets[i];
            uint256 vShares = a.vShares;
            uint256 held = a.idle;
            if (vShares > 0) {
                bool ok;
                // A written-off position is paid in kind, as one that cannot be valued.
                if (!a.writtenOff) (ok, rates[i]) = VenusLib.currentRate(a.vToken, a.flashLoanAware);
                if (!ok) {
                    uint256 vOut = net.mulDivDown(vShares, supply);
                    owed[i] = net.mulDivDown(held, supply)
                        + VenusLib.toUnderlyingDown(vOut, VenusLib.storedRate(a.vToken));
                    rates[i] = 0;
                    continue;
                }
                held += VenusLib.toUnderlyingDown(vShares, rates[i]);
            }
            owed[i] = BasketMathLib.owedForShares(net, held, supply);
        }
    }

    /// @notice Pays every asset of a redemption to its receiver.
    /// @param escrowed The fund's per-holder escrow (holder => vToken => vTokens).
    /// @param totalEscrowed The fund's escrow per market.
    function pay(
        Asset[] storage assets,
        mapping(address => mapping(address => uint256)) storage escrowed,
        mapping(address => uint256) storage totalEscrowed,
        Payment memory pm
    ) external returns (RedeemPayout[] memory payouts) {
        uint256 n = pm.owed.length;
        payouts = new RedeemPayout[](n);
        for (uint256 i; i < n; ++i) {
            Asset storage a = assets[i];
            RedeemPayout memory p = payouts[i];
            uint256 vOut;
            VenusOutcome reason;
            if (a.vShares > 0 && pm.rates[i] == 0) {
                (p.amount, vOut) = _payInKind(a, pm.net, pm.supply);
                reason = a.writtenOff ? VenusOutcome.WrittenOff : VenusOutcome.RateUnavailable;
            } else {
                (p.amount, vOut, reason) = _payOwed(i, a, pm, pm.owed[i], pm.rates[i]);
            }
            if (vOut > 0) {
                _payVTokens(escrowed, totalEscrowed, _market(a, pm), i, vOut, pm.receiver, reason, p);
            }
            if (p.amount > 0) IERC20(a.token).safeTransfer(pm.receiver, p.amount);
        }
    }

    /// @notice Pays `holder` the vTokens escrowed for it in market `vToken`: in underlying as far as the
    /// market can pay, the rest as vTokens if they can move; what neither can pay stays escrowed. Reverts
    /// `ClaimUnavailable` when nothing can be paid, `NothingToClaim` when nothing is escrowed.
    function claim(
        mapping(address => mapping(address => uint256)) storage escrowed,
        mapping(address => uint256) storage totalEscrowed,
        MarketInfo storage info,
        address comptroller,
        address wbnb,
        address vToken,
        address receiver
    ) external returns (uint256 amount, uint256 vTokens) {
        address holder = msg.sender;
        uint256 owed = escrowed[holder][vToken];
        require(owed > 0, ErrorsLib.NothingToClaim(holder, vToken));
        require(receiver != address(0), ErrorsLib.ZeroAddress());
        escrowed[holder][vToken] = 0;
        totalEscrowed[vToken] -= owed;

        // === Interactions ===
        VenusLib.Market memory m = VenusLib.Market(comptroller, vToken, info.token, info.native, wbnb);
        uint256 remaining = owed;
        (bool ok, uint256 rate) = VenusLib.currentRate(vToken, info.flashLoanAware);
        if (ok) {
            VenusLib.Result memory r = VenusLib.withdrawVTokens(m, owed, rate);
            remaining -= r.vTokens;
            amount = r.underlying;
        }
        if (remaining > 0 && VenusLib.tryTransferVTokens(m, receiver, remaining)) {
            (vTokens, remaining) = (remaining, 0);
        }
        require(amount > 0 || vTokens > 0, ErrorsLib.ClaimUnavailable(vToken));
        if (remaining > 0) {
            // Part paid, the rest stays escrowed for a later claim.
            escrowed[holder][vToken] = remaining;
            totalEscrowed[vToken] += remaining;
        }
        emit EventsLib.Claim(holder, vToken, receiver, amount, vTokens);
        if (amount > 0) IERC20(m.token).safeTransfer(receiver, amount);
    }

    /* PREVIEW (Venus safety) */

    /// @notice How `pay` would pay `net` shares of `supply` of `fund` (whose assets are `assets`) in this
    /// block: the underlying, the vTokens Venus could not pay and what would be escrowed because they cannot
    /// move.
    /// @dev Mirrors `quote` and `pay` step by step (idle first; Venus by vTokens for the whole position or
    /// `redeemUnderlying` capped by the cash; its treasury fee; in kind for a position that cannot be valued
    /// or is written off) with the same soft reads, so it equals execution in the same block.
    function previewPayouts(
        address comptroller,
        address fund,
        Asset[] memory assets,
        uint256 net,
        uint256 supply
    ) internal view returns (RedeemPayout[] memory payouts) {
        uint256 n = assets.length;
        payouts = new RedeemPayout[](n);
        for (uint256 i; i < n; ++i) {
            Asset memory a = assets[i];
            RedeemPayout memory p = payouts[i];
            bool ok;
            uint256 rate;
            if (a.vShares > 0 && !a.writtenOff) {
                (ok, rate) = VenusLib.currentRate(a.vToken, a.flashLoanAware);
            }
            uint256 vOut;
            if (a.vShares > 0 && !ok) {
                (p.amount, vOut) = (net.mulDivDown(a.idle, supply), net.mulDivDown(a.vShares, supply));
            } else {
                (p.amount, vOut) = _previewOwed(comptroller, a, net, supply, rate);
            }
            if (vOut == 0) continue;
            if (_transferable(comptroller, a.vToken, fund)) p.vTokens = vOut;
            else p.escrowed = vOut;
        }
    }

    /// @dev `_payOwed` previewed: {tok} underlying paid and {vTok} vTokens owed for what Venus cannot pay.
    function _previewOwed(address comptroller, Asset memory a, uint256 net, uint256 supply, uint256 rate)
        private
        view
        returns (uint256 amount, uint256 vOut)
    {
        uint256 position = a.vShares == 0 ? 0 : VenusLib.toUnderlyingDown(a.vShares, rate);
        uint256 rest = BasketMathLib.owedForShares(net, a.idle + position, supply);
        amount = rest.min(a.idle);
        rest -= amount;
        if (rest == 0) return (amount, 0);
        (uint256 received, uint256 unserved, uint256 vLeft) =
            _previewVenus(comptroller, a, rest, position, rate);
        amount += received;
        if (unserved > 0) vOut = VenusLib.toVTokensDown(unserved, rate).min(vLeft);
    }

    /// @dev What Venus pays of `rest` (<= `position`): {tok} received net of its treasury fee, {tok} left
    /// unserved, and {vTok} the fund's vTokens left.
    function _previewVenus(address comptroller, Asset memory a, uint256 rest, uint256 position, uint256 rate)
        private
        view
        returns (uint256 received, uint256 unserved, uint256 vLeft)
    {
        (vLeft, unserved) = (a.vShares, rest);
        (VenusOutcome outcome, uint256 cash) = VenusLib.redeemConditions(comptroller, a.vToken);
        if (outcome != VenusOutcome.Ok) return (0, unserved, vLeft);
        // The whole position goes by vTokens when Venus has its cash, else `redeemUnderlying` of the rest
        // capped by the cash: either way min(rest, cash) is redeemed.
        uint256 requested = rest.min(cash);
        vLeft -= rest == position && position <= cash
            ? vLeft
            : VenusLib.toVTokensDown(requested, rate).min(vLeft);
        // Venus pays the redeemed amount less floor(amount x treasuryPercent).
        received =
            (requested - requested * VenusLib.treasuryPercent(comptroller) / ConstantsLib.WAD).min(rest);
        unserved = rest - requested;
    }

    /// @dev Whether `tryTransferVTokens` would move the fund's vTokens of `vToken`: Venus's transfer checks
    /// the protocol pause and the market's TRANSFER pause; the fund reads the latter and its balance.
    function _transferable(address comptroller, address vToken, address fund) private view returns (bool) {
        (bool ok, uint256 paused) = VenusLib._read(comptroller, IVenusComptroller.protocolPaused.selector);
        uint256 transferPaused;
        if (ok) {
            (ok, transferPaused) = VenusLib._readAt(
                comptroller,
                abi.encodeCall(IVenusComptroller.actionPaused, (vToken, ConstantsLib.VENUS_ACTION_TRANSFER))
            );
        }
        if (ok) (ok,) = VenusLib._readAt(vToken, abi.encodeCall(IVToken.balanceOf, (fund)));
        return ok && paused == 0 && transferPaused == 0;
    }

    /// @dev Transfers `vOut` vTokens of market `m` to `receiver`, or escrows them if the market refuses.
    function _payVTokens(
        mapping(address => mapping(address => uint256)) storage escrowed,
        mapping(address => uint256) storage totalEscrowed,
        VenusLib.Market memory m,
        uint256 i,
        uint256 vOut,
        address receiver,
        VenusOutcome reason,
        RedeemPayout memory p
    ) private {
        if (VenusLib.tryTransferVTokens(m, receiver, vOut)) {
            p.vTokens = vOut;
        } else {
            escrowed[receiver][m.vToken] += vOut;
            totalEscrowed[m.vToken] += vOut;
            p.escrowed = vOut;
        }
        emit EventsLib.RedeemInVTokens(receiver, i, m.vToken, vOut, p.escrowed > 0, reason);
    }

    /// @dev Pays `owed` of asset i: idle first, then Venus. Returns the underlying paid and the vTokens
    /// (with the reason) still owed for what Venus could not pay.
    function _payOwed(uint256 i, Asset storage a, Payment memory pm, uint256 owed, uint256 rate)
        private
        returns (uint256 amount, uint256 vOut, VenusOutcome reason)
    {
        {
            uint256 idle = a.idle;
            amount = owed.min(idle);
            // forge-lint: disable-next-line(unsafe-typecast) -- idle - amount <= idle, a uint96
            a.idle = uint96(idle - amount);
        }
        uint256 rest = owed - amount;
        if (rest == 0) return (amount, 0, VenusOutcome.Ok);

        // rest <= vShares * rate: owed never exceeds holdings.
        VenusLib.Market memory m = _market(a, pm);
        uint256 vShares = a.vShares;
        // Redeeming the whole position goes by vTokens, so exactly the tracked vTokens are burned.
        VenusLib.Result memory r = rest >= VenusLib.toUnderlyingDown(vShares, rate)
            ? VenusLib.withdrawVTokens(m, vShares, rate)
            : VenusLib.withdrawUnderlying(m, rest);
        vShares -= r.vTokens;
        uint256 unserved = rest;
        reason = r.outcome;
        if (r.outcome == VenusOutcome.Ok) {
            emit EventsLib.Withdraw(i, m.vToken, r.underlying, r.vTokens);
            // A comptroller treasury fee may pay less than requested: the redeemer bears its own exit fee.
            // Anything above what is owed stays with the fund.
            if (r.underlying > rest) {
                a.idle = (a.idle + r.underlying - rest).toUint96();
                r.underlying = rest;
            }
            amount += r.underlying;
            unserved = rest - r.requested.min(rest);
            reason = VenusOutcome.NoCash;
        } else {
            emit EventsLib.WithdrawFailed(i, m.vToken, rest, r.outcome, r.code);
        }
        if (unserved > 0) {
            vOut = VenusLib.toVTokensDown(unserved, rate).min(vShares);
            vShares -= vOut;
        }
        // forge-lint: disable-next-line(unsafe-typecast) -- vShares only decreased from a uint96
        a.vShares = uint96(vShares);
    }

    /// @dev The market of `a` as VenusLib needs it; read only when Venus is called (its flags share a cold
    /// slot that a redemption paid from idle never reads).
    function _market(Asset storage a, Payment memory pm) private view returns (VenusLib.Market memory) {
        return VenusLib.Market(pm.comptroller, a.vToken, a.token, a.native, pm.wbnb);
    }

    /// @dev Pays asset i pro-rata in kind when its Venus rate cannot be read: the idle part, and the vTokens
    /// owed.
    function _payInKind(Asset storage a, uint256 net, uint256 supply)
        private
        returns (uint256 amount, uint256 vOut)
    {
        uint256 idle = a.idle;
        uint256 vShares = a.vShares;
        amount = net.mulDivDown(idle, supply);
        vOut = net.mulDivDown(vShares, supply);
        // forge-lint: disable-next-line(unsafe-typecast) -- idle - amount <= idle, a uint96
        a.idle = uint96(idle - amount);
        // forge-lint: disable-next-line(unsafe-typecast) -- vShares - vOut <= vShares, a uint96
        a.vShares = uint96(vShares - vOut);
    }
}
