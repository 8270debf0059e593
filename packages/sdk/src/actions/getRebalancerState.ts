import { blockEtfAbi, blockEtfRebalancerAbi } from "@blocketf/abi";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import type { Route } from "../builders/rebalancer.js";
import type { BlockEtfError } from "../errors/index.js";
import { explain, typed } from "./internal.js";

export type GetRebalancerStateParameters = {
  rebalancer: Address;
  /** Whose permission `canRebalance` reports (the keeper's account). */
  caller: Address;
};

/** The step `rebalance()` would run now, or the typed reason it cannot be planned (a refused price …). */
export type RebalancerPreview =
  | {
      readonly status: "ok";
      /** {tok} What the fund would send per asset. */
      readonly sent: readonly bigint[];
      /** {tok of stablecoin} Stablecoin planned for each under-weight asset. */
      readonly spend: readonly bigint[];
    }
  | { readonly status: "error"; readonly error: BlockEtfError };

export type GetRebalancerStateReturnType = {
  readonly rebalancer: Address;
  readonly fund: Address;
  readonly router: Address;
  readonly stableIndex: number;
  /** Whether `caller` may trigger a step now; the step interval applies to everyone. */
  readonly canRebalance: { readonly allowed: boolean; readonly nextStepAt: bigint };
  readonly preview: RebalancerPreview;
  /** {s} 0 = never. */
  readonly lastStepAt: bigint;
  /** {s} Minimum time between two steps. */
  readonly stepInterval: number;
  /** {s} Since when a step has been due, observed continuously by `poke` and steps; 0 = not due. */
  readonly dueSince: bigint;
  /** {s} The last observation of "due"; older than `maxPokeGap`, `dueSince` no longer counts. */
  readonly lastDueAt: bigint;
  /** {s} Longest gap between two observations of "due". */
  readonly maxPokeGap: number;
  /** {s} How long the rule must be due before anyone may trigger. */
  readonly publicDelay: number;
  /** Route of each asset, basket order; `undefined` for the stablecoin and for unset routes. */
  readonly routes: readonly (Route | undefined)[];
};

export type GetRebalancerStateErrorType = BlockEtfError;

/** The rebalancer's whole state for one caller, read at the latest block. */
export async function getRebalancerState(
  client: Client,
  p: GetRebalancerStateParameters,
): Promise<GetRebalancerStateReturnType> {
  const at = { address: p.rebalancer, abi: blockEtfRebalancerAbi } as const;
  const [
    fund,
    router,
    stableIndex,
    lastStepAt,
    stepInterval,
    dueSince,
    publicDelay,
    can,
    lastDueAt,
    maxPokeGap,
  ] = await typed(
    client,
    Promise.all([
      readContract(client, { ...at, functionName: "FUND" }),
      readContract(client, { ...at, functionName: "ROUTER" }),
      readContract(client, { ...at, functionName: "STABLE_INDEX" }),
      readContract(client, { ...at, functionName: "lastStepAt" }),
      readContract(client, { ...at, functionName: "stepInterval" }),
      readContract(client, { ...at, functionName: "dueSince" }),
      readContract(client, { ...at, functionName: "publicDelay" }),
      readContract(client, { ...at, functionName: "canRebalance", args: [p.caller] }),
      readContract(client, { ...at, functionName: "lastDueAt" }),
      readContract(client, { ...at, functionName: "maxPokeGap" }),
    ]),
  );
  const count = await typed(
    client,
    readContract(client, { address: fund, abi: blockEtfAbi, functionName: "assetCount" }),
  );
  const routes = await Promise.all(
    Array.from({ length: Number(count) }, async (_, i) => {
      if (BigInt(i) === stableIndex) return undefined;
      const r = await typed(
        client,
        readContract(client, {
          address: p.rebalancer,
          abi: blockEtfRebalancerAbi,
          functionName: "route",
          args: [BigInt(i)],
        }),
      );
      if (r.sellPath === "0x") return undefined;
      return {
        sellPath: r.sellPath,
        buyPath: r.buyPath,
        maxSlippageBps: r.maxSlippageBps,
        maxTradeValue: r.maxTradeValue,
      } satisfies Route;
    }),
  );
  let preview: RebalancerPreview;
  try {
    const [sent, spend] = await readContract(client, {
      address: p.rebalancer,
      abi: blockEtfRebalancerAbi,
      functionName: "previewStep",
    });
    preview = { status: "ok", sent, spend };
  } catch (error: unknown) {
    // In the fund's symbols and units: the preview's refusal is what the keeper logs.
    preview = { status: "error", error: await explain(client, error, { fund }) };
  }
  return {
    rebalancer: p.rebalancer,
    fund,
    router,
    stableIndex: Number(stableIndex),
    canRebalance: { allowed: can[0], nextStepAt: can[1] },
    preview,
    lastStepAt,
    stepInterval,
    dueSince,
    lastDueAt,
    maxPokeGap,
    publicDelay,
    routes,
  };
}
