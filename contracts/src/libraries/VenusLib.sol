// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {Asset, VenusOutcome} from "../interfaces/IBlockETF.sol";
import {IVBNB, IVBep20, IVToken, IVTokenFlashLoan} from "../interfaces/external/IVToken.sol";
import {IVenusComptroller, IVenusInterestRateModel} from "../interfaces/external/IVenusComptroller.sol";
import {IWBNB} from "../interfaces/external/IWBNB.sol";
import {ConstantsLib} from "./ConstantsLib.sol";
import {ErrorsLib} from "./ErrorsLib.sol";
import {EventsLib} from "./EventsLib.sol";
import {MathLib} from "./MathLib.sol";

/// @title VenusLib
/// @notice Supply to and withdraw from a Venus core-pool market without ever reverting on Venus's
/// account: every rejection becomes a `VenusOutcome`, and amounts are measured by balance deltas.
/// @dev Venus assumptions (measured on venus-protocol 10.3.0 and the legacy mainnet vBNB source):
/// - `mint`/`redeem`/`redeemUnderlying` revert on most rejections in current code and return non-zero
///   error codes in legacy code: both are handled.
/// - vBNB pays with a 2300-gas `transfer`, as does WBNB `withdraw`: the caller's `receive` must be trivial.
/// - `redeemUnderlying` truncates the vTokens it burns, and a comptroller treasury fee may pay out less
///   than requested: amounts are measured, never assumed.
/// - Interest accrues per block; `currentRate` computes the accrued rate as a view, exactly as Venus's
///   next accrual will.
/// - The state-changing entry points are `external` (a linked library, run by DELEGATECALL in the fund's
///   context) to keep the fund under the EIP-170 size limit; rates and conversions stay inlined.
/// - The fund never calls `enterMarkets`: its vTokens are never collateral, so redeem needs no liquidity
///   check and no price.
library VenusLib {
    using SafeERC20 for IERC20;
    using MathLib for uint256;
    using SafeCast for uint256;

    /// @notice A market as the library needs it.
    struct Market {
        address comptroller;
        address vToken;
        address token;
        bool native;
        address wbnb;
    }

    /// @notice What one Venus call did.
    /// @param requested {tok} Underlying asked for after capping by cash or cap (0 if not attempted).
    /// @param underlying {tok} Underlying moved (spent on supply, received on withdraw).
    /// @param vTokens {vTok} vTokens moved (minted on supply, burned on withdraw).
    struct Result {
        VenusOutcome outcome;
        uint256 code;
        uint256 requested;
        uint256 underlying;
        uint256 vTokens;
    }

    /* MARKETS */

    /// @notice Checks that `vToken` is a market of `comptroller` for `token` and tells how to use it.
    /// @return native True for Venus's native vBNB (then `token` must be `wbnb`).
    /// @return flashLoanAware True when the market has `flashLoanAmount()` (counted in its cash).
    function inspectMarket(address comptroller, address vToken, address token, address wbnb)
        external
        view
        returns (bool native, bool flashLoanAware)
    {
        require(comptroller != address(0), ErrorsLib.VenusNotAvailable());
        address actual = IVToken(vToken).comptroller();
        require(actual == comptroller, ErrorsLib.VTokenComptrollerMismatch(vToken, actual));
        // vBEP-20 markets name their underlying. Venus's native vBNB has none: the legacy mainnet contract
        // lacks `underlying()`, the current one returns address(0).
        address u;
        try IVBep20(vToken).underlying() returns (address underlying_) {
            u = underlying_;
        } catch {}
        if (u == address(0)) {
            require(token == wbnb && wbnb != address(0), ErrorsLib.VTokenUnderlyingMismatch(vToken, token, u));
            native = true;
        } else {
            require(u == token, ErrorsLib.VTokenUnderlyingMismatch(vToken, token, u));
        }
        try IVTokenFlashLoan(vToken).flashLoanAmount() returns (uint256) {
            flashLoanAware = true;
        } catch {}
    }

    /* RATES */

    /// @notice D18{tok/vTok} Exchange rate with interest accrued to this block, computed as a view; `ok` is
    /// false (never a revert) when the market cannot be read.
    /// @dev Replicates `VToken.accrueInterest` + `exchangeRateStoredInternal` of venus-protocol 10.3.0
    /// exactly: cash is `getCash()` plus `flashLoanAmount()` on flash-loan-aware markets (so a Venus flash
    /// loan in progress does not move the rate), interest is `borrowRate * blocks * borrows / 1e18`,
    /// reserves take `reserveFactor * interest / 1e18`, each truncated as Venus truncates. Being a view,
    /// it writes nothing: valuing six markets costs reads only, and previews equal execution because both
    /// use this function. Venus's own calls (`redeemUnderlying`, `mint`) accrue the same amounts. A market
    /// already accrued at a later block than this one counts zero blocks elapsed.
    function currentRate(address vToken, bool flashLoanAware) internal view returns (bool ok, uint256 rate) {
        uint256 accrualBlock;
        uint256 vSupply;
        (ok, accrualBlock) = _read(vToken, IVToken.accrualBlockNumber.selector);
        if (ok) (ok, vSupply) = _read(vToken, IVToken.totalSupply.selector);
        if (!ok) return (false, 0);
        // Accrued at this block, or already at a later one (a node may serve an older block on newer state):
        // zero blocks elapsed, the stored rate is the rate.
        if (accrualBlock >= block.number || vSupply == 0) {
            (ok, rate) = _read(vToken, IVToken.exchangeRateStored.selector);
            return (ok && rate > 0, rate);
        }
        uint256 cash;
        uint256 borrows;
        uint256 reserves;
        (ok, cash) = _read(vToken, IVToken.getCash.selector);
        if (ok && flashLoanAware) {
            uint256 lent;
            (ok, lent) = _read(vToken, IVTokenFlashLoan.flashLoanAmount.selector);
            cash += lent;
        }
        if (ok) (ok, borrows) = _read(vToken, IVToken.totalBorrows.selector);
        if (ok) (ok, reserves) = _read(vToken, IVToken.totalReserves.selector);
        uint256 borrowRate;
        if (ok) borrowRate = _borrowRate(vToken, cash, borrows, reserves);
        uint256 reserveFactor;
        if (ok && borrowRate != type(uint256).max) {
            (ok, reserveFactor) = _read(vToken, IVToken.reserveFactorMantissa.selector);
        }
        if (!ok || borrowRate == type(uint256).max) return (false, 0);
        // {tok} = D18{1/block} * {block} * {tok} / D18
        uint256 interest = (borrowRate * (block.number - accrualBlock)) * borrows / ConstantsLib.WAD;
        borrows += interest;
        reserves += reserveFactor * interest / ConstantsLib.WAD;
        if (cash + borrows < reserves) return (false, 0);
        // D18{tok/vTok} = {tok} * D18 / {vTok}
        rate = (cash + borrows - reserves) * ConstantsLib.WAD / vSupply;
        ok = rate > 0;
    }

    /// @notice D18{tok/vTok} The rate stored at the last accrual, or 0 if it cannot be read.
    function storedRate(address vToken) internal view returns (uint256 rate) {
        (, rate) = _read(vToken, IVToken.exchangeRateStored.selector);
    }

    /// @dev D18{1/block} The market's borrow rate from its interest-rate model; type(uint256).max if it
    /// cannot be read.
    function _borrowRate(address vToken, uint256 cash, uint256 borrows, uint256 reserves)
        private
        view
        returns (uint256)
    {
        (bool ok, uint256 model) = _read(vToken, IVToken.interestRateModel.selector);
        if (!ok) return type(uint256).max;
        bytes memory data = abi.encodeCall(IVenusInterestRateModel.getBorrowRate, (cash, borrows, reserves));
        uint256 rate;
        assembly ("memory-safe") {
            ok := staticcall(gas(), model, add(data, 0x20), mload(data), 0, 0x20)
            ok := and(ok, gt(returndatasize(), 0x1f))
            rate := mload(0)
        }
        return ok ? rate : type(uint256).max;
    }

    /// @dev Static call of a no-argument getter returning one word; (false, 0) if it reverts or returns
    /// less than a word.
    function _read(address target, bytes4 selector) internal view returns (bool ok, uint256 value) {
        assembly ("memory-safe") {
            mstore(0, selector)
            ok := staticcall(gas(), target, 0, 4, 0, 0x20)
            ok := and(ok, gt(returndatasize(), 0x1f))
            value := mload(0)
        }
        if (!ok) value = 0;
    }

    /// @notice {tok} Underlying value of `vTokens` at `rate`, rounded down.
    function toUnderlyingDown(uint256 vTokens, uint256 rate) internal pure returns (uint256) {
        return vTokens.mulDivDown(rate, ConstantsLib.WAD);
    }

    /// @notice {vTok} vTokens worth at most `amount` at `rate`, rounded down.
    function toVTokensDown(uint256 amount, uint256 rate) internal pure returns (uint256) {
        return amount.mulDivDown(ConstantsLib.WAD, rate);
    }

    /* SUPPLY */

    /// @notice Supplies up to `amount` of the market's underlying, capped by the supply-cap headroom.
    /// @param rate D18{tok/vTok} `currentRate` of this block: Venus's cap check uses the accrued rate.
    function supply(Market memory m, uint256 amount, uint256 rate) external returns (Result memory r) {
        uint256 cap;
        (r.outcome, cap) = _mintConditions(m);
        if (r.outcome != VenusOutcome.Ok) return r;
        (bool ok, uint256 vSupply) = _read(m.vToken, IVToken.totalSupply.selector);
        uint256 vBefore;
        if (ok) (ok, vBefore) = _balanceOf(m.vToken);
        if (!ok) {
            r.outcome = VenusOutcome.Unreadable;
            return r;
        }
        // {tok} = {vTok} * D18{tok/vTok} / D18, as Venus's mintAllowed computes it.
        uint256 supplied = toUnderlyingDown(vSupply, rate);
        uint256 room = cap > supplied ? cap - supplied : 0;
        if (m.native && room > 0) {
            // Venus's mintAllowed values vBNB with exchangeRateStored(), read in a call of its own where the
            // cash is vBNB's whole balance, the BNB being minted included, then adds the amount again: a
            // native mint needs twice its amount of room, plus the rate's truncation ({tok} < vSupply / 1e18
            // + 1).
            uint256 slack = vSupply / ConstantsLib.WAD + 2;
            room = room > slack ? (room - slack) / 2 : 0;
        }
        if (room == 0) {
            r.outcome = VenusOutcome.CapReached;
            return r;
        }
        r.requested = amount.min(room);

        uint256 tBefore = IERC20(m.token).balanceOf(address(this));
        if (m.native) {
            uint256 bnbBefore = address(this).balance;
            IWBNB(m.wbnb).withdraw(r.requested);
            (r.outcome, r.code) = _call(m.vToken, r.requested, abi.encodeCall(IVBNB.mint, ()));
            // Wrap back whatever vBNB did not take (all of it on failure).
            uint256 left = address(this).balance - bnbBefore;
            if (left > 0) IWBNB(m.wbnb).deposit{value: left}();
        } else {
            IERC20(m.token).forceApprove(m.vToken, r.requested);
            (r.outcome, r.code) = _call(m.vToken, 0, abi.encodeCall(IVToken.mint, (r.requested)));
            if (r.outcome != VenusOutcome.Ok) IERC20(m.token).forceApprove(m.vToken, 0);
        }
        r.vTokens = _balanceOfAfter(m.vToken) - vBefore;
        r.underlying = tBefore - IERC20(m.token).balanceOf(address(this));
    }

    /* EXIT */

    /// @notice Disables yield for asset `i` and withdraws its whole position (what Venus can pay; the rest
    /// stays in vTokens). Uses the stored rate if the current one cannot be computed.
    function exitPosition(Asset storage a, uint256 i, address comptroller, address wbnb) external {
        address vToken = a.vToken;
        a.yieldEnabled = false;
        emit EventsLib.SetYieldEnabled(i, false);
        uint256 vShares = a.vShares;
        if (vShares == 0) {
            emit EventsLib.VenusExit(i, vToken, 0, 0);
            return;
        }
        (bool ok, uint256 rate) = currentRate(vToken, a.flashLoanAware);
        if (!ok) rate = storedRate(vToken);
        if (rate == 0) {
            emit EventsLib.WithdrawFailed(i, vToken, 0, VenusOutcome.RateUnavailable, 0);
            return;
        }
        Result memory r = withdrawVTokens(Market(comptroller, vToken, a.token, a.native, wbnb), vShares, rate);
        if (r.outcome != VenusOutcome.Ok) {
            emit EventsLib.WithdrawFailed(i, vToken, r.requested, r.outcome, r.code);
        }
        // forge-lint: disable-next-line(unsafe-typecast) -- vShares - r.vTokens <= vShares, a uint96
        a.vShares = uint96(vShares - r.vTokens);
        a.idle = (a.idle + r.underlying).toUint96();
        emit EventsLib.VenusExit(i, vToken, r.underlying, vShares - r.vTokens);
    }

    /* WRITE-OFF (Venus safety) */

    /// @notice Writes off (`off` true) asset `i`'s position, which must not be valuable now, or counts it
    /// again (`off` false), which requires that it can be valued. See `IBlockETF.writeOffVenus`.
    function setWrittenOff(Asset storage a, uint256 i, bool off) external {
        address vToken = a.vToken;
        require(vToken != address(0), ErrorsLib.VenusNotAvailable());
        (bool ok,) = currentRate(vToken, a.flashLoanAware);
        if (off) {
            require(!ok, ErrorsLib.VenusPositionReadable(i));
            a.yieldEnabled = false;
            emit EventsLib.SetYieldEnabled(i, false);
        } else {
            require(ok, ErrorsLib.VenusRateUnavailable(vToken));
        }
        a.writtenOff = off;
        emit EventsLib.VenusWriteOff(i, vToken, a.vShares, off);
    }

    /* WITHDRAW */

    /// @notice Withdraws up to `amount` of underlying (capped by the market's cash).
    function withdrawUnderlying(Market memory m, uint256 amount) external returns (Result memory r) {
        uint256 cash;
        (r, cash) = _precheckRedeem(m);
        if (r.outcome != VenusOutcome.Ok) return r;
        r.requested = amount.min(cash);
        _redeem(m, r, false, r.requested);
    }

    /// @notice Withdraws from asset `i`'s position at least `need` of underlying for a rebalance step (what
    /// the fund's idle lacks): whole vTokens rounded up (Venus refuses a redeem that burns none) and grossed
    /// up for Venus's treasury fee on redeem, so that the shortfall itself arrives; what comes out above it
    /// is
    /// the caller's to keep idle. Bounded by the fund's own position: never touches escrowed vTokens.
    /// @return received {tok} Underlying received (0 when Venus refused: the caller reverts).
    function withdrawAtLeast(Asset storage a, uint256 i, address comptroller, address wbnb, uint256 need)
        external
        returns (uint256 received)
    {
        uint256 vShares = a.vShares;
        if (vShares == 0 || a.writtenOff) return 0;
        address vToken = a.vToken;
        (bool ok, uint256 rate) = currentRate(vToken, a.flashLoanAware);
        require(ok, ErrorsLib.VenusRateUnavailable(vToken));
        // {tok} Venus pays redeemAmount - floor(redeemAmount x fee): ask need / (1 - fee), Up.
        uint256 gross = need.mulDivUp(ConstantsLib.WAD, ConstantsLib.WAD - treasuryPercent(comptroller));
        Result memory r = withdrawVTokens(
            Market(comptroller, vToken, a.token, a.native, wbnb),
            gross.mulDivUp(ConstantsLib.WAD, rate).min(vShares),
            rate
        );
        // forge-lint: disable-next-line(unsafe-typecast) -- r.vTokens <= vShares, a uint96
        a.vShares = uint96(vShares - r.vTokens);
        if (r.outcome != VenusOutcome.Ok) return 0;
        emit EventsLib.Withdraw(i, vToken, r.underlying, r.vTokens);
        return r.underlying;
    }

    /// @notice Withdraws `vTokens` worth of underlying at `rate`, or the market's cash if that is less.
    function withdrawVTokens(Market memory m, uint256 vTokens, uint256 rate)
        public
        returns (Result memory r)
    {
        uint256 cash;
        (r, cash) = _precheckRedeem(m);
        if (r.outcome != VenusOutcome.Ok) return r;
        uint256 value = toUnderlyingDown(vTokens, rate);
        if (value <= cash) {
            r.requested = value;
            _redeem(m, r, true, vTokens);
        } else {
            r.requested = cash;
            _redeem(m, r, false, cash);
        }
    }

    /// @notice Transfers `vTokens` to `to`; false (and nothing moved) if the market refuses or cannot be
    /// read. Decided by the fund's balance, whatever the call returns.
    function tryTransferVTokens(Market memory m, address to, uint256 vTokens) external returns (bool) {
        (bool ok, uint256 paused) = _readAt(
            m.comptroller,
            abi.encodeCall(IVenusComptroller.actionPaused, (m.vToken, ConstantsLib.VENUS_ACTION_TRANSFER))
        );
        uint256 before;
        if (ok && paused == 0) (ok, before) = _balanceOf(m.vToken);
        if (!ok || paused != 0) return false;
        _call(m.vToken, 0, abi.encodeCall(IVToken.transfer, (to, vTokens)));
        uint256 moved = before - _balanceOfAfter(m.vToken);
        // All or nothing: a part moved could be neither escrowed nor reported as paid.
        require(moved == 0 || moved == vTokens, ErrorsLib.VenusInconsistent(m.vToken));
        return moved > 0;
    }

    /* SOFT READS */

    /// @notice D18{1} Share of every Venus redeem that the comptroller sends to Venus's treasury
    /// (`treasuryPercent()`); 0 if it cannot be read.
    function treasuryPercent(address comptroller) internal view returns (uint256 percent) {
        bool ok;
        (ok, percent) = _read(comptroller, IVenusComptroller.treasuryPercent.selector);
        if (!ok || percent >= ConstantsLib.WAD) percent = 0;
    }

    /// @notice Whether `vToken` lets its holders redeem now (`Ok`, else why not: `Unreadable`, `Paused`,
    /// `NoCash`), and {tok} its cash; every read soft.
    function redeemConditions(address comptroller, address vToken)
        internal
        view
        returns (VenusOutcome outcome, uint256 cash)
    {
        (bool ok, uint256 paused) = _read(comptroller, IVenusComptroller.protocolPaused.selector);
        if (ok && paused == 0) {
            (ok, paused) = _readAt(
                comptroller,
                abi.encodeCall(IVenusComptroller.actionPaused, (vToken, ConstantsLib.VENUS_ACTION_REDEEM))
            );
        }
        if (ok && paused == 0) (ok, cash) = _read(vToken, IVToken.getCash.selector);
        if (!ok) outcome = VenusOutcome.Unreadable;
        else if (paused != 0) outcome = VenusOutcome.Paused;
        else if (cash == 0) outcome = VenusOutcome.NoCash;
        if (outcome != VenusOutcome.Ok) cash = 0;
    }

    function _precheckRedeem(Market memory m) private view returns (Result memory r, uint256 cash) {
        (r.outcome, cash) = redeemConditions(m.comptroller, m.vToken);
    }

    /// @dev Whether the market lets the fund supply now, and its supply cap; every read soft.
    function _mintConditions(Market memory m) private view returns (VenusOutcome outcome, uint256 cap) {
        (bool ok, uint256 paused) = _read(m.comptroller, IVenusComptroller.protocolPaused.selector);
        if (ok && paused == 0) {
            (ok, paused) = _readAt(
                m.comptroller,
                abi.encodeCall(IVenusComptroller.actionPaused, (m.vToken, ConstantsLib.VENUS_ACTION_MINT))
            );
        }
        if (ok && paused == 0) {
            (ok, cap) = _readAt(m.comptroller, abi.encodeCall(IVenusComptroller.supplyCaps, (m.vToken)));
        }
        if (!ok) outcome = VenusOutcome.Unreadable;
        else if (paused != 0) outcome = VenusOutcome.Paused;
    }

    /// @dev {vTok} The fund's vToken balance; `ok` false if the market cannot be read.
    function _balanceOf(address vToken) private view returns (bool ok, uint256 balance) {
        return _readAt(vToken, abi.encodeCall(IVToken.balanceOf, (address(this))));
    }

    /// @dev {vTok} The fund's vToken balance after a call to the market: it answered just before, so a
    /// market that no longer answers is inconsistent and no accounting can be exact: revert.
    function _balanceOfAfter(address vToken) private view returns (uint256 balance) {
        bool ok;
        (ok, balance) = _balanceOf(vToken);
        require(ok, ErrorsLib.VenusInconsistent(vToken));
    }

    /// @dev Static call returning one word; (false, 0) if it reverts or returns less than a word.
    function _readAt(address target, bytes memory data) internal view returns (bool ok, uint256 value) {
        assembly ("memory-safe") {
            ok := staticcall(gas(), target, add(data, 0x20), mload(data), 0, 0x20)
            ok := and(ok, gt(returndatasize(), 0x1f))
            value := mload(0)
        }
        if (!ok) value = 0;
    }

    /// @dev Calls a Venus market. `Ok` when the call succeeds with a zero word or no return data (vBNB's
    /// payable `mint`); `ErrorCode` with the word otherwise (Venus's legacy error codes); `Reverted` when the
    /// call reverts. Only the first word of the return data is copied.
    function _call(address target, uint256 value, bytes memory data)
        private
        returns (VenusOutcome outcome, uint256 word)
    {
        bool success;
        uint256 size;
        assembly ("memory-safe") {
            mstore(0, 0)
            success := call(gas(), target, value, add(data, 0x20), mload(data), 0, 0x20)
            size := returndatasize()
            word := mload(0)
        }
        if (!success) return (VenusOutcome.Reverted, 0);
        if (size < 0x20) word = 0;
        return word == 0 ? (VenusOutcome.Ok, 0) : (VenusOutcome.ErrorCode, word);
    }

    function _redeem(Market memory m, Result memory r, bool byTokens, uint256 quantity) private {
        (bool ok, uint256 vBefore) = _balanceOf(m.vToken);
        if (!ok) {
            r.outcome = VenusOutcome.Unreadable;
            return;
        }
        uint256 before = m.native ? address(this).balance : IERC20(m.token).balanceOf(address(this));
        (r.outcome, r.code) = _call(
            m.vToken,
            0,
            byTokens
                ? abi.encodeCall(IVToken.redeem, (quantity))
                : abi.encodeCall(IVToken.redeemUnderlying, (quantity))
        );
        r.vTokens = vBefore - _balanceOfAfter(m.vToken);
        if (m.native) {
            r.underlying = address(this).balance - before;
            if (r.underlying > 0) IWBNB(m.wbnb).deposit{value: r.underlying}();
        } else {
            r.underlying = IERC20(m.token).balanceOf(address(this)) - before;
        }
    }
}
