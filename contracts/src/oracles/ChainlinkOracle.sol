// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {IPriceOracle} from "../interfaces/IPriceOracle.sol";
import {IAggregatorV3} from "../interfaces/external/IAggregatorV3.sol";
import {ErrorsLib} from "../libraries/ErrorsLib.sol";
import {EventsLib} from "../libraries/EventsLib.sol";

/// @title ChainlinkOracle
/// @notice Prices tokens in USD from Chainlink AggregatorV3 feeds, with per-feed staleness and sanity
/// checks; anything doubtful reverts with a typed error, never a wrong price.
/// @dev Checks, in order: feed configured; answer > 0; round complete (`updatedAt != 0`,
/// `answeredInRound >= roundId`) and not in the future; `now - updatedAt <= heartbeat`; normalised price
/// within the owner's [minPrice, maxPrice] (Chainlink's own circuit-breaker bounds, or tighter).
/// Answers are normalised from the feed's decimals to D18.
contract ChainlinkOracle is IPriceOracle, Ownable2Step {
    /// @param aggregator Chainlink feed quoting USD per whole token.
    /// @param heartbeat {s} Longest time between updates the feed promises (plus a margin).
    /// @param decimals The feed's decimals, read when set.
    /// @param minPrice D18{USD/tok} Lowest accepted price (0 = no lower bound beyond > 0).
    /// @param maxPrice D18{USD/tok} Highest accepted price (type(uint256).max = no upper bound).
    struct Feed {
        address aggregator;
        uint32 heartbeat;
        uint8 decimals;
        uint256 minPrice;
        uint256 maxPrice;
    }

    /// @notice One `setFeed` call's arguments.
    struct FeedConfig {
        address token;
        address aggregator;
        uint32 heartbeat;
        uint256 minPrice;
        uint256 maxPrice;
    }

    /// @dev {s} Longest heartbeat accepted (Chainlink's slowest BSC feeds update daily).
    uint256 public constant MAX_HEARTBEAT = 2 days;

    mapping(address token => Feed) public feeds;

    /* CONSTRUCTOR */

    constructor(address owner_) Ownable(owner_) {}

    /* OWNER */

    /// @notice Sets the feed of `token`.
    function setFeed(FeedConfig calldata config) public onlyOwner {
        require(config.token != address(0) && config.aggregator != address(0), ErrorsLib.ZeroAddress());
        require(
            config.heartbeat > 0 && config.heartbeat <= MAX_HEARTBEAT,
            ErrorsLib.InvalidHeartbeat(config.heartbeat)
        );
        require(config.minPrice < config.maxPrice, ErrorsLib.InvalidBounds(config.minPrice, config.maxPrice));
        uint8 decimals = IAggregatorV3(config.aggregator).decimals();
        require(decimals <= 36, ErrorsLib.InvalidFeedDecimals(config.aggregator, decimals));
        feeds[config.token] =
            Feed(config.aggregator, config.heartbeat, decimals, config.minPrice, config.maxPrice);
        emit EventsLib.SetFeed(
            config.token, config.aggregator, config.heartbeat, config.minPrice, config.maxPrice
        );
    }

    /// @notice Disabled: an oracle without an owner could never replace a dead feed.
    function renounceOwnership() public view override onlyOwner {
        revert ErrorsLib.RenounceDisabled();
    }

    /// @notice `setFeed` for each entry.
    function setFeeds(FeedConfig[] calldata configs) external onlyOwner {
        for (uint256 i; i < configs.length; ++i) {
            setFeed(configs[i]);
        }
    }

    /* VIEW */

    /// @inheritdoc IPriceOracle
    function price(address token) external view returns (uint256 p) {
        Feed memory feed = feeds[token];
        require(feed.aggregator != address(0), ErrorsLib.FeedNotSet(token));
        (uint80 roundId, int256 answer,, uint256 updatedAt, uint80 answeredInRound) =
            IAggregatorV3(feed.aggregator).latestRoundData();
        require(answer > 0, ErrorsLib.NonPositivePrice(token, answer));
        require(
            updatedAt != 0 && updatedAt <= block.timestamp && answeredInRound >= roundId,
            ErrorsLib.IncompleteRound(token, roundId, answeredInRound)
        );
        require(
            block.timestamp - updatedAt <= feed.heartbeat,
            ErrorsLib.StalePrice(token, updatedAt, feed.heartbeat)
        );
        // D18{USD/tok} = answer * 10^(18 - decimals)
        // forge-lint: disable-next-line(unsafe-typecast) -- answer > 0 checked above
        uint256 raw = uint256(answer);
        p = feed.decimals <= 18 ? raw * 10 ** (18 - feed.decimals) : raw / 10 ** (feed.decimals - 18);
        require(
            p >= feed.minPrice && p <= feed.maxPrice && p > 0,
            ErrorsLib.PriceOutOfBounds(token, p, feed.minPrice, feed.maxPrice)
        );
    }
}
