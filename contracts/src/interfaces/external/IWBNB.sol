// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// @notice WETH9-style wrapped BNB. `withdraw` pays with a 2300-gas `transfer`.
interface IWBNB {
    function deposit() external payable;
    function withdraw(uint256 amount) external;
}
