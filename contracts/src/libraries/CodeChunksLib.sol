// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @title CodeChunksLib
/// @notice Stores bytes as the code of data contracts (SSTORE2-style) and reads them back.
/// @dev The factory keeps BlockETF's creation code this way: at ~26.8 KB it cannot sit in any contract's
/// runtime code (EIP-170), so it is split in two chunks and concatenated when a fund is created.
library CodeChunksLib {
    error ChunkTooLarge(uint256 size);
    error ChunkDeployFailed();

    /// @dev 24,576 (EIP-170) minus the leading STOP byte that makes the data contract uncallable.
    uint256 internal constant MAX_CHUNK = 24_575;

    /// @notice Deploys `data` as the code of a new contract (after a STOP byte).
    function write(bytes memory data) internal returns (address pointer) {
        require(data.length <= MAX_CHUNK, ChunkTooLarge(data.length));
        // PUSH2 len, DUP1, PUSH1 12, PUSH1 0, CODECOPY, PUSH1 0, RETURN: returns the code after this
        // 12-byte prefix, which is a STOP byte followed by `data`.
        bytes memory initCode =
            abi.encodePacked(hex"61", uint16(data.length + 1), hex"80600c6000396000f3", hex"00", data);
        assembly ("memory-safe") {
            pointer := create(0, add(initCode, 0x20), mload(initCode))
        }
        require(pointer != address(0), ChunkDeployFailed());
    }

    /// @notice Reads back what `write` stored at `pointer`.
    function read(address pointer) internal view returns (bytes memory data) {
        uint256 size = pointer.code.length - 1;
        data = new bytes(size);
        assembly ("memory-safe") {
            extcodecopy(pointer, add(data, 0x20), 1, size)
        }
    }
}
