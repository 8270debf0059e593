/** BNB Chain mainnet blocks per year as Venus's rate models use it (the `bpy70080000` deployments). */
export const BSC_BLOCKS_PER_YEAR = 70_080_000;

/**
 * Supply APY (a fraction, 0.05 = 5 %) from Venus's `supplyRatePerBlock` (D18), compounding per block:
 * (1 + rate)^blocksPerYear − 1. A display figure (number); on-chain amounts stay bigint.
 */
export function supplyApy(supplyRatePerBlock: bigint, blocksPerYear: number = BSC_BLOCKS_PER_YEAR): number {
  const perBlock = Number(supplyRatePerBlock) / 1e18;
  return Math.expm1(blocksPerYear * Math.log1p(perBlock));
}
