// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IAggregatorV3} from "../../../src/interfaces/external/IAggregatorV3.sol";

/// @notice Test-only Chainlink feed whose round data the test sets.
contract MockAggregator is IAggregatorV3 {
    uint8 public immutable decimals;
    string public description;
    uint80 public roundId = 1;
    int256 public answer;
    uint256 public updatedAt;
    uint80 public answeredInRound = 1;

    constructor(uint8 decimals_, string memory description_, int256 answer_) {
        (decimals, description, answer, updatedAt) = (decimals_, description_, answer_, block.timestamp);
    }

    /// @notice A new round answered now.
    function setAnswer(int256 answer_) external {
        (answer, updatedAt) = (answer_, block.timestamp);
        roundId++;
        answeredInRound = roundId;
    }

    function setRound(uint80 roundId_, int256 answer_, uint256 updatedAt_, uint80 answeredInRound_) external {
        (roundId, answer, updatedAt, answeredInRound) = (roundId_, answer_, updatedAt_, answeredInRound_);
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (roundId, answer, updatedAt, updatedAt, answeredInRound);
    }
}
