// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {MockInterestRateModel, MockVenusComptroller} from "./MockVenusComptroller.sol";

/// @notice Test-only double of a Venus core-pool vToken (venus-protocol 10.3.0 semantics).
/// @dev Reproduces what BlockETF relies on: per-block accrual with Venus's exact truncations, exchange
/// rate = (cash + borrows - reserves) / supply, mint and redeemUnderlying rounding down the vTokens,
/// pause / cap / cash checks through the comptroller, the "redeemTokens zero" check, a treasury fee on
/// redeem, and both failure styles: `Revert` (current Venus) and `ReturnCode` (legacy mainnet markets,
/// which return TokenErrorReporter codes). Borrowers are simulated by `borrow`/`repay`.
abstract contract MockVToken {
    enum FailMode {
        Revert,
        ReturnCode
    }

    uint256 internal constant BORROW_RATE_MAX = 5e12;
    uint8 internal constant MINT = 0;
    uint8 internal constant REDEEM = 1;
    uint8 internal constant TRANSFER = 6;
    uint256 internal constant COMPTROLLER_REJECTION = 3;
    uint256 internal constant MATH_ERROR = 9;
    uint256 internal constant TOKEN_INSUFFICIENT_CASH = 14;
    address internal constant BORROWER_SINK = address(0xB0B0);

    string public name;
    string public symbol;
    uint8 public constant decimals = 8;
    MockVenusComptroller public comptroller;
    MockInterestRateModel public interestRateModel;
    uint256 public initialExchangeRateMantissa;
    uint256 public reserveFactorMantissa;
    uint256 public accrualBlockNumber;
    uint256 public borrowIndex = 1e18;
    uint256 public totalBorrows;
    uint256 public totalReserves;
    uint256 public totalSupply;
    uint256 public internalCash;
    uint256 public flashLoanAmount;
    mapping(address => uint256) public balanceOf;

    /// @dev {tok} BNB of a native mint in progress: already in the balance while Venus checks the cap.
    uint256 internal _incomingNative;

    FailMode public failMode;
    bool public accrueReverts;
    /// @notice Non-zero: every mint and redeem is rejected with this code (or reverts, in Revert mode),
    /// like a comptroller rejection the caller cannot foresee.
    uint256 public forcedError;

    event Transfer(address indexed from, address indexed to, uint256 amount);

    constructor(
        string memory name_,
        string memory symbol_,
        MockVenusComptroller comptroller_,
        MockInterestRateModel irm,
        uint256 initialRate
    ) {
        (
            name, symbol, comptroller, interestRateModel, initialExchangeRateMantissa
        ) = (name_, symbol_, comptroller_, irm, initialRate);
        accrualBlockNumber = block.number;
        reserveFactorMantissa = 0.1e18;
    }

    /* TEST CONTROLS */

    function setFailMode(FailMode mode) external {
        failMode = mode;
    }

    function setForcedError(uint256 code) external {
        forcedError = code;
    }

    function setAccrueReverts(bool reverts) external {
        accrueReverts = reverts;
    }

    function setReserveFactor(uint256 rf) external {
        reserveFactorMantissa = rf;
    }

    /// @notice A borrower takes `amount` of cash out of the market.
    function borrow(uint256 amount) external {
        accrueInterest();
        totalBorrows += amount;
        _doTransferOut(BORROWER_SINK, amount);
    }

    /// @notice A borrower repays `amount` (the underlying must have been sent to this market first).
    function repay(uint256 amount) external {
        accrueInterest();
        internalCash += amount;
        totalBorrows -= amount;
    }

    /* VENUS SURFACE */

    function isVToken() external pure returns (bool) {
        return true;
    }

    function getCash() external view returns (uint256) {
        return internalCash;
    }

    function accrueInterest() public returns (uint256) {
        require(!accrueReverts, "accrue reverted");
        if (accrualBlockNumber == block.number) return 0;
        uint256 borrowRate =
            interestRateModel.getBorrowRate(internalCash + flashLoanAmount, totalBorrows, totalReserves);
        require(borrowRate <= BORROW_RATE_MAX, "borrow rate is absurdly high");
        uint256 simpleInterestFactor = borrowRate * (block.number - accrualBlockNumber);
        uint256 interest = simpleInterestFactor * totalBorrows / 1e18;
        totalBorrows += interest;
        totalReserves += reserveFactorMantissa * interest / 1e18;
        borrowIndex += simpleInterestFactor * borrowIndex / 1e18;
        accrualBlockNumber = block.number;
        return 0;
    }

    function exchangeRateStored() public view returns (uint256) {
        if (totalSupply == 0) return initialExchangeRateMantissa;
        return (internalCash + flashLoanAmount + totalBorrows - totalReserves) * 1e18 / totalSupply;
    }

    function exchangeRateCurrent() external returns (uint256) {
        accrueInterest();
        return exchangeRateStored();
    }

    function supplyRatePerBlock() external view returns (uint256) {
        uint256 assets = internalCash + totalBorrows - totalReserves;
        if (assets == 0) return 0;
        uint256 utilization = totalBorrows * 1e18 / assets;
        uint256 borrowRate = interestRateModel.getBorrowRate(internalCash, totalBorrows, totalReserves);
        return utilization * (borrowRate * (1e18 - reserveFactorMantissa) / 1e18) / 1e18;
    }

    function redeem(uint256 redeemTokens) external returns (uint256) {
        return _redeemFresh(msg.sender, redeemTokens, 0);
    }

    function redeemUnderlying(uint256 redeemAmount) external returns (uint256) {
        return _redeemFresh(msg.sender, 0, redeemAmount);
    }

    function transfer(address dst, uint256 amount) external returns (bool) {
        // Venus's transferAllowed checks the protocol pause too (found running the fund tests on the
        // real core pool: test/integration/).
        if (comptroller.protocolPaused()) {
            if (failMode == FailMode.Revert) revert("protocol is paused");
            return false;
        }
        if (comptroller.actionPaused(address(this), TRANSFER)) {
            if (failMode == FailMode.Revert) revert("action is paused");
            return false;
        }
        require(balanceOf[msg.sender] >= amount, "math error");
        balanceOf[msg.sender] -= amount;
        balanceOf[dst] += amount;
        emit Transfer(msg.sender, dst, amount);
        return true;
    }

    /* INTERNAL */

    function _mintFresh(address minter, uint256 amount) internal returns (uint256) {
        accrueInterest();
        if (forcedError != 0) return _fail(forcedError, "forced rejection");
        if (comptroller.protocolPaused()) return _fail(COMPTROLLER_REJECTION, "protocol is paused");
        if (comptroller.actionPaused(address(this), MINT)) {
            return _fail(COMPTROLLER_REJECTION, "action is paused");
        }
        uint256 cap = comptroller.supplyCaps(address(this));
        if (cap == 0) return _fail(COMPTROLLER_REJECTION, "market supply cap is 0");
        uint256 rate = exchangeRateStored();
        // Venus's mintAllowed reads exchangeRateStored() in a call of its own, where vBNB's cash is its whole
        // balance: a native mint's BNB is counted there, and again as the amount.
        uint256 capRate = totalSupply == 0
            ? rate
            : (internalCash + _incomingNative + flashLoanAmount + totalBorrows - totalReserves) * 1e18
                / totalSupply;
        if (totalSupply * capRate / 1e18 + amount > cap) {
            return _fail(COMPTROLLER_REJECTION, "market supply cap reached");
        }
        uint256 actual = _doTransferIn(minter, amount);
        uint256 mintTokens = actual * 1e18 / rate;
        totalSupply += mintTokens;
        balanceOf[minter] += mintTokens;
        emit Transfer(address(this), minter, mintTokens);
        return 0;
    }

    function _redeemFresh(address redeemer, uint256 tokensIn, uint256 amountIn) internal returns (uint256) {
        accrueInterest();
        if (forcedError != 0) return _fail(forcedError, "forced rejection");
        uint256 rate = exchangeRateStored();
        (uint256 tokens, uint256 amount) =
            tokensIn > 0 ? (tokensIn, rate * tokensIn / 1e18) : (amountIn * 1e18 / rate, amountIn);
        if (comptroller.protocolPaused()) return _fail(COMPTROLLER_REJECTION, "protocol is paused");
        if (comptroller.actionPaused(address(this), REDEEM)) {
            return _fail(COMPTROLLER_REJECTION, "action is paused");
        }
        if (balanceOf[redeemer] < tokens) return _fail(MATH_ERROR, "math error");
        if (internalCash < amount) return _fail(TOKEN_INSUFFICIENT_CASH, "math error");
        require(tokens != 0 || amount == 0, "redeemTokens zero");
        totalSupply -= tokens;
        balanceOf[redeemer] -= tokens;
        emit Transfer(redeemer, address(this), tokens);
        uint256 fee = amount * comptroller.treasuryPercent() / 1e18;
        if (fee > 0) _doTransferOut(comptroller.treasuryAddress(), fee);
        _doTransferOut(redeemer, amount - fee);
        return 0;
    }

    function _fail(uint256 code, string memory message) internal view returns (uint256) {
        if (failMode == FailMode.Revert) revert(message);
        return code;
    }

    function _doTransferIn(address from, uint256 amount) internal virtual returns (uint256);

    function _doTransferOut(address to, uint256 amount) internal virtual;
}

/// @notice Test-only vBEP-20 market over an ERC-20.
contract MockVBep20 is MockVToken {
    address public immutable underlying;

    constructor(
        address underlying_,
        string memory name_,
        string memory symbol_,
        MockVenusComptroller comptroller_,
        MockInterestRateModel irm,
        uint256 initialRate
    ) MockVToken(name_, symbol_, comptroller_, irm, initialRate) {
        underlying = underlying_;
    }

    function mint(uint256 mintAmount) external returns (uint256) {
        return _mintFresh(msg.sender, mintAmount);
    }

    function _doTransferIn(address from, uint256 amount) internal override returns (uint256 received) {
        uint256 before = IERC20(underlying).balanceOf(address(this));
        require(IERC20(underlying).transferFrom(from, address(this), amount), "transfer in failed");
        received = IERC20(underlying).balanceOf(address(this)) - before;
        internalCash += received;
    }

    function _doTransferOut(address to, uint256 amount) internal override {
        internalCash -= amount;
        require(IERC20(underlying).transfer(to, amount), "transfer out failed");
    }
}

/// @notice Test-only native market: payable `mint()` that reverts on error, payouts by 2300-gas
/// `transfer`, and no `underlying()` — like Venus's vBNB.
contract MockVBNB is MockVToken {
    constructor(MockVenusComptroller comptroller_, MockInterestRateModel irm, uint256 initialRate)
        MockVToken("Venus BNB", "vBNB", comptroller_, irm, initialRate)
    {}

    function mint() external payable {
        FailMode mode = failMode;
        failMode = FailMode.Revert; // vBNB's mint always reverts on error.
        _incomingNative = msg.value;
        _mintFresh(msg.sender, msg.value);
        (failMode, _incomingNative) = (mode, 0);
    }

    /// @dev Accepts repayments (see `repay`).
    receive() external payable {}

    function _doTransferIn(address, uint256 amount) internal override returns (uint256) {
        internalCash += amount;
        return amount;
    }

    function _doTransferOut(address to, uint256 amount) internal override {
        internalCash -= amount;
        payable(to).transfer(amount);
    }
}
