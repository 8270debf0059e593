/**
 * The SDK's one gas policy, used by every transaction it sends: the gas limit is the node's estimate
 * plus 30 %, plus 100,000 gas.
 *
 * Why a margin at all: nodes estimate against the latest block, and a transaction mined in a later block
 * can do more work than the estimate saw. A Venus market that already accrued interest in the latest
 * block skips its accrual in the estimate but not in the next block (tens of thousands of gas per market,
 * and a rebalance or a router mint touches six), and a V3 pool writes a new oracle observation only in a
 * new second. Without it, a router mint on the devnet ran out of gas (limit 1,284,637, used 1,282,458).
 * Why this margin: the proportional part covers work that scales with the transaction (markets, pools,
 * hops); the constant covers the fixed costs of a first touch. Unused gas is refunded, so the margin
 * costs nothing but a higher "max gas" in the wallet.
 */
export function padGasLimit(estimate: bigint): bigint {
  return (estimate * 13n + 9n) / 10n + 100_000n;
}
