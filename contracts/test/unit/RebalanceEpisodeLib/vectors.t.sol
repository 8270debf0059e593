// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RebalanceEpisode} from "../../../src/interfaces/IBlockETF.sol";
import {RebalanceEpisodeLib} from "../../../src/libraries/RebalanceEpisodeLib.sol";
import {SharedVectors} from "../../utils/SharedVectors.sol";

/// @notice Runs the shared vectors of packages/core/test-vectors/rebalance-episode.json through the
/// contracts' episode status: the TypeScript core runs the same file (packages/core/src/
/// rebalanceEpisode.test.ts), so the keeper reads an episode as the fund enforces it.
contract RebalanceEpisodeVectorsTest is SharedVectors {
    function setUp() public {
        _load("rebalance-episode.json");
    }

    function test_SharedVectors_MatchTheTypeScriptCore() public view {
        uint256 count;
        for (uint256 i; _has(i); ++i) {
            string memory name = vm.parseJsonString(json, _key(i, ".name"));
            RebalanceEpisodeLib.Status memory s = RebalanceEpisodeLib.status(
                _episode(i),
                vm.parseJsonBool(json, _key(i, ".input.open")),
                vm.parseJsonUint(json, _key(i, ".input.lastRebalanceAt")),
                vm.parseJsonUint(json, _key(i, ".input.now"))
            );
            assertEq(s.active, vm.parseJsonBool(json, _key(i, ".expected.active")), name);
            assertEq(s.expired, vm.parseJsonBool(json, _key(i, ".expected.expired")), name);
            assertEq(s.deadline, vm.parseJsonUint(json, _key(i, ".expected.deadline")), name);
            assertEq(s.cooldownFrom, vm.parseJsonUint(json, _key(i, ".expected.cooldownFrom")), name);
            assertEq(s.nextStepAt, vm.parseJsonUint(json, _key(i, ".expected.nextStepAt")), name);
            assertEq(s.stepsLeft, vm.parseJsonUint(json, _key(i, ".expected.stepsLeft")), name);
            assertEq(s.lossLeft, vm.parseJsonUint(json, _key(i, ".expected.lossLeft")), name);
            ++count;
        }
        assertGe(count, 10, "every shared vector ran");
    }

    function _episode(uint256 i) internal view returns (RebalanceEpisode memory e) {
        string memory k = ".input.episode.";
        // forge-lint: disable-start(unsafe-typecast) -- the vectors hold values of the struct's own widths
        e.minStepInterval = uint32(vm.parseJsonUint(json, _key(i, string.concat(k, "minStepInterval"))));
        e.maxDuration = uint32(vm.parseJsonUint(json, _key(i, string.concat(k, "maxDuration"))));
        e.maxSteps = uint16(vm.parseJsonUint(json, _key(i, string.concat(k, "maxSteps"))));
        e.maxLossBps = uint16(vm.parseJsonUint(json, _key(i, string.concat(k, "maxLossBps"))));
        e.startedAt = uint64(vm.parseJsonUint(json, _key(i, string.concat(k, "startedAt"))));
        e.lastStepAt = uint64(vm.parseJsonUint(json, _key(i, string.concat(k, "lastStepAt"))));
        e.steps = uint16(vm.parseJsonUint(json, _key(i, string.concat(k, "steps"))));
        e.lossBudget = uint128(vm.parseJsonUint(json, _key(i, string.concat(k, "lossBudget"))));
        e.lost = uint128(vm.parseJsonUint(json, _key(i, string.concat(k, "lost"))));
        // forge-lint: disable-end(unsafe-typecast)
    }
}
