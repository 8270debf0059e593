// Mint: with USDT through the router (quote, minimum shares from the slippage setting, deadline,
// approval) or in kind (every asset pro-rata, each approved in turn).
import { useState } from "react";
import { TradeSettingsForm, useTradeSettings } from "../components/TradeSettings.js";
import { useNetwork } from "../config/context.js";
import { useTitle } from "../lib/router.js";
import { MintInKind } from "./mint/MintInKind.js";
import { MintWithStable } from "./mint/MintWithStable.js";

export default function MintPage() {
  useTitle("Mint");
  const network = useNetwork();
  const [settings, setSettings] = useTradeSettings();
  const [mode, setMode] = useState<"stable" | "kind">(network.router === undefined ? "kind" : "stable");
  return (
    <section aria-labelledby="mint-title">
      <h1 id="mint-title">Mint</h1>
      <p className="lede">
        Shares are minted at the fund's current composition: the basket's assets in their current proportions,
        idle and on Venus alike. Your new shares start earning the fund's Venus interest at once.
      </p>
      <fieldset className="tabs">
        <legend className="visually-hidden">How to pay</legend>
        <button
          type="button"
          aria-pressed={mode === "stable"}
          disabled={network.router === undefined}
          onClick={() => setMode("stable")}
        >
          With USDT
        </button>
        <button type="button" aria-pressed={mode === "kind"} onClick={() => setMode("kind")}>
          In kind (every asset)
        </button>
      </fieldset>
      <TradeSettingsForm settings={settings} onChange={setSettings} deadline={mode === "stable"} />
      {mode === "stable" ? <MintWithStable settings={settings} /> : <MintInKind settings={settings} />}
    </section>
  );
}
