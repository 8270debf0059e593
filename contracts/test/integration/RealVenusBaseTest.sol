// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {BaseTest} from "../utils/BaseTest.sol";
import {VenusDeployer} from "./utils/VenusDeployer.sol";

/// @notice BaseTest's fund (same tokens, feeds, weights, seed and helpers) on Venus's own core pool,
/// deployed from its published artifacts by VenusDeployer instead of the doubles. Inherit it next to a
/// unit test contract (`contract XOnRealVenusTest is XTest, RealVenusBaseTest`) to run that contract's
/// tests on the real Venus: BaseTest's Venus hooks (`_deployVenusMarket`, `_drainVenusCash`,
/// `_setVenusActionPaused`, ...) drive VenusDeployer whenever `realVenus` is set.
/// @dev `comptroller` and `vTokens` keep BaseTest's double types so shared tests compile unchanged; here
/// they hold the Unitroller and the real vTokens. The calls shared tests make on them (balanceOf,
/// totalSupply, getCash, exchangeRateStored, exchangeRateCurrent, accrueInterest) have the same
/// signatures on Venus; a double-only knob (setFailMode, setForcedError, borrow from the test, ...) has no
/// such function on the real contracts and reverts, so a test using one fails loudly instead of passing
/// vacuously. `irm` is a bare double that no real market uses (only foreign-comptroller markets).
abstract contract RealVenusBaseTest is BaseTest {
    /// @dev Interest is per block; at 20 M blocks/year the seeded 50 % utilisation pays about the
    /// double's 2.5e9/block, and 100 % stays under Venus's 5e12/block cap.
    uint256 internal constant VENUS_BLOCKS_PER_YEAR = 20_000_000;

    VenusDeployer internal venus;

    constructor() {
        venus = new VenusDeployer(VENUS_BLOCKS_PER_YEAR);
        vm.label(address(venus), "VenusAdminAndBorrower");
        realVenus = venus;
    }
}
