// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceRuleLib} from "../../../src/libraries/RebalanceRuleLib.sol";
import {SharedVectors} from "../../utils/SharedVectors.sol";

/// @notice Runs the shared vectors of packages/core/test-vectors/rebalance-rule.json through the contract
/// rule: the TypeScript core runs the same file (packages/core/src/rebalanceRule.test.ts), so the keeper,
/// the backtester and the contracts decide identically.
contract RebalanceRuleVectorsTest is SharedVectors {
    function setUp() public {
        _load("rebalance-rule.json");
    }

    function test_SharedVectors_MatchTheTypeScriptCore() public view {
        uint256 count;
        for (uint256 i; _has(i); ++i) {
            string memory name = vm.parseJsonString(json, _key(i, ".name"));
            RebalanceRuleLib.Check memory c = RebalanceRuleLib.check(
                vm.parseJsonUintArray(json, _key(i, ".input.valuesUsd")),
                vm.parseJsonUintArray(json, _key(i, ".input.targetWeightsBps")),
                vm.parseJsonUint(json, _key(i, ".input.thresholdBps")),
                vm.parseJsonUint(json, _key(i, ".input.cooldownSeconds")),
                vm.parseJsonUint(json, _key(i, ".input.lastRebalanceAt")),
                vm.parseJsonUint(json, _key(i, ".input.now"))
            );
            vm.assertEq(
                c.currentWeightsBps, vm.parseJsonUintArray(json, _key(i, ".expected.currentWeightsBps")), name
            );
            vm.assertEq(
                c.deviationsBps, vm.parseJsonUintArray(json, _key(i, ".expected.deviationsBps")), name
            );
            assertEq(c.maxDeviationBps, vm.parseJsonUint(json, _key(i, ".expected.maxDeviationBps")), name);
            assertEq(c.cooldownElapsed, vm.parseJsonBool(json, _key(i, ".expected.cooldownElapsed")), name);
            assertEq(c.needsRebalance, vm.parseJsonBool(json, _key(i, ".expected.needsRebalance")), name);
            vm.assertEq(c.triggerIndex, vm.parseJsonInt(json, _key(i, ".expected.triggerIndex")), name);
            ++count;
        }
        assertGe(count, 14, "every shared vector ran");
    }
}
