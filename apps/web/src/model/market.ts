// Each asset's Venus market in plain words: whether the fund's holding there is earning, can be
// withdrawn, and what a holder redeeming would meet.
import type { GetFundReturnType } from "@blocketf/sdk";
import { zeroAddress } from "viem";

type Asset = GetFundReturnType["assets"][number];

export type MarketTone = "ok" | "warn" | "bad" | "off";
export type MarketState = { readonly tone: MarketTone; readonly label: string; readonly detail: string };

/** The market's state, worst first: what a holder should know before minting or redeeming. */
export function marketStates(a: Asset): readonly MarketState[] {
  if (a.vToken === zeroAddress || !a.yieldEnabled) {
    return [
      {
        tone: "off",
        label: "Not on Venus",
        detail: `${a.symbol} is kept idle in the fund: it earns no interest and is always paid out directly.`,
      },
    ];
  }
  const states: MarketState[] = [];
  if (a.writtenOff)
    states.push({
      tone: "bad",
      label: "Written off",
      detail: `The fund's ${a.symbol} position on Venus could not be valued and the guardian wrote it off: it counts as zero in NAV. Its vTokens stay in the fund and every redemption pays its share of them, so holders keep any recovery.`,
    });
  else if (!a.positionOk)
    states.push({
      tone: "bad",
      label: "Cannot be valued",
      detail: `Venus's ${a.symbol} market cannot be read: the fund shows no NAV rather than a wrong one and minting is stopped. Redemptions still work and pay this position in vTokens (or held for you to claim).`,
    });
  if (a.redeemPaused)
    states.push({
      tone: "bad",
      label: "Withdrawals paused",
      detail: `Venus has paused withdrawals from its ${a.symbol} market: the part of a redemption the fund's idle ${a.symbol} cannot cover is paid in vTokens (or held for you to claim).`,
    });
  else if (a.venusCash < a.supplied)
    states.push({
      tone: "warn",
      label: "Illiquid",
      detail: `Venus's ${a.symbol} market holds less cash than the fund has supplied: a large redemption may be paid partly in vTokens.`,
    });
  if (a.mintPaused)
    states.push({
      tone: "warn",
      label: "Supplying paused",
      detail: `Venus has paused new supply to its ${a.symbol} market: new ${a.symbol} stays idle and earns nothing until it reopens.`,
    });
  else if (a.supplyCap === 0n)
    states.push({
      tone: "warn",
      label: "Capped",
      detail: `Venus's ${a.symbol} market takes no new supply (its cap is 0): new ${a.symbol} stays idle.`,
    });
  if (a.escrowed > 0n)
    states.push({
      tone: "warn",
      label: "Escrow open",
      detail: `Some ${a.symbol} vTokens are held for holders to claim after an earlier redemption.`,
    });
  if (states.length === 0)
    states.push({
      tone: "ok",
      label: "Earning",
      detail: `Supplied to Venus and withdrawable: ${a.symbol} earns interest and redemptions are paid in ${a.symbol}.`,
    });
  return states;
}

/** {bps} Share of the asset's holdings that is on Venus (earning). */
export function onVenusBps(a: Pick<Asset, "supplied" | "holdings">): bigint {
  return a.holdings === 0n ? 0n : (a.supplied * 10_000n) / a.holdings;
}
