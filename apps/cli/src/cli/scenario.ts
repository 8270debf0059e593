import { parseWeights } from "@blocketf/cli-kit";
import { CT5U } from "@blocketf/core";
import { DEFAULT_V2_WEIGHTS_PCT } from "../config/defaults.js";
import { compileFund, type FundParameters, v1Of } from "../config/fund.js";
import { loadApySeries } from "../data/apySeries.js";
import { dataFile, type Interval, PRICE_FILES } from "../data/files.js";
import { loadPriceHistory, selectWindow } from "../data/prices.js";
import type { EngineConfig, Market, StepWindow } from "../engine/types.js";
import { type Flags, fundParameters, intervalFlag, yieldFlag } from "./args.js";

/** What a command runs: the market, the window, the configured fund (V2) and its V1 baseline. */
export type Scenario = {
  readonly market: Market;
  readonly window: StepWindow;
  readonly interval: Interval | "custom";
  readonly parameters: FundParameters;
  readonly v2: EngineConfig;
  readonly v1: EngineConfig;
  readonly customWeights: boolean;
};

export function defaultWeightsText(): string {
  return Object.entries(DEFAULT_V2_WEIGHTS_PCT)
    .map(([asset, pct]) => `${asset}=${pct}`)
    .join(",");
}

export function buildScenario(flags: Flags): Scenario {
  const interval = flags.prices === undefined ? intervalFlag(flags) : "custom";
  const history = loadPriceHistory(flags.prices ?? dataFile(PRICE_FILES[intervalFlag(flags)]));
  const window = selectWindow(history, flags.from, flags.to);
  const parameters = fundParameters(flags, history.assets);
  const weights = parseWeights(flags.weights ?? defaultWeightsText(), CT5U, history.assets);
  const v2 = compileFund(history.assets, "V2", weights, yieldFlag(flags), parameters);
  const v1 = v1Of(v2, history.stableIndex);
  const apySeriesPct =
    flags["apy-file"] === undefined ? undefined : loadApySeries(flags["apy-file"], history, v2.apyPct);
  return {
    market: { history, apySeriesPct },
    window,
    interval,
    parameters,
    v2,
    v1,
    customWeights: flags.weights !== undefined,
  };
}
