// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IVenusFixture} from "../../utils/IVenusFixture.sol";
import {Vm} from "../../utils/Vm.sol";
import {
    FacetCut,
    IVenusTestAccessControl,
    IVenusTestComptroller,
    IVenusTestPriceOracle,
    IVenusTestRateModel,
    IVenusTestToken,
    IVenusTestVBNB,
    IVenusTestVToken
} from "./IVenusTest.sol";
import {VenusRateSwitch} from "./VenusRateSwitch.sol";

/// @notice Test fixture: Venus's own core pool (venus-protocol 10.3.0, governance-contracts 2.9.0,
/// oracle 2.16.0) deployed from the published artifacts that `npm run setup` extracts into
/// `.cache/venus-artifacts/`, in the order of packages/testkit/src/local/venus/deployVenus.ts
/// (docs/venus-integration.md §1.2): AccessControlManager, Unitroller + Diamond with its 5 facets (selectors
/// read from the facet interface
/// artifacts), ComptrollerLens, SimplePriceOracle, one JumpRateModel, VBep20Delegator markets over one
/// VBep20Delegate (WBNB's is vWBNB, an ERC-20 market over WBNB as BNB Chain's core pool lists it), VBNB for
/// native BNB, and a DeviationBoundedOracle behind a proxy.
/// @dev This contract is the Venus admin (every ACM permission is granted to it) and the pool's only
/// borrower: it holds a huge position in an extra collateral market (Venus's MockToken, outside the
/// fund) and borrows from the fund's markets so that interest accrues and cash can be drained. Every
/// admin call that returns a Venus error code is checked to return 0 (Venus setters fail silently).
contract VenusDeployer is IVenusFixture {
    Vm internal constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));
    string internal constant ARTIFACTS = ".cache/venus-artifacts/";

    /// @notice The key Venus's oracles use for native BNB.
    address public constant NATIVE_BNB = 0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB;
    uint96 internal constant CORE_POOL_ID = 0;
    /// @dev D18{1} risk parameters of every market: the TS deployer's defaults.
    uint256 internal constant COLLATERAL_FACTOR = 0.75e18;
    uint256 internal constant LIQUIDATION_THRESHOLD = 0.8e18;
    uint256 internal constant LIQUIDATION_INCENTIVE = 1.1e18;
    uint256 internal constant RESERVE_FACTOR = 0.1e18;
    /// @dev {tok} of the borrower's collateral: $1e12 at $1 each.
    uint256 internal constant COLLATERAL = 1e30;

    IVenusTestComptroller internal immutable COMPTROLLER;
    address public immutable diamond;
    address public immutable accessControlManager;
    IVenusTestPriceOracle public immutable oracle;
    address public immutable comptrollerLens;
    IVenusTestRateModel public immutable rateModel;
    address public immutable vBep20Delegate;

    address public deviationBoundedOracle;
    /// @notice The borrower's collateral market (not part of any fund).
    address public collateralMarket;
    address public nativeMarket;
    address[] internal _markets;
    VenusRateSwitch public rateSwitch;

    /// @param blocksPerYear Baked into the rate model: interest per block scales with 1/blocksPerYear.
    constructor(uint256 blocksPerYear) {
        require(
            VM.exists(string.concat(ARTIFACTS, "manifest.json")),
            "VenusDeployer: no Venus artifacts; run `npm run setup` (fetches them into .cache/venus-artifacts)"
        );
        // 1. AccessControlManager (DEFAULT_ADMIN_ROLE -> this contract).
        accessControlManager = _deploy("AccessControlManager", "");
        // 2. Unitroller + Diamond.
        IVenusTestComptroller unitroller = IVenusTestComptroller(_deploy("Unitroller", ""));
        COMPTROLLER = unitroller;
        diamond = _deploy("Diamond", "");
        _ok(unitroller._setPendingImplementation(diamond), "_setPendingImplementation");
        IVenusTestComptroller(diamond)._become(address(unitroller));
        // 3. Facets; IFacetBase's selectors once, on the MarketFacet.
        FacetCut[] memory cuts = new FacetCut[](5);
        cuts[0] = FacetCut(_deploy("MarketFacet", ""), 0, _selectors("IMarketFacet", "IFacetBase"));
        cuts[1] = FacetCut(_deploy("PolicyFacet", ""), 0, _selectors("IPolicyFacet", ""));
        cuts[2] = FacetCut(_deploy("RewardFacet", ""), 0, _selectors("IRewardFacet", ""));
        cuts[3] = FacetCut(_deploy("SetterFacet", ""), 0, _selectors("ISetterFacet", ""));
        cuts[4] = FacetCut(_deploy("FlashLoanFacet", ""), 0, _selectors("IFlashLoanFacet", ""));
        unitroller.diamondCut(cuts);
        // 4. ComptrollerLens.
        comptrollerLens = _deploy("ComptrollerLens", "");
        _ok(unitroller._setComptrollerLens(comptrollerLens), "_setComptrollerLens");
        // 5-6. Access control, before any ACM-gated call.
        _ok(unitroller._setAccessControl(accessControlManager), "_setAccessControl");
        string[9] memory comptrollerSigs = [
            "_supportMarket(address)",
            "setCollateralFactor(address,uint256,uint256)",
            "setLiquidationIncentive(address,uint256)",
            "_setMarketSupplyCaps(address[],uint256[])",
            "_setMarketBorrowCaps(address[],uint256[])",
            "_setActionsPaused(address[],uint8[],bool)",
            "setIsBorrowAllowed(uint96,address,bool)",
            "setDeviationBoundedOracle(address)",
            "_setProtocolPaused(bool)"
        ];
        for (uint256 i; i < comptrollerSigs.length; ++i) {
            IVenusTestAccessControl(accessControlManager)
                .giveCallPermission(address(unitroller), comptrollerSigs[i], address(this));
        }
        string[3] memory vTokenSigs = [
            "_setReserveFactor(uint256)",
            "setReduceReservesBlockDelta(uint256)",
            "_setInterestRateModel(address)"
        ];
        for (uint256 i; i < vTokenSigs.length; ++i) {
            IVenusTestAccessControl(accessControlManager)
                .giveCallPermission(address(0), vTokenSigs[i], address(this));
        }
        // 7. Close factor and the spot oracle.
        _ok(unitroller._setCloseFactor(0.5e18), "_setCloseFactor");
        oracle = IVenusTestPriceOracle(_deploy("SimplePriceOracle", ""));
        _ok(unitroller._setPriceOracle(address(oracle)), "_setPriceOracle");
        // 8. The rate model (mainnet-like stablecoin curve: 0 base, 10 %/yr to an 80 % kink, 250 %/yr
        // jump) and the shared vBEP-20 implementation.
        rateModel = IVenusTestRateModel(
            _deploy("JumpRateModel", abi.encode(uint256(0), 0.1e18, 2.5e18, 0.8e18, blocksPerYear))
        );
        vBep20Delegate = _deploy("VBep20Delegate", "");
    }

    /// @notice Accepts vBNB borrows and redeems (2300-gas `transfer`: nothing else happens here).
    receive() external payable {}

    /* DEPLOYMENT */

    /// @notice Deploys and lists a market (steps 8-9): VBNB when `underlying` is NATIVE_BNB, else a
    /// VBep20Delegator (for WBNB: vWBNB). 1 vToken = 0.02 underlying initially, like the double.
    /// @param price D36{USD/tok} / 10^decimals, Venus's oracle scale.
    function listMarket(address underlying, uint8 decimals, uint256 price, string memory symbol)
        public
        returns (address vToken)
    {
        uint256 initialRate = 2 * 10 ** (16 + decimals - 8);
        string memory vSymbol = string.concat("v", symbol);
        if (underlying == NATIVE_BNB) {
            require(nativeMarket == address(0), "VenusDeployer: one native market");
            // SimplePriceOracle recognises the native market by the symbol "vBNB".
            vToken = _deploy(
                "VBNB",
                abi.encode(COMPTROLLER, rateModel, initialRate, "Venus BNB", "vBNB", uint8(8), address(this))
            );
            nativeMarket = vToken;
        } else {
            vToken = _deploy(
                "VBep20Delegator",
                abi.encode(
                    underlying,
                    COMPTROLLER,
                    rateModel,
                    initialRate,
                    string.concat("Venus ", symbol),
                    vSymbol,
                    uint8(8),
                    address(this),
                    vBep20Delegate,
                    ""
                )
            );
        }
        VM.label(vToken, vSymbol);
        IVenusTestVToken v = IVenusTestVToken(vToken);
        _ok(v.setAccessControlManager(accessControlManager), "setAccessControlManager");
        oracle.setDirectPrice(underlying, price);
        _ok(COMPTROLLER._supportMarket(vToken), "_supportMarket");
        _ok(COMPTROLLER.setLiquidationIncentive(vToken, LIQUIDATION_INCENTIVE), "setLiquidationIncentive");
        _ok(
            COMPTROLLER.setCollateralFactor(vToken, COLLATERAL_FACTOR, LIQUIDATION_THRESHOLD),
            "setCollateralFactor"
        );
        setSupplyCap(vToken, type(uint256).max);
        COMPTROLLER._setMarketBorrowCaps(_one(vToken), _one(type(uint256).max));
        COMPTROLLER.setIsBorrowAllowed(CORE_POOL_ID, vToken, true);
        // Reserves accumulate in totalReserves and are never pushed to a (non-existent) ProtocolShareReserve.
        v.setReduceReservesBlockDelta(type(uint256).max);
        _ok(v._setReserveFactor(RESERVE_FACTOR), "_setReserveFactor");
        _markets.push(vToken);
    }

    /// @notice Step 10 and the borrower: the DeviationBoundedOracle (pass-through, behind a proxy) that
    /// borrowing needs, and $1e12 of collateral supplied and entered. Call after listing the markets.
    function finish() external {
        require(deviationBoundedOracle == address(0), "VenusDeployer: finished");
        address implementation = _deploy(
            "DeviationBoundedOracle",
            abi.encode(oracle, nativeMarket == address(0) ? NATIVE_BNB : nativeMarket, address(0))
        );
        address proxyAdmin = _deploy("ProxyAdmin", abi.encode(address(this)));
        deviationBoundedOracle = _deploy(
            "TransparentUpgradeableProxy",
            abi.encode(
                implementation,
                proxyAdmin,
                abi.encodeWithSignature("initialize(address)", accessControlManager)
            )
        );
        _ok(COMPTROLLER.setDeviationBoundedOracle(deviationBoundedOracle), "setDeviationBoundedOracle");

        IVenusTestToken coll =
            IVenusTestToken(_deploy("MockToken", abi.encode("Venus test collateral", "COLL", 18)));
        collateralMarket = listMarket(address(coll), 18, 1e18, "COLL");
        _markets.pop(); // not one of the fund's markets
        coll.faucet(COLLATERAL);
        coll.approve(collateralMarket, COLLATERAL);
        _ok(IVenusTestVToken(collateralMarket).mint(COLLATERAL), "mint collateral");
        uint256[] memory codes = COMPTROLLER.enterMarkets(_one(collateralMarket));
        _ok(codes[0], "enterMarkets");
    }

    /* ADMIN HELPERS */

    /// @notice `_setActionsPaused` for one action (MINT 0, REDEEM 1, BORROW 2, REPAY 3, TRANSFER 6, ...).
    function setActionPaused(address vToken, uint8 action, bool paused) external {
        uint8[] memory actions = new uint8[](1);
        actions[0] = action;
        COMPTROLLER._setActionsPaused(_one(vToken), actions, paused);
        require(COMPTROLLER.actionPaused(vToken, action) == paused, "VenusDeployer: pause not applied");
    }

    function setProtocolPaused(bool paused) external {
        require(COMPTROLLER._setProtocolPaused(paused) == paused, "VenusDeployer: protocol pause");
    }

    /// @notice {tok}; 0 disables minting.
    function setSupplyCap(address vToken, uint256 cap) public {
        COMPTROLLER._setMarketSupplyCaps(_one(vToken), _one(cap));
        require(COMPTROLLER.supplyCaps(vToken) == cap, "VenusDeployer: cap not applied");
    }

    /// @notice The share of every redeem Venus sends to its treasury (D18{1}).
    function setTreasuryPercent(uint256 percent) external {
        _ok(COMPTROLLER._setTreasuryData(address(this), address(0x7EA5), percent), "_setTreasuryData");
    }

    /// @param price D36{USD/tok} / 10^decimals; `NATIVE_BNB` for BNB.
    function setPrice(address underlying, uint256 price) external {
        oracle.setDirectPrice(underlying, price);
    }

    /// @notice Makes every fund market's rate model revert (or stop reverting): on first use each market's
    /// JumpRateModel is wrapped in a VenusRateSwitch through the market's own `_setInterestRateModel`.
    function setRateModelReverts(bool reverts) external {
        if (address(rateSwitch) == address(0)) {
            rateSwitch = new VenusRateSwitch(rateModel);
            for (uint256 i; i < _markets.length; ++i) {
                _ok(
                    IVenusTestVToken(_markets[i])._setInterestRateModel(address(rateSwitch)),
                    "_setInterestRateModel"
                );
            }
        }
        rateSwitch.setReverts(reverts);
    }

    function rateModelReverts() external view returns (bool) {
        return address(rateSwitch) != address(0) && rateSwitch.reverts();
    }

    /* BORROWER */

    /// @notice Borrows `amount` of the market's underlying against the collateral (kept here).
    function borrow(address vToken, uint256 amount) external {
        _ok(IVenusTestVToken(vToken).borrow(amount), "borrow");
    }

    /// @notice Repays up to `amount` of this contract's debt in the market (capped at the debt). The
    /// underlying must be here: ERC-20 (borrowed or given), or BNB sent with the call for vBNB.
    /// @return repaid {tok}
    function repay(address vToken, uint256 amount) external payable returns (uint256 repaid) {
        uint256 debt = IVenusTestVToken(vToken).borrowBalanceCurrent(address(this));
        repaid = amount < debt ? amount : debt;
        if (repaid == 0) return 0;
        if (vToken == nativeMarket) {
            IVenusTestVBNB(vToken).repayBorrow{value: repaid}();
        } else {
            IERC20(_underlying(vToken)).approve(vToken, repaid);
            _ok(IVenusTestVToken(vToken).repayBorrow(repaid), "repayBorrow");
        }
    }

    function comptroller() external view returns (address) {
        return address(COMPTROLLER);
    }

    function markets() external view returns (address[] memory) {
        return _markets;
    }

    /* INTERNAL */

    function _underlying(address vToken) internal view returns (address) {
        return IUnderlying(vToken).underlying();
    }

    function _deploy(string memory name, bytes memory args) internal returns (address deployed) {
        bytes memory code = bytes.concat(VM.getCode(string.concat(ARTIFACTS, name, ".json")), args);
        assembly ("memory-safe") {
            deployed := create(0, add(code, 0x20), mload(code))
        }
        require(deployed != address(0), string.concat("VenusDeployer: deploy failed: ", name));
        VM.label(deployed, name);
    }

    /// @dev The selectors of every function in the named interface artifacts' ABIs (the scheme of Venus's
    /// facet-cut-params-generator): signature = name(type,...) from the JSON.
    function _selectors(string memory first, string memory second)
        internal
        view
        returns (bytes4[] memory out)
    {
        bytes4[] memory a = _abiSelectors(first);
        bytes4[] memory b = bytes(second).length == 0 ? new bytes4[](0) : _abiSelectors(second);
        out = new bytes4[](a.length + b.length);
        for (uint256 i; i < a.length; ++i) {
            out[i] = a[i];
        }
        for (uint256 i; i < b.length; ++i) {
            out[a.length + i] = b[i];
        }
    }

    function _abiSelectors(string memory name) internal view returns (bytes4[] memory out) {
        string memory json = VM.readFile(string.concat(ARTIFACTS, name, ".json"));
        out = new bytes4[](256);
        uint256 n;
        for (uint256 i; VM.keyExistsJson(json, _key(".abi", i)); ++i) {
            string memory entry = _key(".abi", i);
            if (
                keccak256(bytes(VM.parseJsonString(json, string.concat(entry, ".type"))))
                    != keccak256("function")
            ) {
                continue;
            }
            string memory signature =
                string.concat(VM.parseJsonString(json, string.concat(entry, ".name")), "(");
            string memory inputs = string.concat(entry, ".inputs");
            for (uint256 j; VM.keyExistsJson(json, _key(inputs, j)); ++j) {
                signature = string.concat(
                    signature,
                    j == 0 ? "" : ",",
                    VM.parseJsonString(json, string.concat(_key(inputs, j), ".type"))
                );
            }
            out[n++] = bytes4(keccak256(bytes(string.concat(signature, ")"))));
        }
        assembly ("memory-safe") {
            mstore(out, n)
        }
    }

    function _key(string memory array, uint256 i) internal pure returns (string memory) {
        return string.concat(array, "[", VM.toString(i), "]");
    }

    function _ok(uint256 code, string memory call) internal pure {
        require(
            code == 0, string.concat("VenusDeployer: ", call, " returned Venus error ", VM.toString(code))
        );
    }

    function _one(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _one(uint256 x) internal pure returns (uint256[] memory list) {
        list = new uint256[](1);
        list[0] = x;
    }
}

interface IUnderlying {
    function underlying() external view returns (address);
}
