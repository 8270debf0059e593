// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {VenusOutcome} from "../interfaces/IBlockETF.sol";
import {IVBNB, IVToken, IVTokenFlashLoan} from "../interfaces/external/IVToken.sol";
import {IVenusComptroller, IVenusInterestRateModel} from "../interfaces/external/IVenusComptroller.sol";
import {IWBNB} from "../interfaces/external/IWBNB.sol";
import {ConstantsLib} from "./ConstantsLib.sol";
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
/// - Interest accrues per block; `exchangeRateCurrent` accrues (and is `nonReentrant` in Venus, so it
///   fails inside a Venus flash loan, which is what we want).
/// - The state-changing entry points are `external` (a linked library, run by DELEGATECALL in the fund's
///   context) to keep the fund under the EIP-170 size limit; rates and conversions stay inlined.
/// - The fund never calls `enterMarkets`: its vTokens are never collateral, so redeem needs no liquidity
///   check and no price.
library VenusLib {
    using SafeERC20 for IERC20;
    using MathLib for uint256;

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

    /* RATES */

    /// @notice D18{tok/vTok} Exchange rate with interest accrued to this block, by Venus itself.
    function tryCurrentRate(address vToken) internal returns (bool ok, uint256 rate) {
        try IVToken(vToken).exchangeRateCurrent() returns (uint256 r) {
            return (r > 0, r);
        } catch {
            return (false, 0);
        }
    }

    /// @notice D18{tok/vTok} The rate stored at the last accrual, or 0 if it cannot be read.
    function tryStoredRate(address vToken) internal view returns (uint256) {
        try IVToken(vToken).exchangeRateStored() returns (uint256 r) {
            return r;
        } catch {
            return 0;
        }
    }

    /// @notice D18{tok/vTok} Exchange rate with interest accrued to this block, computed as a view.
    /// @dev Replicates `VToken.accrueInterest` + `exchangeRateStoredInternal` of venus-protocol 10.3.0:
    /// cash is `getCash() + flashLoanAmount()` (the latter absent on legacy markets), interest is
    /// `borrowRate * blocks * borrows` truncated, reserves take `reserveFactor` of it, truncated.
    function viewRate(address vToken) external view returns (uint256) {
        IVToken v = IVToken(vToken);
        uint256 accrualBlock = v.accrualBlockNumber();
        uint256 vSupply = v.totalSupply();
        if (accrualBlock == block.number || vSupply == 0) return v.exchangeRateStored();

        uint256 cash = v.getCash();
        try IVTokenFlashLoan(vToken).flashLoanAmount() returns (uint256 lent) {
            cash += lent;
        } catch {}
        uint256 borrows = v.totalBorrows();
        uint256 reserves = v.totalReserves();
        uint256 borrowRate =
            IVenusInterestRateModel(v.interestRateModel()).getBorrowRate(cash, borrows, reserves);
        // {tok} = D18{1/block} * {block} * {tok} / D18
        uint256 interest = (borrowRate * (block.number - accrualBlock)) * borrows / ConstantsLib.WAD;
        borrows += interest;
        reserves += v.reserveFactorMantissa() * interest / ConstantsLib.WAD;
        // D18{tok/vTok} = {tok} * D18 / {vTok}
        return (cash + borrows - reserves) * ConstantsLib.WAD / vSupply;
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
    /// @dev Call after `tryCurrentRate` in the same transaction, so the stored rate is current (Venus's
    /// cap check uses it).
    function supply(Market memory m, uint256 amount) external returns (Result memory r) {
        IVenusComptroller c = IVenusComptroller(m.comptroller);
        if (c.protocolPaused() || c.actionPaused(m.vToken, ConstantsLib.VENUS_ACTION_MINT)) {
            r.outcome = VenusOutcome.Paused;
            return r;
        }
        IVToken v = IVToken(m.vToken);
        uint256 cap = c.supplyCaps(m.vToken);
        // {tok} = {vTok} * D18{tok/vTok} / D18, as Venus's mintAllowed computes it.
        uint256 supplied = toUnderlyingDown(v.totalSupply(), v.exchangeRateStored());
        if (cap <= supplied) {
            r.outcome = VenusOutcome.CapReached;
            return r;
        }
        r.requested = amount.min(cap - supplied);

        uint256 vBefore = v.balanceOf(address(this));
        uint256 tBefore = IERC20(m.token).balanceOf(address(this));
        if (m.native) {
            uint256 bnbBefore = address(this).balance;
            IWBNB(m.wbnb).withdraw(r.requested);
            try IVBNB(m.vToken).mint{value: r.requested}() {}
            catch {
                r.outcome = VenusOutcome.Reverted;
            }
            // Wrap back whatever vBNB did not take (all of it on failure).
            uint256 left = address(this).balance - bnbBefore;
            if (left > 0) IWBNB(m.wbnb).deposit{value: left}();
        } else {
            IERC20(m.token).forceApprove(m.vToken, r.requested);
            try v.mint(r.requested) returns (uint256 err) {
                if (err != 0) (r.outcome, r.code) = (VenusOutcome.ErrorCode, err);
            } catch {
                r.outcome = VenusOutcome.Reverted;
            }
            if (r.outcome != VenusOutcome.Ok) IERC20(m.token).forceApprove(m.vToken, 0);
        }
        r.vTokens = v.balanceOf(address(this)) - vBefore;
        r.underlying = tBefore - IERC20(m.token).balanceOf(address(this));
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

    /// @notice Withdraws `vTokens` worth of underlying at `rate`, or the market's cash if that is less.
    function withdrawVTokens(Market memory m, uint256 vTokens, uint256 rate)
        external
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

    /// @notice Transfers `vTokens` to `to`; false (and nothing moved) if the market refuses.
    function tryTransferVTokens(Market memory m, address to, uint256 vTokens) external returns (bool) {
        if (IVenusComptroller(m.comptroller).actionPaused(m.vToken, ConstantsLib.VENUS_ACTION_TRANSFER)) {
            return false;
        }
        IVToken v = IVToken(m.vToken);
        uint256 before = v.balanceOf(address(this));
        try v.transfer(to, vTokens) returns (bool ok) {
            return ok && before - v.balanceOf(address(this)) == vTokens;
        } catch {
            return false;
        }
    }

    function _precheckRedeem(Market memory m) private view returns (Result memory r, uint256 cash) {
        IVenusComptroller c = IVenusComptroller(m.comptroller);
        if (c.protocolPaused() || c.actionPaused(m.vToken, ConstantsLib.VENUS_ACTION_REDEEM)) {
            r.outcome = VenusOutcome.Paused;
            return (r, 0);
        }
        cash = IVToken(m.vToken).getCash();
        if (cash == 0) r.outcome = VenusOutcome.NoCash;
    }

    function _redeem(Market memory m, Result memory r, bool byTokens, uint256 quantity) private {
        IVToken v = IVToken(m.vToken);
        uint256 vBefore = v.balanceOf(address(this));
        uint256 before = m.native ? address(this).balance : IERC20(m.token).balanceOf(address(this));
        if (byTokens) {
            try v.redeem(quantity) returns (uint256 err) {
                if (err != 0) (r.outcome, r.code) = (VenusOutcome.ErrorCode, err);
            } catch {
                r.outcome = VenusOutcome.Reverted;
            }
        } else {
            try v.redeemUnderlying(quantity) returns (uint256 err) {
                if (err != 0) (r.outcome, r.code) = (VenusOutcome.ErrorCode, err);
            } catch {
                r.outcome = VenusOutcome.Reverted;
            }
        }
        r.vTokens = vBefore - v.balanceOf(address(this));
        if (m.native) {
            r.underlying = address(this).balance - before;
            if (r.underlying > 0) IWBNB(m.wbnb).deposit{value: r.underlying}();
        } else {
            r.underlying = IERC20(m.token).balanceOf(address(this)) - before;
        }
    }
}
