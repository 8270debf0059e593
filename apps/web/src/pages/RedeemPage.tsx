// Redeem: to USDT through the router (minimum out from the slippage setting) or in kind (each asset,
// minimum amounts); before signing, which Venus market cannot pay and what comes instead.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useConnection } from "wagmi";
import { AmountInput, parseAmount } from "../components/AmountInput.js";
import { ErrorState, Loading } from "../components/states.js";
import { TradeSettingsForm, useTradeSettings } from "../components/TradeSettings.js";
import { useNetwork, useReadClient } from "../config/context.js";
import { formatUsd } from "../lib/format.js";
import { useTitle } from "../lib/router.js";
import { fundQuery, tokensQuery, walletQuery } from "../queries/fund.js";
import { RedeemInKind } from "./redeem/RedeemInKind.js";
import { RedeemToStable } from "./redeem/RedeemToStable.js";

export default function RedeemPage() {
  useTitle("Redeem");
  const network = useNetwork();
  const client = useReadClient();
  const { address } = useConnection();
  const [settings, setSettings] = useTradeSettings();
  const [mode, setMode] = useState<"stable" | "kind">(network.router === undefined ? "kind" : "stable");
  const tokens = useQuery(tokensQuery(client, network));
  const fund = useQuery(fundQuery(client, network));
  const share = tokens.data?.share;
  const wallet = useQuery(walletQuery(client, network, network.fund, address, network.router));
  const [text, setText] = useState("");
  const parsed =
    share === undefined ? undefined : parseAmount(text, share.decimals, wallet.data?.balance, share.symbol);
  const shares = parsed?.problem === undefined ? parsed?.raw : undefined;

  if (tokens.isPending || fund.isPending) return <Loading what="the fund" />;
  if (tokens.isError) return <ErrorState what="the fund's tokens" error={tokens.error} />;
  if (fund.isError) return <ErrorState what="the fund" error={fund.error} />;
  const s = tokens.data.share;
  return (
    <section aria-labelledby="redeem-title">
      <h1 id="redeem-title">Redeem</h1>
      <p className="lede">
        Redeeming always works, even while the fund is paused. Each asset is paid from the fund's idle balance
        first, then withdrawn from Venus; what Venus cannot pay comes as its vTokens, and you are told before
        you sign.
      </p>
      <fieldset className="tabs">
        <legend className="visually-hidden">How to be paid</legend>
        <button
          type="button"
          aria-pressed={mode === "stable"}
          disabled={network.router === undefined}
          onClick={() => setMode("stable")}
        >
          To USDT
        </button>
        <button type="button" aria-pressed={mode === "kind"} onClick={() => setMode("kind")}>
          In kind (every asset)
        </button>
      </fieldset>
      <TradeSettingsForm
        settings={settings}
        onChange={setSettings}
        approvals={mode === "stable"}
        deadline={mode === "stable"}
      />
      <div className="card">
        <AmountInput
          label="Shares to redeem"
          value={text}
          onChange={setText}
          symbol={s.symbol}
          decimals={s.decimals}
          balance={address === undefined ? undefined : wallet.data?.balance}
          problem={parsed?.problem}
          testId="redeem-shares"
        />
        {shares !== undefined && (
          <p className="hint">
            Worth {formatUsd((shares * fund.data.navPerShare) / 10n ** 18n)} at the current NAV.
          </p>
        )}
        {mode === "stable" ? (
          <RedeemToStable
            shares={shares}
            settings={settings}
            allowance={wallet.data?.allowance}
            onDone={() => setText("")}
          />
        ) : (
          <RedeemInKind shares={shares} settings={settings} onDone={() => setText("")} />
        )}
      </div>
    </section>
  );
}
