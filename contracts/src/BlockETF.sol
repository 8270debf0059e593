// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {
    Asset,
    AssetConfig,
    FundParams,
    IBlockETF,
    MarketInfo,
    RebalanceEpisode,
    RedeemPayout,
    VenusOutcome
} from "./interfaces/IBlockETF.sol";
import {IRebalanceCallback} from "./interfaces/IRebalanceCallback.sol";
import {BasketMathLib} from "./libraries/BasketMathLib.sol";
import {ConstantsLib} from "./libraries/ConstantsLib.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";
import {MathLib} from "./libraries/MathLib.sol";
import {RebalanceLib} from "./libraries/RebalanceLib.sol";
import {RedeemLib} from "./libraries/RedeemLib.sol";
import {VenusLib} from "./libraries/VenusLib.sol";

/// @title BlockETF
/// @notice A BlockETF V2 fund: ERC-20 shares over a basket with target weights and a permanent
/// stablecoin sleeve, minted and redeemed in kind; idle holdings earn interest on Venus.
/// @dev
/// TOKEN REQUIREMENTS
/// - Basket tokens are standard ERC-20s: no fee-on-transfer (a mint that receives less reverts
///   `TransferShortfall`), no rebasing, no hooks; decimals <= 24. BNB is held as WBNB.
/// ORACLES
/// - `oracle` prices whole tokens in USD (D18). Prices are used only by NAV views and seeding: in-kind
///   mint and redeem are pro-rata to holdings and work whatever the feeds do.
/// VENUES
/// - Venus core-pool markets only (vTokens of `VENUS_COMPTROLLER`), see VenusLib for the semantics relied
///   on. The fund never enters markets, so its vTokens are never collateral and cannot be liquidated.
/// - Holdings count Venus positions at the exchange rate with interest accrued to the current block
///   (`exchangeRateCurrent` in transactions, an exact view replica in views).
/// ROLES
/// - owner (a timelock or multisig): parameters, unpause. guardian: pause, pull assets out of Venus.
///   keeper: triggers rebalances through the rebalancer. rebalancer (a contract the owner sets): trades
///   in `rebalance` steps that the fund itself bounds against its oracle (value loss, trade size, every
///   weight closer) and as an episode (interval, loss budget, progress, steps, deadline). No role can move
///   holders' assets anywhere else but Venus markets the owner listed for that very token.
/// LIVENESS
/// - `redeem` works while paused and whatever Venus does: what Venus cannot pay is paid in vTokens, and
///   what cannot be transferred is escrowed per holder for `claim`.
/// VALID RANGES (README): 2..16 assets, weights > 0 summing to 10,000 bps, buffers <= 10,000 bps,
/// management fee <= 500 bps/year, redeem fee <= 100 bps, holdings < 2^128 units per asset.
contract BlockETF is IBlockETF, ERC20, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using MathLib for uint256;

    /* IMMUTABLES */

    /// @inheritdoc IBlockETF
    address public immutable VENUS_COMPTROLLER;
    /// @inheritdoc IBlockETF
    address public immutable WBNB;
    /// @notice The account allowed to seed the fund once (its factory).
    address public immutable SEEDER;

    /* STORAGE */

    Asset[] internal _assets;
    /// @dev vToken => its underlying and nativeness, kept after a market is replaced so escrowed claims
    /// stay payable.
    mapping(address vToken => MarketInfo) internal _marketInfo;

    /// @inheritdoc IBlockETF
    address public oracle;
    /// @inheritdoc IBlockETF
    address public guardian;
    /// @inheritdoc IBlockETF
    bool public paused;
    /// @inheritdoc IBlockETF
    bool public seeded;
    /// @inheritdoc IBlockETF
    uint16 public rebalanceThresholdBps;
    /// @inheritdoc IBlockETF
    uint32 public rebalanceCooldown;
    /// @inheritdoc IBlockETF
    address public keeper;
    /// @inheritdoc IBlockETF
    uint64 public lastRebalanceAt;
    /// @inheritdoc IBlockETF
    uint16 public rebalanceMaxLossBps;
    /// @inheritdoc IBlockETF
    bool public rebalancing;
    /// @inheritdoc IBlockETF
    address public rebalancer;
    // Rebalance episodes: the owner's bounds and the current (or last) episode, kept by RebalanceLib.
    RebalanceEpisode internal _episode;
    /// @inheritdoc IBlockETF
    address public feeRecipient;
    /// @inheritdoc IBlockETF
    uint64 public lastFeeAccrual;
    /// @inheritdoc IBlockETF
    uint16 public managementFeeBps;
    /// @inheritdoc IBlockETF
    uint16 public redeemFeeBps;

    /// @inheritdoc IBlockETF
    mapping(address account => mapping(address vToken => uint256)) public escrowedVTokens;
    /// @inheritdoc IBlockETF
    mapping(address vToken => uint256) public totalEscrowed;

    /* CONSTRUCTOR */

    /// @param comptroller Venus core-pool Comptroller (Unitroller), or address(0) where Venus is absent.
    /// @param wbnb Wrapped BNB (used to unwrap for vBNB), or address(0).
    constructor(FundParams memory p, address comptroller, address wbnb)
        ERC20(p.name, p.symbol)
        Ownable(p.owner)
    {
        VENUS_COMPTROLLER = comptroller;
        WBNB = wbnb;
        SEEDER = msg.sender;

        uint256 n = p.assets.length;
        require(
            n >= ConstantsLib.MIN_ASSETS && n <= ConstantsLib.MAX_ASSETS,
            ErrorsLib.AssetCountOutOfRange(n, ConstantsLib.MIN_ASSETS, ConstantsLib.MAX_ASSETS)
        );
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            AssetConfig memory c = p.assets[i];
            require(c.token != address(0), ErrorsLib.ZeroAddress());
            for (uint256 j; j < i; ++j) {
                require(p.assets[j].token != c.token, ErrorsLib.DuplicateAsset(c.token));
            }
            require(c.weightBps > 0, ErrorsLib.ZeroWeight(i));
            require(c.bufferBps <= ConstantsLib.BPS, ErrorsLib.BufferTooHigh(c.bufferBps));
            uint8 decimals = IERC20Metadata(c.token).decimals();
            require(decimals <= ConstantsLib.MAX_DECIMALS, ErrorsLib.DecimalsTooHigh(c.token, decimals));
            sum += c.weightBps;
            _assets.push();
            Asset storage a = _assets[i];
            (a.token, a.decimals, a.weightBps, a.bufferBps) = (c.token, decimals, c.weightBps, c.bufferBps);
            if (c.vToken != address(0)) _setVenusMarket(i, c.vToken);
            emit EventsLib.AssetAdded(i, c.token, c, a.native);
        }
        require(sum == ConstantsLib.BPS, ErrorsLib.WeightsSumNotOne(sum));

        _setOracle(p.oracle);
        _setGuardian(p.guardian);
        _setKeeper(p.keeper);
        _setFeeRecipient(p.feeRecipient);
        _setManagementFee(p.managementFeeBps);
        _setRedeemFee(p.redeemFeeBps);
        _setRebalanceRule(
            ConstantsLib.DEFAULT_REBALANCE_THRESHOLD_BPS,
            ConstantsLib.DEFAULT_REBALANCE_COOLDOWN,
            ConstantsLib.DEFAULT_REBALANCE_MAX_LOSS_BPS
        );
        _setEpisodeBounds(
            ConstantsLib.DEFAULT_EPISODE_MIN_STEP_INTERVAL,
            ConstantsLib.DEFAULT_EPISODE_MAX_DURATION,
            ConstantsLib.DEFAULT_EPISODE_MAX_STEPS,
            ConstantsLib.DEFAULT_EPISODE_MAX_LOSS_BPS
        );
    }

    /// @dev vBNB and WBNB pay BNB with a 2300-gas `transfer`: this must stay trivial (no storage).
    receive() external payable {}

    /* MODIFIERS */

    modifier whenNotPaused() {
        require(!paused, ErrorsLib.FundPaused());
        _;
    }

    modifier onlyGuardianOrOwner() {
        require(msg.sender == guardian || msg.sender == owner(), ErrorsLib.Unauthorized(msg.sender));
        _;
    }

    /* SEEDING */

    /// @notice Credits the tokens the seeder sent to the fund and mints the first shares. Once.
    /// @dev `DEAD_SHARES` of them go to the dead address, so supply never returns to zero and no
    /// first-depositor (inflation) attack is possible. The factory checks the seed's oracle weights.
    function seed(uint256 shares, address receiver) external nonReentrant returns (uint256[] memory amounts) {
        require(msg.sender == SEEDER, ErrorsLib.NotSeeder(msg.sender));
        require(!seeded, ErrorsLib.AlreadySeeded());
        require(
            shares >= ConstantsLib.MIN_SEED_SHARES,
            ErrorsLib.SeedSharesTooLow(shares, ConstantsLib.MIN_SEED_SHARES)
        );
        require(receiver != address(0), ErrorsLib.ZeroAddress());

        uint256 n = _assets.length;
        amounts = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            Asset storage a = _assets[i];
            amounts[i] = IERC20(a.token).balanceOf(address(this));
            require(amounts[i] > 0, ErrorsLib.SeedAmountZero(i));
            a.idle = amounts[i].toUint96();
        }

        seeded = true;
        lastFeeAccrual = uint64(block.timestamp);
        _mint(ConstantsLib.DEAD_ADDRESS, ConstantsLib.DEAD_SHARES);
        _mint(receiver, shares - ConstantsLib.DEAD_SHARES);
        emit EventsLib.Seed(receiver, shares, amounts);
    }

    /* USER */

    /// @inheritdoc IBlockETF
    function mint(uint256[] calldata maxAmounts, uint256 minShares, address receiver)
        external
        nonReentrant
        whenNotPaused
        returns (uint256 shares, uint256[] memory amounts)
    {
        (uint256 supply, uint256[] memory held) = _prepareMint(maxAmounts.length);
        shares = BasketMathLib.sharesForAmounts(maxAmounts, held, supply);
        require(shares >= minShares, ErrorsLib.MinSharesNotMet(minShares, shares));
        amounts = _mintShares(shares, supply, held, maxAmounts, receiver);
    }

    /// @inheritdoc IBlockETF
    function mintExactShares(uint256 shares, uint256[] calldata maxAmounts, address receiver)
        external
        nonReentrant
        whenNotPaused
        returns (uint256[] memory amounts)
    {
        (uint256 supply, uint256[] memory held) = _prepareMint(maxAmounts.length);
        amounts = _mintShares(shares, supply, held, maxAmounts, receiver);
    }

    /// @inheritdoc IBlockETF
    function redeem(uint256 shares, address receiver, uint256[] calldata minAmounts)
        external
        nonReentrant
        returns (RedeemPayout[] memory payouts)
    {
        require(seeded, ErrorsLib.NotSeeded());
        require(shares > 0, ErrorsLib.ZeroShares());
        require(receiver != address(0), ErrorsLib.ZeroAddress());
        uint256 n = _assets.length;
        require(minAmounts.length == n, ErrorsLib.LengthMismatch(n, minAmounts.length));
        _accrueManagementFee();

        uint256 feeShares = _redeemFeeShares(shares);
        RedeemLib.Payment memory pm;
        (pm.comptroller, pm.wbnb, pm.net, pm.supply, pm.receiver) =
        (VENUS_COMPTROLLER, WBNB, shares - feeShares, totalSupply(), receiver);
        (pm.owed, pm.rates) = RedeemLib.quote(_assets, pm.net, pm.supply);
        for (uint256 i; i < n; ++i) {
            require(pm.owed[i] >= minAmounts[i], ErrorsLib.MinAmountNotMet(i, pm.owed[i], minAmounts[i]));
        }

        _burn(msg.sender, shares);
        if (feeShares > 0) _mint(feeRecipient, feeShares);
        emit EventsLib.Redeem(msg.sender, receiver, shares, feeShares, pm.owed);

        // === Interactions ===
        payouts = RedeemLib.pay(_assets, escrowedVTokens, totalEscrowed, pm);
    }

    /// @inheritdoc IBlockETF
    function claim(address vToken, address receiver)
        external
        nonReentrant
        returns (uint256 amount, uint256 vTokens)
    {
        (amount, vTokens) = RedeemLib.claim(
            escrowedVTokens, totalEscrowed, _marketInfo[vToken], VENUS_COMPTROLLER, WBNB, vToken, receiver
        );
    }

    /// @inheritdoc IBlockETF
    function sweep() external nonReentrant whenNotPaused returns (uint256[] memory supplied) {
        uint256 n = _assets.length;
        supplied = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            Asset storage a = _assets[i];
            if (a.vToken == address(0) || !a.yieldEnabled) continue;
            supplied[i] = _sweepAsset(i, a);
        }
    }

    /* REBALANCER */

    /// @inheritdoc IBlockETF
    function rebalance(uint256[] calldata sent, bytes calldata data)
        external
        nonReentrant
        whenNotPaused
        returns (uint256[] memory received, bool complete)
    {
        require(msg.sender == rebalancer, ErrorsLib.Unauthorized(msg.sender));
        uint256 n = _assets.length;
        require(sent.length == n, ErrorsLib.LengthMismatch(n, sent.length));
        uint256[] memory before = holdings();
        received = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            if (sent[i] > 0) _release(i, _assets[i], sent[i]);
            received[i] = IERC20(_assets[i].token).balanceOf(address(this));
        }

        // === Interactions === (nonReentrant: no mint, redeem or sweep can run inside the callback)
        IRebalanceCallback(msg.sender).onBlockETFRebalance(sent, data);

        for (uint256 i; i < n; ++i) {
            Asset storage a = _assets[i];
            // Balance difference: whatever came back, and only that, is credited.
            received[i] = IERC20(a.token).balanceOf(address(this)) - received[i];
            a.idle = (a.idle + received[i]).toUint96();
        }
        RebalanceLib.Report memory r = RebalanceLib.verify(
            _assets,
            oracle,
            before,
            sent,
            RebalanceLib.Rule(
                rebalanceThresholdBps, rebalanceCooldown, lastRebalanceAt, rebalanceMaxLossBps, rebalancing
            ),
            _episode
        );
        complete = r.complete;
        rebalancing = r.open;
        if (!r.open) lastRebalanceAt = uint64(r.endedAt);
        emit EventsLib.Rebalance(
            msg.sender, sent, received, r.valueBefore, r.valueAfter, r.tradedValue, complete
        );
        // What was bought goes back to work above the buffer.
        for (uint256 i; i < n; ++i) {
            Asset storage a = _assets[i];
            if (received[i] > 0 && a.yieldEnabled) _sweepAsset(i, a);
        }
    }

    /* GUARDIAN */

    /// @inheritdoc IBlockETF
    function pause() external onlyGuardianOrOwner {
        paused = true;
        emit EventsLib.Paused(msg.sender);
    }

    /// @inheritdoc IBlockETF
    function exitVenus(uint256 index) external nonReentrant onlyGuardianOrOwner {
        _checkIndex(index);
        _exitVenus(index);
    }

    /// @inheritdoc IBlockETF
    function exitVenusAll() external nonReentrant onlyGuardianOrOwner {
        uint256 n = _assets.length;
        for (uint256 i; i < n; ++i) {
            if (_assets[i].vToken != address(0)) _exitVenus(i);
        }
    }

    /// @inheritdoc IBlockETF
    function writeOffVenus(uint256 index) external nonReentrant onlyGuardianOrOwner {
        _checkIndex(index);
        VenusLib.setWrittenOff(_assets[index], index, true);
    }

    /* OWNER */

    /// @inheritdoc IBlockETF
    function unpause() external onlyOwner {
        paused = false;
        emit EventsLib.Unpaused(msg.sender);
    }

    /// @notice Disabled: a fund without an owner could never be unpaused or reconfigured.
    function renounceOwnership() public view override onlyOwner {
        revert ErrorsLib.RenounceDisabled();
    }

    /// @inheritdoc IBlockETF
    function setTargetWeights(uint16[] calldata weightsBps) external onlyOwner {
        uint256 n = _assets.length;
        require(weightsBps.length == n, ErrorsLib.LengthMismatch(n, weightsBps.length));
        uint256 sum;
        for (uint256 i; i < n; ++i) {
            require(weightsBps[i] > 0, ErrorsLib.ZeroWeight(i));
            sum += weightsBps[i];
            _assets[i].weightBps = weightsBps[i];
        }
        require(sum == ConstantsLib.BPS, ErrorsLib.WeightsSumNotOne(sum));
        emit EventsLib.SetTargetWeights(weightsBps);
    }

    /// @inheritdoc IBlockETF
    function setBuffer(uint256 index, uint16 bufferBps) external onlyOwner {
        _checkIndex(index);
        require(bufferBps <= ConstantsLib.BPS, ErrorsLib.BufferTooHigh(bufferBps));
        _assets[index].bufferBps = bufferBps;
        emit EventsLib.SetBuffer(index, bufferBps);
    }

    /// @inheritdoc IBlockETF
    function setVenusMarket(uint256 index, address vToken) external onlyOwner {
        _checkIndex(index);
        uint256 vShares = _assets[index].vShares;
        require(vShares == 0, ErrorsLib.VenusPositionOpen(index, vShares));
        _setVenusMarket(index, vToken);
    }

    /// @inheritdoc IBlockETF
    function setYieldEnabled(uint256 index, bool enabled) external onlyOwner {
        _checkIndex(index);
        Asset storage a = _assets[index];
        require(!enabled || a.vToken != address(0), ErrorsLib.VenusNotAvailable());
        if (enabled && a.writtenOff) VenusLib.setWrittenOff(a, index, false);
        a.yieldEnabled = enabled;
        emit EventsLib.SetYieldEnabled(index, enabled);
    }

    /// @inheritdoc IBlockETF
    function setManagementFee(uint16 feeBps) external onlyOwner {
        _accrueManagementFee();
        _setManagementFee(feeBps);
    }

    /// @inheritdoc IBlockETF
    function setRedeemFee(uint16 feeBps) external onlyOwner {
        _setRedeemFee(feeBps);
    }

    /// @inheritdoc IBlockETF
    function setFeeRecipient(address recipient) external onlyOwner {
        _accrueManagementFee();
        _setFeeRecipient(recipient);
    }

    /// @inheritdoc IBlockETF
    function setRebalanceRule(uint16 thresholdBps, uint32 cooldown, uint16 maxLossBps) external onlyOwner {
        _setRebalanceRule(thresholdBps, cooldown, maxLossBps);
    }

    /// @inheritdoc IBlockETF
    function setRebalancer(address newRebalancer) external onlyOwner {
        // A new rebalancer starts under the rule: a step in progress does not carry over.
        (rebalancer, rebalancing) = (newRebalancer, false);
        emit EventsLib.SetRebalancer(newRebalancer);
    }

    /// @inheritdoc IBlockETF
    function setEpisodeBounds(uint32 minStepInterval, uint32 maxDuration, uint16 maxSteps, uint16 maxLossBps)
        external
        onlyOwner
    {
        _setEpisodeBounds(minStepInterval, maxDuration, maxSteps, maxLossBps);
    }

    /// @inheritdoc IBlockETF
    function setGuardian(address newGuardian) external onlyOwner {
        _setGuardian(newGuardian);
    }

    /// @inheritdoc IBlockETF
    function setKeeper(address newKeeper) external onlyOwner {
        _setKeeper(newKeeper);
    }

    /// @inheritdoc IBlockETF
    function setOracle(address newOracle) external onlyOwner {
        _setOracle(newOracle);
    }

    /* VIEW */

    /// @inheritdoc IBlockETF
    function assetCount() external view returns (uint256) {
        return _assets.length;
    }

    /// @inheritdoc IBlockETF
    function asset(uint256 index) external view returns (Asset memory) {
        _checkIndex(index);
        return _assets[index];
    }

    /// @inheritdoc IBlockETF
    function assets() external view returns (Asset[] memory) {
        return _assets;
    }

    /// @inheritdoc IBlockETF
    function rebalanceEpisode() external view returns (RebalanceEpisode memory) {
        return _episode;
    }

    /// @inheritdoc IBlockETF
    function holdings() public view returns (uint256[] memory held) {
        uint256 n = _assets.length;
        held = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            Asset storage a = _assets[i];
            uint256 vShares = a.vShares;
            // A written-off position counts for nothing (its vTokens are paid in kind by redemptions).
            held[i] = a.idle
                + (vShares == 0 || a.writtenOff ? 0 : VenusLib.toUnderlyingDown(vShares, _rateOrRevert(a)));
        }
    }

    /// @inheritdoc IBlockETF
    function totalSupplyWithFees() public view returns (uint256) {
        (uint256 supply, uint256 last) = (totalSupply(), lastFeeAccrual);
        // Already accrued at a later time (a node may serve an older block on newer state): nothing pending.
        return supply + (last < block.timestamp ? _pendingFeeShares(supply, block.timestamp - last) : 0);
    }

    /* INTERNAL: MINT */

    function _prepareMint(uint256 length) internal returns (uint256 supply, uint256[] memory held) {
        require(seeded, ErrorsLib.NotSeeded());
        uint256 n = _assets.length;
        require(length == n, ErrorsLib.LengthMismatch(n, length));
        _accrueManagementFee();
        supply = totalSupply();
        held = holdings();
    }

    function _mintShares(
        uint256 shares,
        uint256 supply,
        uint256[] memory held,
        uint256[] calldata maxAmounts,
        address receiver
    ) internal returns (uint256[] memory amounts) {
        require(shares > 0, ErrorsLib.ZeroShares());
        require(receiver != address(0), ErrorsLib.ZeroAddress());
        amounts = BasketMathLib.amountsForShares(shares, held, supply);
        uint256 n = amounts.length;
        for (uint256 i; i < n; ++i) {
            require(amounts[i] <= maxAmounts[i], ErrorsLib.MaxAmountExceeded(i, amounts[i], maxAmounts[i]));
            Asset storage a = _assets[i];
            a.idle = (a.idle + amounts[i]).toUint96();
        }
        _mint(receiver, shares);
        emit EventsLib.Mint(msg.sender, receiver, shares, amounts);

        // === Interactions ===
        for (uint256 i; i < n; ++i) {
            if (amounts[i] == 0) continue;
            IERC20 token = IERC20(_assets[i].token);
            uint256 before = token.balanceOf(address(this));
            token.safeTransferFrom(msg.sender, address(this), amounts[i]);
            uint256 received = token.balanceOf(address(this)) - before;
            require(received >= amounts[i], ErrorsLib.TransferShortfall(address(token), amounts[i], received));
        }
    }

    /* INTERNAL: REDEEM */

    function _redeemFeeShares(uint256 shares) internal view returns (uint256) {
        return feeRecipient == address(0) ? 0 : BasketMathLib.redeemFeeShares(shares, redeemFeeBps);
    }

    /* INTERNAL: VENUS */

    function _sweepAsset(uint256 i, Asset storage a) internal returns (uint256 supplied) {
        address vToken = a.vToken;
        (bool ok, uint256 rate) = VenusLib.currentRate(vToken, a.flashLoanAware);
        if (!ok) {
            emit EventsLib.SupplySkipped(i, vToken, 0, VenusOutcome.RateUnavailable, 0);
            return 0;
        }
        uint256 idle = a.idle;
        uint256 held = idle + VenusLib.toUnderlyingDown(a.vShares, rate);
        // Up: the buffer is kept whole.
        uint256 keep = held.mulDivUp(a.bufferBps, ConstantsLib.BPS);
        if (idle <= keep || (idle - keep) * ConstantsLib.BPS < held * ConstantsLib.MIN_SWEEP_BPS) return 0;

        VenusLib.Result memory r = VenusLib.supply(_market(a), idle - keep, rate);
        // forge-lint: disable-next-line(unsafe-typecast) -- idle - r.underlying <= idle, a uint96
        a.idle = uint96(idle - r.underlying);
        a.vShares = (a.vShares + r.vTokens).toUint96();
        if (r.outcome == VenusOutcome.Ok && r.requested == idle - keep) {
            emit EventsLib.Supply(i, vToken, r.underlying, r.vTokens);
        } else {
            if (r.outcome == VenusOutcome.Ok) {
                // Capped by the supply cap: the part supplied, then the part left idle.
                emit EventsLib.Supply(i, vToken, r.underlying, r.vTokens);
                emit EventsLib.SupplySkipped(i, vToken, idle - keep - r.requested, VenusOutcome.CapReached, 0);
            } else {
                emit EventsLib.SupplySkipped(i, vToken, idle - keep, r.outcome, r.code);
            }
        }
        return r.underlying;
    }

    /// @dev Sends `amount` of asset i to the rebalancer, withdrawing from Venus what idle lacks (VenusLib:
    /// whole vTokens rounded up, Venus's treasury fee included, never escrowed vTokens).
    function _release(uint256 i, Asset storage a, uint256 amount) internal {
        uint256 idle = a.idle;
        if (idle < amount) {
            idle += VenusLib.withdrawAtLeast(a, i, VENUS_COMPTROLLER, WBNB, amount - idle);
            require(idle >= amount, ErrorsLib.RebalanceLiquidityShort(i, amount, idle));
        }
        // forge-lint: disable-next-line(unsafe-typecast) -- idle - amount < what Venus paid, < 2^96
        a.idle = uint96(idle - amount);
        IERC20(a.token).safeTransfer(msg.sender, amount);
    }

    /// @dev D18{tok/vTok} The accrued rate of `a`'s market; reverts `VenusRateUnavailable` if unreadable.
    function _rateOrRevert(Asset storage a) internal view returns (uint256 rate) {
        bool ok;
        (ok, rate) = VenusLib.currentRate(a.vToken, a.flashLoanAware);
        require(ok, ErrorsLib.VenusRateUnavailable(a.vToken));
    }

    function _market(Asset storage a) internal view returns (VenusLib.Market memory) {
        return VenusLib.Market(VENUS_COMPTROLLER, a.vToken, a.token, a.native, WBNB);
    }

    function _exitVenus(uint256 i) internal {
        VenusLib.exitPosition(_assets[i], i, VENUS_COMPTROLLER, WBNB);
    }

    function _setVenusMarket(uint256 i, address vToken) internal {
        Asset storage a = _assets[i];
        bool native;
        bool flashLoanAware;
        if (vToken != address(0)) {
            (native, flashLoanAware) = VenusLib.inspectMarket(VENUS_COMPTROLLER, vToken, a.token, WBNB);
            _marketInfo[vToken] = MarketInfo(a.token, native, flashLoanAware);
        }
        (a.vToken, a.native, a.yieldEnabled, a.flashLoanAware) =
        (vToken, native, vToken != address(0), flashLoanAware);
        emit EventsLib.SetVenusMarket(i, vToken, native);
    }

    /* INTERNAL: FEES */

    function _accrueManagementFee() internal {
        uint256 last = lastFeeAccrual;
        // Accrued now, or already at a later time: nothing to charge.
        if (last >= block.timestamp) return;
        uint256 elapsed = block.timestamp - last;
        uint256 feeShares = _pendingFeeShares(totalSupply(), elapsed);
        lastFeeAccrual = uint64(block.timestamp);
        if (feeShares > 0) {
            address recipient = feeRecipient;
            _mint(recipient, feeShares);
            emit EventsLib.ManagementFeeAccrued(recipient, feeShares, elapsed);
        }
    }

    function _pendingFeeShares(uint256 supply, uint256 elapsed) internal view returns (uint256) {
        if (feeRecipient == address(0) || !seeded) return 0;
        return BasketMathLib.managementFeeShares(supply, managementFeeBps, elapsed);
    }

    /* INTERNAL: CHECKS AND SETTERS */

    function _checkIndex(uint256 index) internal view {
        require(index < _assets.length, ErrorsLib.IndexOutOfRange(index, _assets.length));
    }

    function _setRebalanceRule(uint16 thresholdBps, uint32 cooldown, uint16 maxLossBps) internal {
        require(
            thresholdBps > 0 && thresholdBps <= ConstantsLib.BPS
                && cooldown <= ConstantsLib.MAX_REBALANCE_COOLDOWN
                && maxLossBps <= ConstantsLib.MAX_REBALANCE_LOSS_BPS,
            ErrorsLib.InvalidRebalanceRule(thresholdBps, cooldown, maxLossBps)
        );
        (rebalanceThresholdBps, rebalanceCooldown, rebalanceMaxLossBps) = (thresholdBps, cooldown, maxLossBps);
        emit EventsLib.SetRebalanceRule(thresholdBps, cooldown, maxLossBps);
    }

    function _setEpisodeBounds(uint32 minStepInterval, uint32 maxDuration, uint16 maxSteps, uint16 maxLossBps)
        internal
    {
        RebalanceLib.setBounds(_episode, minStepInterval, maxDuration, maxSteps, maxLossBps);
        // New bounds apply to a new episode: an open one ends, and the next step needs the rule.
        rebalancing = false;
    }

    function _setOracle(address newOracle) internal {
        require(newOracle != address(0), ErrorsLib.ZeroAddress());
        oracle = newOracle;
        emit EventsLib.SetOracle(newOracle);
    }

    function _setGuardian(address newGuardian) internal {
        guardian = newGuardian;
        emit EventsLib.SetGuardian(newGuardian);
    }

    function _setKeeper(address newKeeper) internal {
        keeper = newKeeper;
        emit EventsLib.SetKeeper(newKeeper);
    }

    function _setFeeRecipient(address recipient) internal {
        feeRecipient = recipient;
        emit EventsLib.SetFeeRecipient(recipient);
    }

    function _setManagementFee(uint16 feeBps) internal {
        require(
            feeBps <= ConstantsLib.MAX_MANAGEMENT_FEE_BPS,
            ErrorsLib.ManagementFeeTooHigh(feeBps, ConstantsLib.MAX_MANAGEMENT_FEE_BPS)
        );
        managementFeeBps = feeBps;
        emit EventsLib.SetManagementFee(feeBps);
    }

    function _setRedeemFee(uint16 feeBps) internal {
        require(
            feeBps <= ConstantsLib.MAX_REDEEM_FEE_BPS,
            ErrorsLib.RedeemFeeTooHigh(feeBps, ConstantsLib.MAX_REDEEM_FEE_BPS)
        );
        redeemFeeBps = feeBps;
        emit EventsLib.SetRedeemFee(feeBps);
    }
}
