// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

import {BlockETF} from "./BlockETF.sol";
import {AssetConfig, FundParams, IBlockETF} from "./interfaces/IBlockETF.sol";
import {IBlockETFFactory} from "./interfaces/IBlockETFFactory.sol";
import {IPriceOracle} from "./interfaces/IPriceOracle.sol";
import {CodeChunksLib} from "./libraries/CodeChunksLib.sol";
import {ConstantsLib} from "./libraries/ConstantsLib.sol";
import {ErrorsLib} from "./libraries/ErrorsLib.sol";
import {EventsLib} from "./libraries/EventsLib.sol";
import {MathLib} from "./libraries/MathLib.sol";

/// @title BlockETFFactory
/// @notice Creates and seeds BlockETF funds that share one Venus Comptroller and one WBNB.
/// @dev BlockETF's creation code (~26.8 KB) does not fit in a contract's runtime code, so the
/// constructor stores it in two data contracts (CodeChunksLib) and `createFund` concatenates them.
contract BlockETFFactory is IBlockETFFactory {
    using SafeERC20 for IERC20;
    using MathLib for uint256;

    /* IMMUTABLES */

    /// @inheritdoc IBlockETFFactory
    address public immutable VENUS_COMPTROLLER;
    /// @inheritdoc IBlockETFFactory
    address public immutable WBNB;
    address internal immutable CODE_HEAD;
    address internal immutable CODE_TAIL;

    /* STORAGE */

    address[] internal _funds;
    /// @inheritdoc IBlockETFFactory
    mapping(address fund => bool) public isFund;

    /* CONSTRUCTOR */

    constructor(address comptroller, address wbnb) {
        VENUS_COMPTROLLER = comptroller;
        WBNB = wbnb;
        bytes memory code = type(BlockETF).creationCode;
        uint256 half = code.length / 2;
        CODE_HEAD = CodeChunksLib.write(_slice(code, 0, half));
        CODE_TAIL = CodeChunksLib.write(_slice(code, half, code.length));
    }

    /* USER */

    /// @inheritdoc IBlockETFFactory
    function createFund(
        FundParams calldata params,
        uint256[] calldata seedAmounts,
        uint256 seedShares,
        address seedReceiver,
        bytes32 salt
    ) external returns (address fund) {
        uint256 n = params.assets.length;
        require(seedAmounts.length == n, ErrorsLib.LengthMismatch(n, seedAmounts.length));
        _checkSeedWeights(params.assets, params.oracle, seedAmounts);

        bytes memory initCode = _initCode(params);
        bytes32 fullSalt = _fullSalt(msg.sender, salt);
        // A CREATE2 collision would burn all the gas: say why instead.
        address predicted = _create2Address(fullSalt, keccak256(initCode));
        require(predicted.code.length == 0, ErrorsLib.FundExists(predicted));
        assembly ("memory-safe") {
            fund := create2(0, add(initCode, 0x20), mload(initCode), fullSalt)
            if iszero(fund) {
                // Bubble up the constructor's typed error.
                let ptr := mload(0x40)
                returndatacopy(ptr, 0, returndatasize())
                revert(ptr, returndatasize())
            }
        }
        _funds.push(fund);
        isFund[fund] = true;
        emit EventsLib.CreateFund(fund, msg.sender, params.name, params.symbol);

        // === Interactions ===
        for (uint256 i; i < n; ++i) {
            IERC20(params.assets[i].token).safeTransferFrom(msg.sender, fund, seedAmounts[i]);
        }
        IBlockETF(fund).seed(seedShares, seedReceiver);
    }

    /* VIEW */

    /// @inheritdoc IBlockETFFactory
    function predictFund(FundParams calldata params, address creator, bytes32 salt)
        external
        view
        returns (address)
    {
        return _create2Address(_fullSalt(creator, salt), keccak256(_initCode(params)));
    }

    /// @inheritdoc IBlockETFFactory
    function previewSeedAmounts(AssetConfig[] calldata assets, address oracle, uint256 usdValue)
        external
        view
        returns (uint256[] memory amounts)
    {
        amounts = new uint256[](assets.length);
        for (uint256 i; i < assets.length; ++i) {
            uint256 price = IPriceOracle(oracle).price(assets[i].token);
            uint256 unit = 10 ** IERC20Metadata(assets[i].token).decimals();
            // {tok} = D18{USD} * {bps} / {bps} * {tok} / D18{USD/tok}
            amounts[i] = usdValue.mulDivDown(assets[i].weightBps, ConstantsLib.BPS).mulDivDown(unit, price);
        }
    }

    /// @inheritdoc IBlockETFFactory
    function fundCount() external view returns (uint256) {
        return _funds.length;
    }

    /// @inheritdoc IBlockETFFactory
    function funds() external view returns (address[] memory) {
        return _funds;
    }

    /* INTERNAL */

    function _initCode(FundParams calldata params) internal view returns (bytes memory) {
        return abi.encodePacked(
            CodeChunksLib.read(CODE_HEAD),
            CodeChunksLib.read(CODE_TAIL),
            abi.encode(params, VENUS_COMPTROLLER, WBNB)
        );
    }

    function _create2Address(bytes32 fullSalt, bytes32 initCodeHash) internal view returns (address) {
        return address(
            uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), fullSalt, initCodeHash))))
        );
    }

    function _fullSalt(address creator, bytes32 salt) internal pure returns (bytes32) {
        return keccak256(abi.encode(creator, salt));
    }

    function _checkSeedWeights(AssetConfig[] calldata assets, address oracle, uint256[] calldata amounts)
        internal
        view
    {
        require(oracle != address(0), ErrorsLib.ZeroAddress());
        uint256 n = assets.length;
        uint256[] memory values = new uint256[](n);
        uint256 total;
        for (uint256 i; i < n; ++i) {
            require(assets[i].token != address(0), ErrorsLib.ZeroAddress());
            require(amounts[i] > 0, ErrorsLib.SeedAmountZero(i));
            uint256 unit = 10 ** IERC20Metadata(assets[i].token).decimals();
            // D18{USD} = {tok} * D18{USD/tok} / {tok}
            values[i] = amounts[i].mulDivDown(IPriceOracle(oracle).price(assets[i].token), unit);
            total += values[i];
        }
        for (uint256 i; i < n; ++i) {
            uint256 weight = values[i].mulDivDown(ConstantsLib.BPS, total);
            require(
                weight.absDiff(assets[i].weightBps) <= ConstantsLib.MAX_SEED_DEVIATION_BPS,
                ErrorsLib.SeedWeightDeviation(i, weight, assets[i].weightBps)
            );
        }
    }

    function _slice(bytes memory data, uint256 from, uint256 to) internal pure returns (bytes memory out) {
        out = new bytes(to - from);
        assembly ("memory-safe") {
            mcopy(add(out, 0x20), add(add(data, 0x20), from), sub(to, from))
        }
    }
}
