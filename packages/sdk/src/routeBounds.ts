import { InvalidInputError } from "./errors/index.js";

/** {hundredths of a bp} V3 fee tiers: 100 = 0.01 %, 500 = 0.05 %, 2500 = 0.25 %, 10000 = 1 %. */
export type V3FeeTier = number;

/** The contracts' `ConstantsLib.MAX_SWAP_SLIPPAGE_BPS`: the widest route bound `setRoute` accepts. */
export const MAX_ROUTE_SLIPPAGE_BPS = 1_000;

export type RouteSlippageParameters = {
  /** Fee tier of every hop of the route, in order. */
  readonly feeTiers: readonly V3FeeTier[];
  /**
   * {bps} What the route may lose beyond its fees: the price impact of a `maxTradeValue` swap in its
   * pools plus the oracle's lag behind the pools. A stated assumption of the deployment, per route.
   */
  readonly impactAllowanceBps: number;
};

/**
 * {bps} A route's per-swap slippage bound (`Route.maxSlippageBps`): the sum of its hops' fee tiers, each
 * rounded up to a whole bp, plus the stated impact allowance. A 0.05 % pool with a 25 bps allowance gets 30
 * bps, a 0.25 % pool 50 bps: the bound follows what the route really costs instead of one 1 % for all.
 */
export function routeSlippageBps(p: RouteSlippageParameters): number {
  if (p.feeTiers.length === 0) throw new InvalidInputError("A route has at least one hop.");
  if (!Number.isInteger(p.impactAllowanceBps) || p.impactAllowanceBps < 0) {
    throw new InvalidInputError(`Impact allowance ${p.impactAllowanceBps} bps is not a whole number ≥ 0.`);
  }
  let fees = 0;
  for (const fee of p.feeTiers) {
    if (!Number.isInteger(fee) || fee <= 0 || fee >= 1_000_000) {
      throw new InvalidInputError(`Fee tier ${fee} is not a V3 fee in hundredths of a bp.`);
    }
    // Up: never a bound below the fee itself.
    fees += Math.ceil(fee / 100);
  }
  const bound = fees + p.impactAllowanceBps;
  if (bound > MAX_ROUTE_SLIPPAGE_BPS) {
    throw new InvalidInputError(
      `Route bound ${bound} bps exceeds the contracts' ${MAX_ROUTE_SLIPPAGE_BPS} bps cap: use a cheaper route or a smaller allowance.`,
    );
  }
  return bound;
}
