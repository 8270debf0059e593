/**
 * {USD} Price impact of a trade of `tradeUsd` in a pool of assumed depth `depthUsd`: the linear model
 * impact fraction = k × tradeUsd / depthUsd, capped so a trade never loses more than `maxLossUsd`
 * (what is left after the pool fee). This is an assumption, not a measured curve: no per-pair depth
 * figures were found for PancakeSwap; measure with the v3 Quoter on a BSC fork before relying on it.
 */
export function tradeCost(tradeUsd: number, impactK: number, depthUsd: number, maxLossUsd: number): number {
  if (tradeUsd <= 0 || impactK <= 0 || !(depthUsd > 0) || depthUsd === Number.POSITIVE_INFINITY) return 0;
  const fraction = Math.min(1, (impactK * tradeUsd) / depthUsd);
  return Math.min(Math.max(0, maxLossUsd), tradeUsd * fraction);
}
