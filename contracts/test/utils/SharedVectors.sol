// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "./Test.sol";

/// @notice Reads a shared test-vector file of packages/core (`{ "vectors": [...] }`), which the TypeScript
/// core runs too, so both sides are checked on the same cases.
abstract contract SharedVectors is Test {
    string internal json;

    /// @param file Name under packages/core/test-vectors/.
    function _load(string memory file) internal {
        json = vm.readFile(string.concat(vm.projectRoot(), "/packages/core/test-vectors/", file));
    }

    /// @dev JSON path of `field` in vector `i` ("" for the vector itself).
    function _key(uint256 i, string memory field) internal pure returns (string memory) {
        return string.concat(".vectors[", vm.toString(i), "]", field);
    }

    function _has(uint256 i) internal view returns (bool) {
        return vm.keyExistsJson(json, _key(i, ""));
    }
}
