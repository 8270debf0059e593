// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title PancakeV3PoolDeployer
/// @notice Local-devnet and test stand-in for PancakeSwap V3's `PancakeV3PoolDeployer`, the one contract of
/// PancakeSwap V3 whose artifact npm does not ship (PancakeSwap's npm v3-core 1.0.2 ships the pool and the
/// factory, v3-periphery 1.0.2 the routers). It implements `IPancakeV3PoolDeployer` as
/// PancakeSwap's does: the factory calls `deploy`, which publishes the pool's parameters for its
/// constructor to read (`parameters()`) and CREATE2s the pool with salt keccak256(abi.encode(token0,
/// token1, fee)). The pool's creation code is PancakeSwap's own, given at construction and refused unless
/// its keccak256 is BNB Chain's init-code hash, so every pool address derives from (this deployer, salt,
/// init-code hash) exactly as PancakeSwap's periphery (`PoolAddress.computeAddress`) and mainnet compute it.
/// Never deployed by the mainnet configuration, which uses PancakeSwap's own deployer.
contract PancakeV3PoolDeployer {
    /// @notice keccak256 of PancakeV3Pool's creation code on BNB Chain (PancakeSwap's `POOL_INIT_CODE_HASH`).
    bytes32 public constant POOL_INIT_CODE_HASH =
        0x6ce8eb472fa82df5469c6ab6d485f17c3ad13c8cd7af59b3d4a8026c5ce0f7e2;

    /// @notice What the pool's constructor reads back; set only during `deploy`.
    struct Parameters {
        address factory;
        address token0;
        address token1;
        uint24 fee;
        int24 tickSpacing;
    }

    /// @notice The pool creation code is not PancakeSwap's (its hash is not POOL_INIT_CODE_HASH).
    error NotPancakeV3PoolCode(bytes32 hash);
    /// @notice Only the account that created this deployer may set the factory.
    error NotInitializer(address caller);
    /// @notice The factory is already set (it can be set once).
    error FactoryAlreadySet(address factory);
    /// @notice The factory address given is zero.
    error ZeroFactory();
    /// @notice Only the factory may deploy pools.
    error OnlyFactory(address caller);
    /// @notice The data contract holding the pool creation code could not be created.
    error PoolCodeStoreFailed();
    /// @notice CREATE2 failed (a pool with these tokens and fee already exists, or the pool's constructor
    /// reverted).
    error PoolDeployFailed(address token0, address token1, uint24 fee);

    /// @notice PancakeSwap's event when the factory is set.
    event SetFactoryAddress(address indexed factory);

    /// @notice The account allowed to set the factory (the creator of this deployer).
    address public immutable INITIALIZER;
    /// @notice A data contract whose code is 0x00 followed by the pool creation code (SSTORE2-style).
    address public immutable POOL_CODE;

    /// @notice The pool's parameters while `deploy` runs; zero otherwise.
    Parameters public parameters;
    /// @notice The PancakeV3Factory allowed to call `deploy`.
    address public factoryAddress;

    /// @param poolCreationCode PancakeV3Pool's creation code (npm: pancakeswap v3-core 1.0.2).
    constructor(bytes memory poolCreationCode) {
        bytes32 hash = keccak256(poolCreationCode);
        require(hash == POOL_INIT_CODE_HASH, NotPancakeV3PoolCode(hash));
        INITIALIZER = msg.sender;
        // Runtime code = 0x00 (STOP, so the data can never run) ++ creation code.
        // forge-lint: disable-next-line(unsafe-typecast) -- the pool's 23,566 bytes (hash-checked) fit 16
        // bits
        uint16 size = uint16(poolCreationCode.length + 1);
        // PUSH2 size, DUP1, PUSH1 10, RETURNDATASIZE, CODECOPY, RETURNDATASIZE, RETURN: returns what follows.
        bytes memory init = abi.encodePacked(hex"61", size, hex"80600a3d393df3", hex"00", poolCreationCode);
        address data;
        assembly ("memory-safe") {
            data := create(0, add(init, 0x20), mload(init))
        }
        require(data != address(0), PoolCodeStoreFailed());
        POOL_CODE = data;
    }

    /// @notice Sets the factory once (the factory's constructor needs this deployer's address first).
    function setFactoryAddress(address factory) external {
        require(msg.sender == INITIALIZER, NotInitializer(msg.sender));
        require(factoryAddress == address(0), FactoryAlreadySet(factoryAddress));
        require(factory != address(0), ZeroFactory());
        factoryAddress = factory;
        emit SetFactoryAddress(factory);
    }

    /// @notice Deploys a pool as PancakeSwap's deployer does: parameters published, CREATE2 with salt
    /// keccak256(abi.encode(token0, token1, fee)), parameters cleared.
    function deploy(address factory, address token0, address token1, uint24 fee, int24 tickSpacing)
        external
        returns (address pool)
    {
        require(msg.sender == factoryAddress, OnlyFactory(msg.sender));
        parameters = Parameters(factory, token0, token1, fee, tickSpacing);
        bytes memory code = _poolCode();
        bytes32 salt = keccak256(abi.encode(token0, token1, fee));
        assembly ("memory-safe") {
            pool := create2(0, add(code, 0x20), mload(code), salt)
        }
        require(pool != address(0), PoolDeployFailed(token0, token1, fee));
        delete parameters;
    }

    /// @notice The address PancakeSwap's periphery computes for a pool of this deployer (token0 < token1).
    function computeAddress(address token0, address token1, uint24 fee) external view returns (address) {
        bytes32 salt = keccak256(abi.encode(token0, token1, fee));
        return address(
            uint160(uint256(keccak256(abi.encodePacked(hex"ff", address(this), salt, POOL_INIT_CODE_HASH))))
        );
    }

    /// @dev The pool creation code, read back from the data contract (skipping its leading 0x00).
    function _poolCode() internal view returns (bytes memory code) {
        address data = POOL_CODE;
        uint256 size = data.code.length - 1;
        code = new bytes(size);
        assembly ("memory-safe") {
            extcodecopy(data, add(code, 0x20), 1, size)
        }
    }
}
