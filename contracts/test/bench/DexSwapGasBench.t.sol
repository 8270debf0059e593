// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IV3SwapRouter} from "../../src/interfaces/external/IV3SwapRouter.sol";
import {Test} from "../utils/Test.sol";
import {V3Dex} from "../utils/dex/V3Dex.sol";
import {MockERC20} from "../utils/mocks/MockERC20.sol";
import {MockWBNB} from "../utils/mocks/MockWBNB.sol";

/// @notice Gas of one SwapRouter.exactInput hop on PancakeSwap V3's own pool against Uniswap V3's, the first
/// swaps of a fresh $50M full-range 0.05 % pool (warm, in one test): prints the figures the README's gas
/// section explains (`forge test --mc DexSwapGasBenchTest -vv`). PancakeSwap's pools take a protocol share
/// of every swap fee by default (`feeProtocol`), so a pool's first swap writes its protocol-fee slot from
/// zero; Uniswap's take none.
contract DexSwapGasBenchTest is Test {
    event log_named_uint(string key, uint256 val);

    function test_gas_swapPancakeVsUniswap() public {
        uint256[3] memory pancake = _swaps(V3Dex.Kind.PancakeSwap);
        uint256[3] memory uniswap = _swaps(V3Dex.Kind.Uniswap);
        for (uint256 i; i < 3; ++i) {
            emit log_named_uint(string.concat("swap ", vm.toString(i + 1), ", PancakeSwap V3"), pancake[i]);
            emit log_named_uint(string.concat("swap ", vm.toString(i + 1), ", Uniswap V3"), uniswap[i]);
        }
    }

    function _swaps(V3Dex.Kind kind) internal returns (uint256[3] memory gas) {
        V3Dex dex = new V3Dex(new MockWBNB(), kind);
        address a = address(new MockERC20("A", "A", 18));
        address b = address(new MockERC20("B", "B", 18));
        dex.createPool(a, b, 500, 1e18, 1e18, 50_000_000e18);
        MockERC20(a).mint(address(this), 3000e18);
        IERC20(a).approve(dex.router(), type(uint256).max);
        bytes memory path = abi.encodePacked(a, uint24(500), b);
        for (uint256 i; i < 3; ++i) {
            uint256 before = gasleft();
            uint256 out = IV3SwapRouter(dex.router())
                .exactInput(IV3SwapRouter.ExactInputParams(path, address(this), block.timestamp, 1000e18, 0));
            gas[i] = before - gasleft();
            assertGt(out, 999e18 - 1e18, "swapped about 1:1 less the fee");
        }
    }
}
