// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {ConstantsLib} from "./ConstantsLib.sol";
import {MathLib} from "./MathLib.sol";

/// @title BasketMathLib
/// @notice The pro-rata share maths of in-kind mint and redeem and of the fees, shared by the fund and the
/// Lens so that previews equal execution by construction. Rounding always favours the fund.
library BasketMathLib {
    using MathLib for uint256;

    /// @notice {share} The most shares `maxAmounts` pay for at holdings `held`; Down: the minter gets no
    /// dust. Assets with no holdings are not needed.
    function sharesForAmounts(uint256[] memory maxAmounts, uint256[] memory held, uint256 supply)
        internal
        pure
        returns (uint256 shares)
    {
        shares = type(uint256).max;
        for (uint256 i; i < held.length; ++i) {
            if (held[i] == 0) continue;
            // {share} = {tok} * {share} / {tok}
            uint256 s = maxAmounts[i].mulDivDown(supply, held[i]);
            if (s < shares) shares = s;
        }
        if (shares == type(uint256).max) shares = 0;
    }

    /// @notice {tok} What minting `shares` costs per asset; Up: the minter pays the dust.
    function amountsForShares(uint256 shares, uint256[] memory held, uint256 supply)
        internal
        pure
        returns (uint256[] memory amounts)
    {
        amounts = new uint256[](held.length);
        for (uint256 i; i < held.length; ++i) {
            // {tok} = {share} * {tok} / {share}
            amounts[i] = shares.mulDivUp(held[i], supply);
        }
    }

    /// @notice {tok} What `netShares` are owed of holdings `held`; Down: the redeemer gets no dust.
    function owedForShares(uint256 netShares, uint256 held, uint256 supply) internal pure returns (uint256) {
        // {tok} = {share} * {tok} / {share}
        return netShares.mulDivDown(held, supply);
    }

    /// @notice {share} Redeem fee on `shares`; Up: the fee is never rounded away.
    function redeemFeeShares(uint256 shares, uint256 feeBps) internal pure returns (uint256) {
        return feeBps == 0 ? 0 : shares.mulDivUp(feeBps, ConstantsLib.BPS);
    }

    /// @notice {share} Management-fee shares for `elapsed` seconds: shares that give the recipient
    /// `feeBps * elapsed / year` of the fund after dilution, i.e. shares / (supply + shares) = f, so
    /// shares = supply * f / (1 - f). Down. Each accrual charges the fund it finds, so the fee compounds
    /// with the accrual frequency: 2 %/year accrued once takes 2.00 % of a year-long holding, accrued
    /// every block about 1.98 %; never more than the nominal rate.
    function managementFeeShares(uint256 supply, uint256 feeBps, uint256 elapsed)
        internal
        pure
        returns (uint256)
    {
        if (feeBps == 0) return 0;
        // {bps*s}
        uint256 f = feeBps * elapsed.min(ConstantsLib.MAX_FEE_ELAPSED);
        return supply.mulDivDown(f, ConstantsLib.BPS * ConstantsLib.YEAR - f);
    }
}
