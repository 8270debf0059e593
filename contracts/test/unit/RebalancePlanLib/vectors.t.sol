// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalancePlanLib} from "../../../src/libraries/RebalancePlanLib.sol";
import {SharedVectors} from "../../utils/SharedVectors.sol";

/// @notice Runs the shared vectors of packages/core/test-vectors/rebalance-step.json through the on-chain
/// planner: packages/core's `planRebalanceStep` computed them, so the keeper, the backtester and the
/// rebalancer plan a step identically.
contract RebalancePlanVectorsTest is SharedVectors {
    function setUp() public {
        _load("rebalance-step.json");
    }

    function test_SharedVectors_MatchTheTypeScriptCore() public view {
        uint256 count;
        for (uint256 i; _has(i); ++i) {
            string memory name = vm.parseJsonString(json, _key(i, ".name"));
            (uint256[] memory sell, uint256[] memory buy) = RebalancePlanLib.plan(
                _uints(_key(i, ".input.valuesUsd")),
                vm.parseJsonUintArray(json, _key(i, ".input.weightsBps")),
                vm.parseJsonUint(json, _key(i, ".input.stableIndex")),
                _uints(_key(i, ".input.maxTradeUsd")),
                _uints(_key(i, ".input.liquidUsd"))
            );
            vm.assertEq(sell, _uints(_key(i, ".expected.sell")), name);
            vm.assertEq(buy, _uints(_key(i, ".expected.buy")), name);
            ++count;
        }
        assertGe(count, 11, "every shared vector ran");
    }

    /// @dev Decimal-string arrays (D18 amounts exceed JSON's safe integers).
    function _uints(string memory key) internal view returns (uint256[] memory) {
        return vm.parseJsonUintArray(json, key);
    }
}
