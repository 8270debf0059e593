// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {ErrorsLib} from "../../../src/libraries/ErrorsLib.sol";
import {EventsLib} from "../../../src/libraries/EventsLib.sol";
import {ChainlinkOracle} from "../../../src/oracles/ChainlinkOracle.sol";
import {Test} from "../../utils/Test.sol";
import {MockAggregator} from "../../utils/mocks/MockAggregator.sol";

/// @notice Unit tests of ChainlinkOracle: every check of `price`, decimals normalisation, `setFeed`
/// validation, access control and ownership transfer.
contract ChainlinkOracleTest is Test {
    uint32 internal constant HEARTBEAT = 1 hours;
    uint256 internal constant MIN_PRICE = 1e18; // $1
    uint256 internal constant MAX_PRICE = 1_000_000e18; // $1,000,000
    int256 internal constant ANSWER = 4_000e8; // $4,000 with 8 decimals

    address internal owner = makeAddr("owner");
    address internal stranger = makeAddr("stranger");
    address internal token = makeAddr("token");

    ChainlinkOracle internal oracle;
    MockAggregator internal feed;

    function setUp() public {
        vm.warp(1_700_000_000);
        oracle = new ChainlinkOracle(owner);
        feed = new MockAggregator(8, "ETH / USD", ANSWER);
        vm.prank(owner);
        oracle.setFeed(_config(token, address(feed), HEARTBEAT, MIN_PRICE, MAX_PRICE));
    }

    function _config(address t, address aggregator, uint32 heartbeat, uint256 minPrice, uint256 maxPrice)
        internal
        pure
        returns (ChainlinkOracle.FeedConfig memory)
    {
        return ChainlinkOracle.FeedConfig(t, aggregator, heartbeat, minPrice, maxPrice);
    }

    /// @dev Sets a fresh feed with `decimals` and `answer` for a new token, with open bounds.
    function _tokenWithFeed(string memory name, uint8 decimals, int256 answer) internal returns (address t) {
        t = makeAddr(name);
        MockAggregator agg = new MockAggregator(decimals, name, answer);
        vm.prank(owner);
        oracle.setFeed(_config(t, address(agg), HEARTBEAT, 0, type(uint256).max));
    }

    /* price: happy path */

    function test_Price_ReturnsAnswerScaledToD18() public view {
        assertEq(oracle.price(token), 4_000e18, "8-decimal answer scaled by 1e10");
    }

    function test_Price_GivenNewRound() public {
        vm.warp(block.timestamp + 30 minutes);
        feed.setAnswer(3_500e8);
        assertEq(oracle.price(token), 3_500e18, "latest round's answer");
    }

    /* price: feed */

    function test_Price_RevertWhen_FeedNotSet() public {
        address unknown = makeAddr("unknown");
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FeedNotSet.selector, unknown));
        oracle.price(unknown);
    }

    /* price: answer */

    function test_Price_RevertWhen_AnswerZero() public {
        feed.setAnswer(0);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NonPositivePrice.selector, token, int256(0)));
        oracle.price(token);
    }

    function test_Price_RevertWhen_AnswerNegative() public {
        feed.setAnswer(-1e8);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.NonPositivePrice.selector, token, int256(-1e8)));
        oracle.price(token);
    }

    /* price: round */

    function test_Price_RevertWhen_UpdatedAtZero() public {
        feed.setRound(7, ANSWER, 0, 7);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.IncompleteRound.selector, token, uint80(7), uint80(7))
        );
        oracle.price(token);
    }

    function test_Price_RevertWhen_UpdatedAtInTheFuture() public {
        feed.setRound(7, ANSWER, block.timestamp + 1, 7);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.IncompleteRound.selector, token, uint80(7), uint80(7))
        );
        oracle.price(token);
    }

    function test_Price_GivenUpdatedAtNow() public {
        feed.setRound(7, ANSWER, block.timestamp, 7);
        assertEq(oracle.price(token), 4_000e18, "a round answered this block is fresh");
    }

    function test_Price_RevertWhen_AnsweredInRoundBehindRoundId() public {
        feed.setRound(8, ANSWER, block.timestamp, 7);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.IncompleteRound.selector, token, uint80(8), uint80(7))
        );
        oracle.price(token);
    }

    function test_Price_GivenAnsweredInRoundAheadOfRoundId() public {
        feed.setRound(7, ANSWER, block.timestamp, 8);
        assertEq(oracle.price(token), 4_000e18, "answeredInRound >= roundId is complete");
    }

    /* price: staleness */

    function test_Price_GivenExactlyHeartbeatOld() public {
        uint256 updatedAt = block.timestamp;
        vm.warp(updatedAt + HEARTBEAT);
        assertEq(oracle.price(token), 4_000e18, "an answer exactly heartbeat old is accepted");
    }

    function test_Price_RevertWhen_OlderThanHeartbeat() public {
        uint256 updatedAt = block.timestamp;
        vm.warp(updatedAt + HEARTBEAT + 1);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.StalePrice.selector, token, updatedAt, uint256(HEARTBEAT))
        );
        oracle.price(token);
    }

    /* price: bounds */

    function test_Price_RevertWhen_BelowMinPrice() public {
        feed.setAnswer(0.99e8);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.PriceOutOfBounds.selector, token, 0.99e18, MIN_PRICE, MAX_PRICE)
        );
        oracle.price(token);
    }

    function test_Price_RevertWhen_AboveMaxPrice() public {
        feed.setAnswer(1_000_001e8);
        vm.expectRevert(
            abi.encodeWithSelector(
                ErrorsLib.PriceOutOfBounds.selector, token, 1_000_001e18, MIN_PRICE, MAX_PRICE
            )
        );
        oracle.price(token);
    }

    function test_Price_GivenPriceOnTheBounds() public {
        feed.setAnswer(1e8);
        assertEq(oracle.price(token), MIN_PRICE, "minPrice itself is accepted");
        feed.setAnswer(1_000_000e8);
        assertEq(oracle.price(token), MAX_PRICE, "maxPrice itself is accepted");
    }

    /* price: decimals */

    function test_Price_Given6DecimalFeed() public {
        address t = _tokenWithFeed("six", 6, 2_500_000); // $2.5
        assertEq(oracle.price(t), 2.5e18, "6 decimals scaled by 1e12");
    }

    function test_Price_Given8DecimalFeed() public {
        address t = _tokenWithFeed("eight", 8, 100_000e8);
        assertEq(oracle.price(t), 100_000e18, "8 decimals scaled by 1e10");
    }

    function test_Price_Given18DecimalFeed() public {
        address t = _tokenWithFeed("eighteen", 18, 700.123456789012345678e18);
        assertEq(oracle.price(t), 700.123456789012345678e18, "18 decimals unchanged");
    }

    function test_Price_Given20DecimalFeed() public {
        address t = _tokenWithFeed("twenty", 20, 200e20 + 199);
        assertEq(oracle.price(t), 200e18 + 1, "20 decimals divided by 100, rounded down");
    }

    function test_Price_Given36DecimalFeed() public {
        address t = _tokenWithFeed("thirtySix", 36, 3e36 + 999_999_999_999_999_999);
        assertEq(oracle.price(t), 3e18, "36 decimals divided by 1e18, rounded down");
    }

    function test_Price_RevertWhen_NormalisedToZero() public {
        // 99 units of a 20-decimal feed are below 1e-18 USD: the normalised price would be 0.
        address t = _tokenWithFeed("dust", 20, 99);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.PriceOutOfBounds.selector, t, 0, 0, type(uint256).max)
        );
        oracle.price(t);
    }

    function testFuzz_Price_NormalisesDecimals(uint8 decimals, uint256 answer) public {
        decimals = uint8(bound(decimals, 0, 36));
        // Smallest answer that normalises to a non-zero D18 price, up to far above any real price.
        uint256 minAnswer = decimals > 18 ? 10 ** (decimals - 18) : 1;
        answer = bound(answer, minAnswer, 1e50);
        // forge-lint: disable-next-line(unsafe-typecast) -- answer <= 1e50 < 2^255
        address t = _tokenWithFeed("fuzz", decimals, int256(answer));

        uint256 p = oracle.price(t);

        // One division instead of the oracle's scale-up or scale-down: floor(answer * 1e18 / 10^decimals).
        assertEq(p, answer * 1e18 / 10 ** decimals, "price == answer scaled from feed decimals to 18");
        assertGt(p, 0, "never 0");
    }

    /* setFeed */

    function test_SetFeed_StoresFeed() public {
        address t = makeAddr("newToken");
        MockAggregator agg = new MockAggregator(18, "NEW / USD", 5e18);
        vm.prank(owner);
        oracle.setFeed(_config(t, address(agg), 2 days, 2, 3));

        (address aggregator, uint32 heartbeat, uint8 decimals, uint256 minPrice, uint256 maxPrice) =
            oracle.feeds(t);
        assertEq(aggregator, address(agg), "aggregator");
        assertEq(uint256(heartbeat), 2 days, "heartbeat (MAX_HEARTBEAT accepted)");
        assertEq(uint256(decimals), 18, "decimals read from the feed");
        assertEq(minPrice, 2, "minPrice");
        assertEq(maxPrice, 3, "maxPrice");
    }

    function test_SetFeed_ReplacesFeed() public {
        MockAggregator agg = new MockAggregator(6, "ETH / USD v2", 3_900e6);
        vm.prank(owner);
        oracle.setFeed(_config(token, address(agg), HEARTBEAT, MIN_PRICE, MAX_PRICE));
        assertEq(oracle.price(token), 3_900e18, "the new feed's answer, with its own decimals");
    }

    function test_SetFeed_EmitsSetFeed() public {
        address t = makeAddr("newToken");
        MockAggregator agg = new MockAggregator(8, "NEW / USD", 5e8);
        vm.expectEmit(true, true, false, true, address(oracle));
        emit EventsLib.SetFeed(t, address(agg), 600, 7, 8);
        vm.prank(owner);
        oracle.setFeed(_config(t, address(agg), 600, 7, 8));
    }

    function test_SetFeed_RevertWhen_TokenZero() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector));
        vm.prank(owner);
        oracle.setFeed(_config(address(0), address(feed), HEARTBEAT, 0, 1));
    }

    function test_SetFeed_RevertWhen_AggregatorZero() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.ZeroAddress.selector));
        vm.prank(owner);
        oracle.setFeed(_config(token, address(0), HEARTBEAT, 0, 1));
    }

    function test_SetFeed_RevertWhen_HeartbeatZero() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidHeartbeat.selector, uint256(0)));
        vm.prank(owner);
        oracle.setFeed(_config(token, address(feed), 0, 0, 1));
    }

    function test_SetFeed_RevertWhen_HeartbeatAboveMax() public {
        uint32 heartbeat = uint32(oracle.MAX_HEARTBEAT()) + 1;
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidHeartbeat.selector, uint256(heartbeat)));
        vm.prank(owner);
        oracle.setFeed(_config(token, address(feed), heartbeat, 0, 1));
    }

    function test_SetFeed_RevertWhen_MinEqualsMax() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidBounds.selector, uint256(5), uint256(5)));
        vm.prank(owner);
        oracle.setFeed(_config(token, address(feed), HEARTBEAT, 5, 5));
    }

    function test_SetFeed_RevertWhen_MinAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidBounds.selector, uint256(6), uint256(5)));
        vm.prank(owner);
        oracle.setFeed(_config(token, address(feed), HEARTBEAT, 6, 5));
    }

    function test_SetFeed_RevertWhen_FeedDecimalsAbove36() public {
        Aggregator40Decimals agg = new Aggregator40Decimals();
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.InvalidFeedDecimals.selector, address(agg), uint8(40))
        );
        vm.prank(owner);
        oracle.setFeed(_config(token, address(agg), HEARTBEAT, 0, 1));
    }

    function test_SetFeed_RevertWhen_FeedDecimals37() public {
        MockAggregator agg = new MockAggregator(37, "37", 1e37);
        vm.expectRevert(
            abi.encodeWithSelector(ErrorsLib.InvalidFeedDecimals.selector, address(agg), uint8(37))
        );
        vm.prank(owner);
        oracle.setFeed(_config(token, address(agg), HEARTBEAT, 0, 1));
    }

    function test_SetFeed_RevertWhen_CallerNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.setFeed(_config(token, address(feed), HEARTBEAT, 0, 1));
    }

    /* setFeeds */

    function test_SetFeeds_SetsEveryFeed() public {
        ChainlinkOracle.FeedConfig[] memory configs = new ChainlinkOracle.FeedConfig[](2);
        address a = makeAddr("a");
        address b = makeAddr("b");
        configs[0] = _config(a, address(new MockAggregator(8, "A", 2e8)), HEARTBEAT, 0, type(uint256).max);
        configs[1] = _config(b, address(new MockAggregator(18, "B", 3e18)), HEARTBEAT, 0, type(uint256).max);
        vm.prank(owner);
        oracle.setFeeds(configs);
        assertEq(oracle.price(a), 2e18, "first feed set");
        assertEq(oracle.price(b), 3e18, "second feed set");
    }

    function test_SetFeeds_RevertWhen_AnyConfigInvalid() public {
        ChainlinkOracle.FeedConfig[] memory configs = new ChainlinkOracle.FeedConfig[](2);
        address a = makeAddr("a");
        configs[0] = _config(a, address(new MockAggregator(8, "A", 2e8)), HEARTBEAT, 0, type(uint256).max);
        configs[1] = _config(makeAddr("b"), address(feed), 0, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.InvalidHeartbeat.selector, uint256(0)));
        vm.prank(owner);
        oracle.setFeeds(configs);
        vm.expectRevert(abi.encodeWithSelector(ErrorsLib.FeedNotSet.selector, a));
        oracle.price(a);
    }

    function test_SetFeeds_RevertWhen_CallerNotOwner() public {
        ChainlinkOracle.FeedConfig[] memory configs = new ChainlinkOracle.FeedConfig[](1);
        configs[0] = _config(token, address(feed), HEARTBEAT, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.setFeeds(configs);
    }

    /* Ownable2Step */

    function test_TransferOwnership_GivenAccepted() public {
        address newOwner = makeAddr("newOwner");
        vm.prank(owner);
        oracle.transferOwnership(newOwner);
        assertEq(oracle.owner(), owner, "owner unchanged until accepted");
        assertEq(oracle.pendingOwner(), newOwner, "pending owner");

        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.acceptOwnership();

        vm.prank(newOwner);
        oracle.acceptOwnership();
        assertEq(oracle.owner(), newOwner, "new owner");
        assertEq(oracle.pendingOwner(), address(0), "pending owner cleared");

        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, owner));
        vm.prank(owner);
        oracle.setFeed(_config(token, address(feed), HEARTBEAT, 0, 1));

        vm.prank(newOwner);
        oracle.setFeed(_config(token, address(feed), HEARTBEAT, 0, 1e30));
        (,,, uint256 minPrice, uint256 maxPrice) = oracle.feeds(token);
        assertEq(minPrice, 0, "new owner set minPrice");
        assertEq(maxPrice, 1e30, "new owner set maxPrice");
    }

    function test_TransferOwnership_RevertWhen_CallerNotOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, stranger));
        vm.prank(stranger);
        oracle.transferOwnership(stranger);
    }
}

/// @notice A feed declaring 40 decimals, beyond what the oracle normalises.
contract Aggregator40Decimals {
    function decimals() external pure returns (uint8) {
        return 40;
    }

    function description() external pure returns (string memory) {
        return "40 decimals";
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (1, 1e40, block.timestamp, block.timestamp, 1);
    }
}
