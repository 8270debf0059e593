// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {PancakeV3PoolDeployer} from "../../../src/devnet/PancakeV3PoolDeployer.sol";
import {Vm} from "../Vm.sol";
import {MockERC20} from "../mocks/MockERC20.sol";
import {MockWBNB} from "../mocks/MockWBNB.sol";

interface IV3FactoryLike {
    function createPool(address tokenA, address tokenB, uint24 fee) external returns (address pool);
    function enableFeeAmount(uint24 fee, int24 tickSpacing) external;
    function getPool(address tokenA, address tokenB, uint24 fee) external view returns (address pool);
    function feeAmountTickSpacing(uint24 fee) external view returns (int24);
}

interface IV3PoolLike {
    function initialize(uint160 sqrtPriceX96) external;
    function mint(address recipient, int24 tickLower, int24 tickUpper, uint128 amount, bytes calldata data)
        external
        returns (uint256 amount0, uint256 amount1);
    function swap(
        address recipient,
        bool zeroForOne,
        int256 amountSpecified,
        uint160 sqrtPriceLimitX96,
        bytes calldata data
    ) external returns (int256 amount0, int256 amount1);
    /// @dev `feeProtocol` is a uint8 in Uniswap's pools and a uint32 in PancakeSwap's (209718400 by default):
    /// declared uint32, the wider, so a PancakeSwap pool's answer decodes.
    function slot0()
        external
        view
        returns (uint160 sqrtPriceX96, int24 tick, uint16, uint16, uint16, uint32, bool);
    function token0() external view returns (address);
    function token1() external view returns (address);
}

/// @notice Test fixture: a real V3 DEX deployed from its published npm artifacts, with PancakeSwap V3's fee
/// tiers (100, 500, 2500, 10000) and full-range pools priced from USD prices.
/// - `Kind.PancakeSwap` (what the fund meets on BNB Chain): PancakeSwap V3's own PancakeV3Factory,
///   PancakeV3Pool, SwapRouter and QuoterV2 (npm pancakeswap v3-core 1.0.2, v3-periphery 1.0.2), pools
///   created by our PancakeV3PoolDeployer (src/devnet) with PancakeSwap's pool creation code, so pool
///   addresses derive from PancakeSwap's init-code hash and every swap calls back `pancakeV3SwapCallback`.
/// - `Kind.Uniswap`: Uniswap V3's own Factory, SwapRouter and QuoterV2 (npm uniswap v3-core 1.0.1,
///   v3-periphery 1.4.4) with the 100 and 2500 tiers enabled; kept to prove the periphery also runs on
///   Uniswap V3's router and callbacks.
/// It pays what pools ask by minting the test tokens (MockERC20 / MockWBNB), so it is an unlimited LP and
/// arbitrageur for tests only.
contract V3Dex {
    using SafeERC20 for IERC20;

    enum Kind {
        PancakeSwap,
        Uniswap
    }

    Vm internal constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    uint160 internal constant MIN_SQRT_RATIO = 4_295_128_739;
    uint160 internal constant MAX_SQRT_RATIO =
        1_461_446_703_485_210_103_287_273_052_203_988_822_378_723_970_342;
    int24 internal constant MAX_TICK = 887_272;
    string internal constant PANCAKE_CORE = "node_modules/@pancakeswap/v3-core/artifacts/contracts/";
    string internal constant PANCAKE_PERIPHERY =
        "node_modules/@pancakeswap/v3-periphery/artifacts/contracts/";
    string internal constant UNISWAP_CORE = "node_modules/@uniswap/v3-core/artifacts/contracts/";
    string internal constant UNISWAP_PERIPHERY = "node_modules/@uniswap/v3-periphery/artifacts/contracts/";

    Kind public immutable kind;
    /// @notice PancakeSwap: the pool deployer (pool addresses derive from it); Uniswap: the factory.
    address public immutable poolDeployer;
    address public immutable factory;
    address public immutable router;
    address public immutable quoter;
    MockWBNB public immutable wbnb;

    constructor(MockWBNB wbnb_, Kind kind_) {
        (wbnb, kind) = (wbnb_, kind_);
        address deployer_;
        address factory_;
        if (kind_ == Kind.PancakeSwap) {
            PancakeV3PoolDeployer d = new PancakeV3PoolDeployer(
                VM.getCode(string.concat(PANCAKE_CORE, "PancakeV3Pool.sol/PancakeV3Pool.json"))
            );
            factory_ = _deploy(
                string.concat(PANCAKE_CORE, "PancakeV3Factory.sol/PancakeV3Factory.json"), abi.encode(d)
            );
            d.setFactoryAddress(factory_);
            deployer_ = address(d);
            // PancakeV3Factory enables 100/1, 500/10, 2500/50 and 10000/200 itself.
            router = _deploy(
                string.concat(PANCAKE_PERIPHERY, "SwapRouter.sol/SwapRouter.json"),
                abi.encode(deployer_, factory_, address(wbnb_))
            );
            quoter = _deploy(
                string.concat(PANCAKE_PERIPHERY, "lens/QuoterV2.sol/QuoterV2.json"),
                abi.encode(deployer_, factory_, address(wbnb_))
            );
        } else {
            factory_ = _deploy(string.concat(UNISWAP_CORE, "UniswapV3Factory.sol/UniswapV3Factory.json"), "");
            deployer_ = factory_;
            // PancakeSwap V3's tiers: 100/1 and 2500/50 join Uniswap's 500/10 and 10000/200.
            IV3FactoryLike(factory_).enableFeeAmount(100, 1);
            IV3FactoryLike(factory_).enableFeeAmount(2500, 50);
            router = _deploy(
                string.concat(UNISWAP_PERIPHERY, "SwapRouter.sol/SwapRouter.json"),
                abi.encode(factory_, address(wbnb_))
            );
            quoter = _deploy(
                string.concat(UNISWAP_PERIPHERY, "lens/QuoterV2.sol/QuoterV2.json"),
                abi.encode(factory_, address(wbnb_))
            );
        }
        (poolDeployer, factory) = (deployer_, factory_);
    }

    receive() external payable {}

    /// @notice Creates the `fee` pool of `tokenA`/`tokenB` at the USD prices given (D18{USD/tok}) with
    /// full-range liquidity worth about `valueUsd` (D18).
    function createPool(
        address tokenA,
        address tokenB,
        uint24 fee,
        uint256 priceA,
        uint256 priceB,
        uint256 valueUsd
    ) external returns (address pool) {
        pool = IV3FactoryLike(factory).createPool(tokenA, tokenB, fee);
        IV3PoolLike(pool).initialize(sqrtPriceX96(tokenA, tokenB, priceA, priceB));
        (uint160 sqrtP,,,,,,) = IV3PoolLike(pool).slot0();
        (address t1, uint256 p1) = tokenA < tokenB ? (tokenB, priceB) : (tokenA, priceA);
        // {tok1} worth half the value; full range holds about L / sqrtP of token0 and L * sqrtP of token1.
        uint256 amount1 = valueUsd / 2 * 10 ** MockERC20(t1).decimals() / p1;
        uint256 liquidity = Math.mulDiv(amount1, 2 ** 96, sqrtP);
        int24 spacing = IV3FactoryLike(factory).feeAmountTickSpacing(fee);
        int24 top = MAX_TICK / spacing * spacing;
        // forge-lint: disable-next-line(unsafe-typecast) -- liquidity of a test pool fits 128 bits
        IV3PoolLike(pool).mint(address(this), -top, top, uint128(liquidity), "");
    }

    /// @notice Creates and prices the `fee` pool of `tokenA`/`tokenB` with no liquidity at all.
    function createEmptyPool(address tokenA, address tokenB, uint24 fee, uint256 priceA, uint256 priceB)
        external
        returns (address pool)
    {
        pool = IV3FactoryLike(factory).createPool(tokenA, tokenB, fee);
        IV3PoolLike(pool).initialize(sqrtPriceX96(tokenA, tokenB, priceA, priceB));
    }

    /// @notice The factory's pool of `tokenA`/`tokenB` at `fee` (address(0) if none).
    function poolOf(address tokenA, address tokenB, uint24 fee) external view returns (address) {
        return IV3FactoryLike(factory).getPool(tokenA, tokenB, fee);
    }

    /// @notice Swaps in `pool` until its price of `tokenA` in `tokenB` equals the USD prices given (an
    /// arbitrageur, or an attacker moving the pool).
    function moveTo(address pool, address tokenA, address tokenB, uint256 priceA, uint256 priceB) external {
        uint160 target = sqrtPriceX96(tokenA, tokenB, priceA, priceB);
        (uint160 sqrtP,,,,,,) = IV3PoolLike(pool).slot0();
        if (target == sqrtP) return;
        bool zeroForOne = target < sqrtP;
        IV3PoolLike(pool).swap(address(this), zeroForOne, type(int128).max, target, "");
    }

    /// @notice Pool price as the V3 pool stores it: sqrt(token1 units per token0 unit) * 2^96.
    function sqrtPriceX96(address tokenA, address tokenB, uint256 priceA, uint256 priceB)
        public
        view
        returns (uint160)
    {
        (address t0, address t1, uint256 p0, uint256 p1) =
            tokenA < tokenB ? (tokenA, tokenB, priceA, priceB) : (tokenB, tokenA, priceB, priceA);
        // {tok1/tok0} = (D18{USD/tok0} / 10^d0) / (D18{USD/tok1} / 10^d1), scaled by 2^192.
        uint256 ratioX192 =
            Math.mulDiv(p0 * 10 ** MockERC20(t1).decimals(), 2 ** 192, p1 * 10 ** MockERC20(t0).decimals());
        // forge-lint: disable-next-line(unsafe-typecast) -- sqrt of a 256-bit value fits 160 bits here
        return uint160(Math.sqrt(ratioX192));
    }

    /// @notice D18{USD/tokA} The price of `tokenA` the pool implies, given `tokenB`'s USD price.
    function poolPrice(address pool, address tokenA, uint256 priceB) external view returns (uint256) {
        (uint160 sqrtP,,,,,,) = IV3PoolLike(pool).slot0();
        address t0 = IV3PoolLike(pool).token0();
        address tokenB = tokenA == t0 ? IV3PoolLike(pool).token1() : t0;
        uint256 dA = 10 ** MockERC20(tokenA).decimals();
        uint256 dB = 10 ** MockERC20(tokenB).decimals();
        // {tok1/tok0} scaled by 2^192
        uint256 ratioX192 = uint256(sqrtP) * uint256(sqrtP);
        if (tokenA == t0) {
            // D18{USD/tokA} = ratio * priceB * 10^dA / 10^dB
            return Math.mulDiv(Math.mulDiv(ratioX192, priceB, 2 ** 192), dA, dB);
        }
        return Math.mulDiv(Math.mulDiv(2 ** 192, priceB, ratioX192), dA, dB);
    }

    function pancakeV3MintCallback(uint256 amount0, uint256 amount1, bytes calldata) external {
        _payMint(amount0, amount1);
    }

    function pancakeV3SwapCallback(int256 amount0, int256 amount1, bytes calldata) external {
        _paySwap(amount0, amount1);
    }

    function uniswapV3MintCallback(uint256 amount0, uint256 amount1, bytes calldata) external {
        _payMint(amount0, amount1);
    }

    function uniswapV3SwapCallback(int256 amount0, int256 amount1, bytes calldata) external {
        _paySwap(amount0, amount1);
    }

    function _payMint(uint256 amount0, uint256 amount1) internal {
        _pay(IV3PoolLike(msg.sender).token0(), amount0);
        _pay(IV3PoolLike(msg.sender).token1(), amount1);
    }

    function _paySwap(int256 amount0, int256 amount1) internal {
        // forge-lint: disable-next-line(unsafe-typecast) -- positive deltas are what the pool is owed
        if (amount0 > 0) _pay(IV3PoolLike(msg.sender).token0(), uint256(amount0));
        // forge-lint: disable-next-line(unsafe-typecast) -- as above
        if (amount1 > 0) _pay(IV3PoolLike(msg.sender).token1(), uint256(amount1));
    }

    function _pay(address token, uint256 amount) internal {
        if (token == address(wbnb)) {
            VM.deal(address(this), address(this).balance + amount);
            wbnb.deposit{value: amount}();
            IERC20(token).safeTransfer(msg.sender, amount);
        } else {
            MockERC20(token).mint(msg.sender, amount);
        }
    }

    function _deploy(string memory artifact, bytes memory args) internal returns (address deployed) {
        bytes memory code = bytes.concat(VM.getCode(artifact), args);
        assembly ("memory-safe") {
            deployed := create(0, add(code, 0x20), mload(code))
        }
        require(deployed != address(0), "V3Dex: deploy failed");
    }
}
