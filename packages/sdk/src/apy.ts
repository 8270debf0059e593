/**
 * Supply APY (a fraction, 0.05 = 5 %) from Venus's `supplyRatePerBlock` (D18), compounding per block:
 * (1 + rate)^blocksPerYear − 1. A display figure (number); on-chain amounts stay bigint.
 *
 * `blocksPerYear` is the chain's, as its Venus rate models use it, and has no default: BNB Chain's is
 * `bsc.venusBlocksPerYear` (70,080,000), the devnet's `localNetwork(…).venusBlocksPerYear` (36,500). The
 * one of another chain would give a meaningless figure (4.3e20 % for a devnet rate read as BNB Chain's).
 */
export function supplyApy(supplyRatePerBlock: bigint, blocksPerYear: number): number {
  const perBlock = Number(supplyRatePerBlock) / 1e18;
  return Math.expm1(blocksPerYear * Math.log1p(perBlock));
}
