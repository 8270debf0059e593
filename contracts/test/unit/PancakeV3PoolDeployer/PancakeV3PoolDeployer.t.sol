// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {PancakeV3PoolDeployer} from "../../../src/devnet/PancakeV3PoolDeployer.sol";
import {IV3SwapRouter} from "../../../src/interfaces/external/IV3SwapRouter.sol";
import {Test} from "../../utils/Test.sol";
import {V3Dex} from "../../utils/dex/V3Dex.sol";
import {MockERC20} from "../../utils/mocks/MockERC20.sol";
import {MockWBNB} from "../../utils/mocks/MockWBNB.sol";

interface IPancakeFactoryTest {
    function createPool(address tokenA, address tokenB, uint24 fee) external returns (address pool);
    function getPool(address tokenA, address tokenB, uint24 fee) external view returns (address);
    function feeAmountTickSpacing(uint24 fee) external view returns (int24);
    function poolDeployer() external view returns (address);
}

interface IPancakePoolTest {
    function factory() external view returns (address);
    function token0() external view returns (address);
    function token1() external view returns (address);
    function fee() external view returns (uint24);
    function tickSpacing() external view returns (int24);
}

interface IPancakePeripheryTest {
    function deployer() external view returns (address);
    function factory() external view returns (address);
}

/// @notice Our PancakeV3PoolDeployer with PancakeSwap V3's own factory, pool and periphery (npm artifacts):
/// pools land where BNB Chain's PancakeSwap computes them, from BNB Chain's init-code hash.
contract PancakeV3PoolDeployerTest is Test {
    /// @dev BNB Chain's PancakeSwap V3 init-code hash (PancakeSwap's v3-sdk `POOL_INIT_CODE_HASH`).
    bytes32 internal constant BSC_POOL_INIT_CODE_HASH =
        0x6ce8eb472fa82df5469c6ab6d485f17c3ad13c8cd7af59b3d4a8026c5ce0f7e2;
    string internal constant POOL_ARTIFACT =
        "node_modules/@pancakeswap/v3-core/artifacts/contracts/PancakeV3Pool.sol/PancakeV3Pool.json";

    MockWBNB internal wbnb;
    V3Dex internal dex;
    PancakeV3PoolDeployer internal deployer;
    IPancakeFactoryTest internal factory;
    address internal tokenA;
    address internal tokenB;

    function setUp() public {
        wbnb = new MockWBNB();
        dex = new V3Dex(wbnb, V3Dex.Kind.PancakeSwap);
        deployer = PancakeV3PoolDeployer(dex.poolDeployer());
        factory = IPancakeFactoryTest(dex.factory());
        tokenA = address(new MockERC20("A", "A", 18));
        tokenB = address(new MockERC20("B", "B", 18));
    }

    function test_PoolCreationCode_HashesToBscInitCodeHash() public view {
        assertEq(keccak256(vm.getCode(POOL_ARTIFACT)), BSC_POOL_INIT_CODE_HASH, "npm pool code = BNB Chain's");
        assertEq(deployer.POOL_INIT_CODE_HASH(), BSC_POOL_INIT_CODE_HASH, "deployer's constant");
    }

    function test_CreatePool_LandsAtTheCreate2AddressOfDeployerAndInitCodeHash() public {
        (address t0, address t1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        uint24[4] memory fees = [uint24(100), 500, 2500, 10_000];
        for (uint256 i; i < fees.length; ++i) {
            address pool = factory.createPool(tokenB, tokenA, fees[i]);
            bytes32 salt = keccak256(abi.encode(t0, t1, fees[i]));
            address expected = address(
                uint160(
                    uint256(
                        keccak256(abi.encodePacked(hex"ff", address(deployer), salt, BSC_POOL_INIT_CODE_HASH))
                    )
                )
            );
            assertEq(pool, expected, "CREATE2(deployer, salt, init-code hash)");
            assertEq(deployer.computeAddress(t0, t1, fees[i]), expected, "computeAddress");
            assertEq(factory.getPool(tokenA, tokenB, fees[i]), pool, "factory records it");
            assertGt(pool.code.length, 20_000, "a pool was created there");
        }
    }

    function test_CreatePool_PoolReadsItsParametersAndTheyAreCleared() public {
        (address t0, address t1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        IPancakePoolTest pool = IPancakePoolTest(factory.createPool(tokenA, tokenB, 2500));
        assertEq(pool.factory(), address(factory), "factory");
        assertEq(pool.token0(), t0, "token0");
        assertEq(pool.token1(), t1, "token1");
        assertEq(pool.fee(), 2500, "fee");
        assertTrue(pool.tickSpacing() == 50, "tick spacing");
        (address f, address p0, address p1, uint24 fee, int24 spacing) = deployer.parameters();
        assertEq(f, address(0), "parameters cleared");
        assertEq(p0, address(0), "parameters cleared");
        assertEq(p1, address(0), "parameters cleared");
        assertEq(fee, 0, "parameters cleared");
        assertTrue(spacing == 0, "parameters cleared");
    }

    function test_Factory_HasPancakeSwapFeeTiersOnly() public view {
        assertEq(factory.poolDeployer(), address(deployer), "factory's deployer");
        assertTrue(factory.feeAmountTickSpacing(100) == 1, "0.01 %");
        assertTrue(factory.feeAmountTickSpacing(500) == 10, "0.05 %");
        assertTrue(factory.feeAmountTickSpacing(2500) == 50, "0.25 %");
        assertTrue(factory.feeAmountTickSpacing(10_000) == 200, "1 %");
        assertTrue(factory.feeAmountTickSpacing(3000) == 0, "no 0.3 % tier");
    }

    function test_Periphery_PointsAtDeployerAndFactory() public view {
        assertEq(IPancakePeripheryTest(dex.router()).deployer(), address(deployer), "router's deployer");
        assertEq(IPancakePeripheryTest(dex.router()).factory(), address(factory), "router's factory");
        assertEq(IPancakePeripheryTest(dex.quoter()).deployer(), address(deployer), "quoter's deployer");
    }

    /// @dev PancakeSwap's SwapRouter computes the pool from (deployer, init-code hash) and refuses a callback
    /// from any other address: a swap through it succeeds only if the derivation matches.
    function test_SwapRouter_SwapsInAPoolOfThisDeployer() public {
        dex.createPool(tokenA, tokenB, 500, 1e18, 1e18, 1_000_000e18);
        MockERC20(tokenA).mint(address(this), 1000e18);
        IERC20(tokenA).approve(dex.router(), 1000e18);
        bytes memory path = abi.encodePacked(tokenA, uint24(500), tokenB);
        uint256 out = IV3SwapRouter(dex.router())
            .exactInput(IV3SwapRouter.ExactInputParams(path, address(this), block.timestamp, 1000e18, 0));
        assertGt(out, 997e18, "about 1:1 less the 0.05 % fee and impact");
        assertEq(IERC20(tokenB).balanceOf(address(this)), out, "paid out");
    }

    function test_Deploy_RevertWhen_NotFactory() public {
        vm.expectRevert(abi.encodeWithSelector(PancakeV3PoolDeployer.OnlyFactory.selector, address(this)));
        deployer.deploy(address(factory), tokenA, tokenB, 500, 10);
    }

    function test_Deploy_RevertWhen_PoolExists() public {
        (address t0, address t1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        factory.createPool(tokenA, tokenB, 500);
        vm.prank(address(factory));
        vm.expectRevert(abi.encodeWithSelector(PancakeV3PoolDeployer.PoolDeployFailed.selector, t0, t1, 500));
        deployer.deploy(address(factory), t0, t1, 500, 10);
    }

    function test_Constructor_RevertWhen_CodeIsNotPancakeSwaps() public {
        bytes memory code = vm.getCode(POOL_ARTIFACT);
        code[code.length - 1] ^= 0x01;
        vm.expectRevert(
            abi.encodeWithSelector(PancakeV3PoolDeployer.NotPancakeV3PoolCode.selector, keccak256(code))
        );
        new PancakeV3PoolDeployer(code);
    }

    function test_SetFactoryAddress_RevertWhen_NotInitializer() public {
        PancakeV3PoolDeployer fresh = new PancakeV3PoolDeployer(vm.getCode(POOL_ARTIFACT));
        address stranger = address(0xBAD);
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(PancakeV3PoolDeployer.NotInitializer.selector, stranger));
        fresh.setFactoryAddress(address(factory));
    }

    function test_SetFactoryAddress_RevertWhen_AlreadySet() public {
        PancakeV3PoolDeployer fresh = new PancakeV3PoolDeployer(vm.getCode(POOL_ARTIFACT));
        vm.expectRevert(PancakeV3PoolDeployer.ZeroFactory.selector);
        fresh.setFactoryAddress(address(0));
        vm.expectEmit(address(fresh));
        emit PancakeV3PoolDeployer.SetFactoryAddress(address(factory));
        fresh.setFactoryAddress(address(factory));
        vm.expectRevert(
            abi.encodeWithSelector(PancakeV3PoolDeployer.FactoryAlreadySet.selector, address(factory))
        );
        fresh.setFactoryAddress(address(1));
    }
}
