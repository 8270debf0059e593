// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

import {Vm} from "./Vm.sol";

/// @notice Minimal test base: the cheatcode handle, `bound`, and forge's invariant target hooks
/// (forge reads `targetContracts()`, `targetSelectors()`, `excludeSenders()` from the test contract).
abstract contract Test {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetedContracts;
    FuzzSelector[] private _targetedSelectors;
    address[] private _excludedSenders;

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }

    function excludeSenders() public view returns (address[] memory) {
        return _excludedSenders;
    }

    function targetContract(address target) internal {
        _targetedContracts.push(target);
    }

    function targetSelector(FuzzSelector memory selector) internal {
        _targetedSelectors.push(selector);
    }

    function excludeSender(address sender) internal {
        _excludedSenders.push(sender);
    }

    /// @dev forge-std's `bound`: maps x into [min, max] without discarding fuzz runs.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256 result) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        if (x <= 3 && size > x) return min + x;
        if (x >= type(uint256).max - 3 && size > type(uint256).max - x) return max - (type(uint256).max - x);
        if (x > max) {
            uint256 diff = x - max;
            uint256 rem = diff % size;
            if (rem == 0) return max;
            result = min + rem - 1;
        } else {
            uint256 diff = min - x;
            uint256 rem = diff % size;
            if (rem == 0) return min;
            result = max - rem + 1;
        }
    }

    function makeAddr(string memory name) internal returns (address account) {
        account = vm.addr(uint256(keccak256(bytes(name))));
        vm.label(account, name);
    }

    function assertEq(uint256 a, uint256 b, string memory err) internal pure {
        vm.assertEq(a, b, err);
    }

    function assertEq(uint256[] memory a, uint256[] memory b, string memory err) internal pure {
        vm.assertEq(a, b, err);
    }

    function assertEq(address a, address b, string memory err) internal pure {
        vm.assertEq(a, b, err);
    }

    function assertEq(bool a, bool b, string memory err) internal pure {
        vm.assertEq(a, b, err);
    }

    function assertEq(bytes32 a, bytes32 b, string memory err) internal pure {
        vm.assertEq(a, b, err);
    }

    function assertEq(string memory a, string memory b, string memory err) internal pure {
        vm.assertEq(a, b, err);
    }

    function assertTrue(bool c, string memory err) internal pure {
        vm.assertTrue(c, err);
    }

    function assertFalse(bool c, string memory err) internal pure {
        vm.assertFalse(c, err);
    }

    function assertGt(uint256 a, uint256 b, string memory err) internal pure {
        vm.assertGt(a, b, err);
    }

    function assertGe(uint256 a, uint256 b, string memory err) internal pure {
        vm.assertGe(a, b, err);
    }

    function assertLt(uint256 a, uint256 b, string memory err) internal pure {
        vm.assertLt(a, b, err);
    }

    function assertLe(uint256 a, uint256 b, string memory err) internal pure {
        vm.assertLe(a, b, err);
    }

    function assertApproxEqAbs(uint256 a, uint256 b, uint256 maxDelta, string memory err) internal pure {
        vm.assertApproxEqAbs(a, b, maxDelta, err);
    }

    function assertApproxEqRel(uint256 a, uint256 b, uint256 maxRel, string memory err) internal pure {
        vm.assertApproxEqRel(a, b, maxRel, err);
    }
}
