// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {IAggregatorV3} from "../interfaces/external/IAggregatorV3.sol";

/// @title ReplayPriceFeed
/// @notice Local-devnet price feed with Chainlink's AggregatorV3 interface, moved by the devnet's market
/// replayer along real price history. Never deployed by the mainnet configuration, which uses Chainlink.
contract ReplayPriceFeed is IAggregatorV3, Ownable {
    /// @notice Chainlink's event for a new answer.
    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    uint8 public immutable decimals;
    string public description;
    uint80 internal _roundId;
    int256 internal _answer;
    uint256 internal _updatedAt;

    constructor(uint8 decimals_, string memory description_, int256 answer, address owner_) Ownable(owner_) {
        (decimals, description) = (decimals_, description_);
        _set(answer);
    }

    /// @notice Publishes a new round answered now.
    function setAnswer(int256 answer) external onlyOwner {
        _set(answer);
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (_roundId, _answer, _updatedAt, _updatedAt, _roundId);
    }

    function _set(int256 answer) internal {
        (_answer, _updatedAt) = (answer, block.timestamp);
        _roundId++;
        emit AnswerUpdated(answer, _roundId, block.timestamp);
    }
}
