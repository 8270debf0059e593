// The composition table: each asset's target and current weight, its deviation against the rebalance
// threshold, and how much of it is earning on Venus.
import type { GetFundReturnType } from "@blocketf/sdk";
import { type MarketState, marketStates, onVenusBps } from "./market.js";
import { suppliedValue } from "./yield.js";

type Asset = GetFundReturnType["assets"][number];

export type CompositionRow = {
  readonly asset: Asset;
  readonly targetBps: number;
  readonly currentBps: number;
  /** {bps} current − target (signed). */
  readonly deviationBps: number;
  /** |deviation| / threshold: 1 = at the edge of the band. */
  readonly bandUse: number;
  readonly outsideBand: boolean;
  /** {bps} Of this asset's holdings, supplied to Venus. */
  readonly onVenusBps: number;
  /** {bps} Of the fund's NAV, this asset's part that earns. */
  readonly earningNavBps: number;
  readonly states: readonly MarketState[];
};

export function compositionRows(
  fund: Pick<GetFundReturnType, "assets" | "totalValue">,
  thresholdBps: number,
): readonly CompositionRow[] {
  return fund.assets.map((asset) => {
    const currentBps = Number(asset.currentWeightBps);
    const deviationBps = currentBps - asset.weightBps;
    const bandUse = thresholdBps === 0 ? 0 : Math.abs(deviationBps) / thresholdBps;
    return {
      asset,
      targetBps: asset.weightBps,
      currentBps,
      deviationBps,
      bandUse,
      outsideBand: Math.abs(deviationBps) >= thresholdBps && thresholdBps > 0,
      onVenusBps: Number(onVenusBps(asset)),
      earningNavBps: fund.totalValue === 0n ? 0 : Number((suppliedValue(asset) * 10_000n) / fund.totalValue),
      states: marketStates(asset),
    };
  });
}
