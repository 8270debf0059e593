// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title WrappedBNB
/// @notice Local-devnet WBNB with BNB Chain's WBNB semantics (WETH9's code: `deposit`/`withdraw`,
/// `totalSupply` = the BNB held, an allowance of 2^256-1 never spent, `withdraw` paying with a 2300-gas
/// `transfer`, Deposit/Withdrawal events). Venus's npm test WBNB lacks `totalSupply()`, which Venus's
/// VBep20 reads when a market is created, so the devnet's vWBNB market (an ERC-20 market over WBNB, as
/// BNB Chain's core pool lists it) needs this one. Never deployed by the mainnet configuration.
contract WrappedBNB {
    string public name = "Wrapped BNB";
    string public symbol = "WBNB";
    uint8 public decimals = 18;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Approval(address indexed src, address indexed guy, uint256 wad);
    event Transfer(address indexed src, address indexed dst, uint256 wad);
    event Deposit(address indexed dst, uint256 wad);
    event Withdrawal(address indexed src, uint256 wad);

    receive() external payable {
        deposit();
    }

    function deposit() public payable {
        balanceOf[msg.sender] += msg.value;
        emit Deposit(msg.sender, msg.value);
    }

    function withdraw(uint256 wad) external {
        require(balanceOf[msg.sender] >= wad, "WBNB: balance");
        balanceOf[msg.sender] -= wad;
        // BNB Chain's WBNB pays with `transfer` (2300 gas): receivers must keep `receive` trivial.
        payable(msg.sender).transfer(wad);
        emit Withdrawal(msg.sender, wad);
    }

    function totalSupply() external view returns (uint256) {
        return address(this).balance;
    }

    function approve(address guy, uint256 wad) external returns (bool) {
        allowance[msg.sender][guy] = wad;
        emit Approval(msg.sender, guy, wad);
        return true;
    }

    function transfer(address dst, uint256 wad) external returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    function transferFrom(address src, address dst, uint256 wad) public returns (bool) {
        require(balanceOf[src] >= wad, "WBNB: balance");
        if (src != msg.sender && allowance[src][msg.sender] != type(uint256).max) {
            require(allowance[src][msg.sender] >= wad, "WBNB: allowance");
            allowance[src][msg.sender] -= wad;
        }
        balanceOf[src] -= wad;
        balanceOf[dst] += wad;
        emit Transfer(src, dst, wad);
        return true;
    }
}
