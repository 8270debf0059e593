// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

import {Asset, IBlockETF, RebalanceEpisode} from "../interfaces/IBlockETF.sol";
import {IBlockETFLens, LensAsset, LensEpisode, LensFund} from "../interfaces/IBlockETFLens.sol";
import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {IVToken} from "../interfaces/external/IVToken.sol";
import {IVenusComptroller} from "../interfaces/external/IVenusComptroller.sol";
import {BasketMathLib} from "../libraries/BasketMathLib.sol";
import {ConstantsLib} from "../libraries/ConstantsLib.sol";
import {MathLib} from "../libraries/MathLib.sol";
import {RebalanceEpisodeLib} from "../libraries/RebalanceEpisodeLib.sol";
import {RebalanceRuleLib} from "../libraries/RebalanceRuleLib.sol";
import {VenusLib} from "../libraries/VenusLib.sol";

/// @title BlockETFLens
/// @notice Batched reads and previews for any BlockETF fund. Stateless; deploy once per chain.
contract BlockETFLens is IBlockETFLens {
    using MathLib for uint256;

    /// @inheritdoc IBlockETFLens
    function getFund(address fund) external view returns (LensFund memory f) {
        IBlockETF etf = IBlockETF(fund);
        f.fund = fund;
        f.name = IERC20Metadata(fund).name();
        f.symbol = IERC20Metadata(fund).symbol();
        f.totalSupply = IERC20Metadata(fund).totalSupply();
        f.totalSupplyWithFees = etf.totalSupplyWithFees();
        f.paused = etf.paused();
        f.owner = Ownable(fund).owner();
        (f.guardian, f.keeper, f.feeRecipient, f.oracle) =
        (etf.guardian(), etf.keeper(), etf.feeRecipient(), etf.oracle());
        (f.managementFeeBps, f.redeemFeeBps, f.lastFeeAccrual) =
        (etf.managementFeeBps(), etf.redeemFeeBps(), etf.lastFeeAccrual());
        (f.blockNumber, f.timestamp) = (block.number, block.timestamp);

        Asset[] memory assets = etf.assets();
        f.assets = new LensAsset[](assets.length);
        (f.pricesOk, f.holdingsOk) = (true, true);
        for (uint256 i; i < assets.length; ++i) {
            f.assets[i] = _asset(etf, assets[i]);
            f.pricesOk = f.pricesOk && f.assets[i].priceOk;
            f.holdingsOk = f.holdingsOk && f.assets[i].positionOk;
            f.totalValue += f.assets[i].value;
        }
        // A NAV missing a price or a Venus position would be wrong: none is given.
        if (!f.pricesOk || !f.holdingsOk) f.totalValue = 0;
        for (uint256 i; i < assets.length && f.totalValue > 0; ++i) {
            f.assets[i].currentWeightBps = f.assets[i].value.mulDivDown(ConstantsLib.BPS, f.totalValue);
        }
        if (f.totalSupplyWithFees > 0) {
            f.navPerShare = f.totalValue.mulDivDown(ConstantsLib.WAD, f.totalSupplyWithFees);
        }
    }

    /// @inheritdoc IBlockETFLens
    function previewMint(address fund, uint256[] calldata maxAmounts)
        external
        view
        returns (uint256 shares, uint256[] memory amounts)
    {
        uint256[] memory held = IBlockETF(fund).holdings();
        uint256 supply = IBlockETF(fund).totalSupplyWithFees();
        shares = BasketMathLib.sharesForAmounts(maxAmounts, held, supply);
        amounts = BasketMathLib.amountsForShares(shares, held, supply);
    }

    /// @inheritdoc IBlockETFLens
    function previewMintExactShares(address fund, uint256 shares)
        external
        view
        returns (uint256[] memory amounts)
    {
        return BasketMathLib.amountsForShares(
            shares, IBlockETF(fund).holdings(), IBlockETF(fund).totalSupplyWithFees()
        );
    }

    /// @inheritdoc IBlockETFLens
    function previewRedeem(address fund, uint256 shares) external view returns (uint256[] memory amounts) {
        IBlockETF etf = IBlockETF(fund);
        uint256 supply = etf.totalSupplyWithFees();
        uint256 fee = etf.feeRecipient() == address(0) ? 0 : etf.redeemFeeBps();
        uint256 net = shares - BasketMathLib.redeemFeeShares(shares, fee);
        amounts = etf.holdings();
        for (uint256 i; i < amounts.length; ++i) {
            amounts[i] = BasketMathLib.owedForShares(net, amounts[i], supply);
        }
    }

    /// @inheritdoc IBlockETFLens
    function assetValues(address fund) public view returns (uint256[] memory values) {
        IBlockETF etf = IBlockETF(fund);
        Asset[] memory assets = etf.assets();
        values = etf.holdings();
        IPriceOracle oracle = IPriceOracle(etf.oracle());
        for (uint256 i; i < values.length; ++i) {
            // D18{USD} = {tok} * D18{USD/tok} / {tok}
            values[i] = values[i].mulDivDown(oracle.price(assets[i].token), 10 ** assets[i].decimals);
        }
    }

    /// @inheritdoc IBlockETFLens
    function totalValue(address fund) public view returns (uint256 total) {
        uint256[] memory values = assetValues(fund);
        for (uint256 i; i < values.length; ++i) {
            total += values[i];
        }
    }

    /// @inheritdoc IBlockETFLens
    function navPerShare(address fund) external view returns (uint256) {
        uint256 supply = IBlockETF(fund).totalSupplyWithFees();
        // D18{USD/share} = D18{USD} * D18 / {share}
        return supply == 0 ? 0 : totalValue(fund).mulDivDown(ConstantsLib.WAD, supply);
    }

    /// @inheritdoc IBlockETFLens
    function currentWeights(address fund) external view returns (uint256[] memory weightsBps) {
        weightsBps = assetValues(fund);
        uint256 total;
        for (uint256 i; i < weightsBps.length; ++i) {
            total += weightsBps[i];
        }
        for (uint256 i; i < weightsBps.length; ++i) {
            weightsBps[i] = total == 0 ? 0 : weightsBps[i].mulDivDown(ConstantsLib.BPS, total);
        }
    }

    /// @inheritdoc IBlockETFLens
    function rebalanceStatus(address fund) external view returns (RebalanceRuleLib.Check memory) {
        IBlockETF etf = IBlockETF(fund);
        Asset[] memory assets = etf.assets();
        uint256[] memory targets = new uint256[](assets.length);
        for (uint256 i; i < assets.length; ++i) {
            targets[i] = assets[i].weightBps;
        }
        RebalanceEpisodeLib.Status memory e = rebalanceEpisode(fund).status;
        RebalanceRuleLib.Check memory c = RebalanceRuleLib.check(
            assetValues(fund),
            targets,
            etf.rebalanceThresholdBps(),
            etf.rebalanceCooldown(),
            e.cooldownFrom,
            block.timestamp
        );
        // An episode open and before its deadline continues whatever the threshold and cooldown say.
        if (!c.needsRebalance && e.active && c.maxDeviationBps > 0) {
            c.needsRebalance = true;
            for (uint256 i; i < targets.length; ++i) {
                if (c.deviationsBps[i] == c.maxDeviationBps) {
                    // forge-lint: disable-next-line(unsafe-typecast) -- i < 16
                    c.triggerIndex = int256(i);
                    break;
                }
            }
        }
        return c;
    }

    /// @inheritdoc IBlockETFLens
    function rebalanceEpisode(address fund) public view returns (LensEpisode memory x) {
        IBlockETF etf = IBlockETF(fund);
        (x.episode, x.open) = (etf.rebalanceEpisode(), etf.rebalancing());
        x.status = RebalanceEpisodeLib.status(x.episode, x.open, etf.lastRebalanceAt(), block.timestamp);
    }

    /* INTERNAL */

    function _asset(IBlockETF etf, Asset memory a) internal view returns (LensAsset memory x) {
        (x.token, x.decimals, x.weightBps, x.bufferBps) = (a.token, a.decimals, a.weightBps, a.bufferBps);
        (x.vToken, x.native, x.yieldEnabled, x.idle, x.vShares) =
        (a.vToken, a.native, a.yieldEnabled, a.idle, a.vShares);
        x.symbol = _symbol(a.token);
        x.positionOk = true;
        if (a.vToken != address(0)) _venus(etf, a, x);
        x.holdings = x.idle + x.supplied;
        try IPriceOracle(etf.oracle()).price(a.token) returns (uint256 p) {
            (x.price, x.priceOk) = (p, true);
            x.value = x.holdings.mulDivDown(p, 10 ** a.decimals);
        } catch {}
    }

    /// @dev Every Venus read soft: a market or comptroller that reverts is reported, never propagated.
    function _venus(IBlockETF etf, Asset memory a, LensAsset memory x) internal view {
        address v = a.vToken;
        bool ok;
        (ok, x.exchangeRate) = VenusLib.currentRate(v, a.flashLoanAware);
        if (!ok) x.exchangeRate = VenusLib.storedRate(v);
        // What the fund's holdings count: nothing for a written-off position; one it cannot value is flagged.
        x.writtenOff = a.writtenOff;
        x.positionOk = ok || a.vShares == 0 || a.writtenOff;
        if (ok && !a.writtenOff) x.supplied = VenusLib.toUnderlyingDown(a.vShares, x.exchangeRate);
        (, x.supplyRatePerBlock) = VenusLib._read(v, IVToken.supplyRatePerBlock.selector);
        (, x.venusCash) = VenusLib._read(v, IVToken.getCash.selector);
        address c = etf.VENUS_COMPTROLLER();
        (, x.supplyCap) = VenusLib._readAt(c, abi.encodeCall(IVenusComptroller.supplyCaps, (v)));
        (bool okP, uint256 protocolPaused) = VenusLib._read(c, IVenusComptroller.protocolPaused.selector);
        bool closed = !okP || protocolPaused != 0;
        x.mintPaused = closed || _actionPaused(c, v, ConstantsLib.VENUS_ACTION_MINT);
        x.redeemPaused = closed || _actionPaused(c, v, ConstantsLib.VENUS_ACTION_REDEEM);
        x.escrowed = etf.totalEscrowed(v);
    }

    /// @dev True when `action` is paused for `vToken`, or that cannot be read.
    function _actionPaused(address c, address vToken, uint8 action) internal view returns (bool) {
        (bool ok, uint256 paused) =
            VenusLib._readAt(c, abi.encodeCall(IVenusComptroller.actionPaused, (vToken, action)));
        return !ok || paused != 0;
    }

    function _symbol(address token) internal view returns (string memory) {
        try IERC20Metadata(token).symbol() returns (string memory s) {
            return s;
        } catch {
            return "";
        }
    }
}
