// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title V3PathLib
/// @notice Reads V3 swap paths: token (20 bytes) | fee (3 bytes) | token | fee | token ...
library V3PathLib {
    /// @dev Bytes of a token address.
    uint256 internal constant ADDR_SIZE = 20;
    /// @dev Bytes from one token to the next: the address and a uint24 fee.
    uint256 internal constant HOP_SIZE = 23;

    /// @notice Whether `path` is a path of one hop or more from `first` to `last`.
    function joins(bytes memory path, address first, address last) internal pure returns (bool) {
        uint256 len = path.length;
        if (len < ADDR_SIZE + HOP_SIZE || (len - ADDR_SIZE) % HOP_SIZE != 0) return false;
        return _tokenAt(path, 0) == first && _tokenAt(path, len - ADDR_SIZE) == last;
    }

    /// @notice Number of pools along a well-formed `path`.
    function hops(bytes memory path) internal pure returns (uint256) {
        return (path.length - ADDR_SIZE) / HOP_SIZE;
    }

    /// @notice Hop `k` (from 0) of a well-formed `path`: the token before it, its fee, the token after it.
    function hop(bytes memory path, uint256 k)
        internal
        pure
        returns (address tokenA, uint24 fee, address tokenB)
    {
        uint256 offset = k * HOP_SIZE;
        tokenA = _tokenAt(path, offset);
        tokenB = _tokenAt(path, offset + HOP_SIZE);
        assembly ("memory-safe") {
            fee := shr(232, mload(add(add(path, 0x20), add(offset, 20))))
        }
    }

    /// @notice The same pools walked the other way: an exact-input path read as an exact-output path.
    function reverse(bytes memory path) internal pure returns (bytes memory reversed) {
        uint256 n = hops(path);
        reversed = abi.encodePacked(_tokenAt(path, n * HOP_SIZE));
        for (uint256 k = n; k > 0; --k) {
            (address tokenA, uint24 fee,) = hop(path, k - 1);
            reversed = abi.encodePacked(reversed, fee, tokenA);
        }
    }

    function _tokenAt(bytes memory path, uint256 offset) private pure returns (address token) {
        assembly ("memory-safe") {
            token := shr(96, mload(add(add(path, 0x20), offset)))
        }
    }
}
