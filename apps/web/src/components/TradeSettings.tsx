// Slippage tolerance, deadline and approval size: one setting for every mint and redeem, remembered.
import { useId, useState } from "react";

export type TradeSettings = {
  /** {bps} */
  readonly slippageBps: number;
  /** {s} */
  readonly deadlineSeconds: number;
  readonly approval: "exact" | "unlimited";
};

const KEY = "blocketf.trade";
const DEFAULTS: TradeSettings = { slippageBps: 50, deadlineSeconds: 20 * 60, approval: "exact" };

function load(): TradeSettings {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) ?? "{}") as Partial<TradeSettings>;
    return { ...DEFAULTS, ...saved };
  } catch {
    return DEFAULTS;
  }
}

export function useTradeSettings(): [TradeSettings, (s: TradeSettings) => void] {
  const [settings, setSettings] = useState<TradeSettings>(load);
  return [
    settings,
    (s) => {
      window.localStorage.setItem(KEY, JSON.stringify(s));
      setSettings(s);
    },
  ];
}

export function TradeSettingsForm({
  settings,
  onChange,
  approvals = true,
  deadline = true,
}: {
  settings: TradeSettings;
  onChange: (s: TradeSettings) => void;
  approvals?: boolean;
  deadline?: boolean;
}) {
  const id = useId();
  const [slippageText, setSlippageText] = useState(String(settings.slippageBps / 100));
  const slippageInvalid = !(
    Number(slippageText) >= 0 &&
    Number(slippageText) <= 50 &&
    slippageText.trim() !== ""
  );
  return (
    <details className="settings">
      <summary>
        Settings: slippage {settings.slippageBps / 100} %
        {deadline ? `, deadline ${settings.deadlineSeconds / 60} min` : ""}
        {approvals ? `, ${settings.approval} approvals` : ""}
      </summary>
      <div className="field">
        <label htmlFor={`${id}-slippage`}>Slippage tolerance (%)</label>
        <input
          id={`${id}-slippage`}
          inputMode="decimal"
          value={slippageText}
          aria-invalid={slippageInvalid}
          aria-describedby={`${id}-slippage-hint`}
          onChange={(e) => {
            setSlippageText(e.target.value);
            const pct = Number(e.target.value);
            if (e.target.value.trim() !== "" && pct >= 0 && pct <= 50)
              onChange({ ...settings, slippageBps: Math.round(pct * 100) });
          }}
        />
        <p className="hint" id={`${id}-slippage-hint`}>
          {slippageInvalid
            ? "Enter a percentage from 0 to 50."
            : "How far the result may move against you between the quote and the block your transaction lands in; beyond it the transaction is refused and nothing moves."}
        </p>
      </div>
      {deadline && (
        <div className="field">
          <label htmlFor={`${id}-deadline`}>Deadline (minutes)</label>
          <input
            id={`${id}-deadline`}
            inputMode="numeric"
            defaultValue={settings.deadlineSeconds / 60}
            onChange={(e) => {
              const min = Number(e.target.value);
              if (Number.isInteger(min) && min >= 1 && min <= 24 * 60)
                onChange({ ...settings, deadlineSeconds: min * 60 });
            }}
          />
        </div>
      )}
      {approvals && (
        <fieldset className="field">
          <legend>Approval</legend>
          <div className="row">
            <label>
              <input
                type="radio"
                name={`${id}-approval`}
                checked={settings.approval === "exact"}
                onChange={() => onChange({ ...settings, approval: "exact" })}
              />{" "}
              Exact amount (approve each time)
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-approval`}
                checked={settings.approval === "unlimited"}
                onChange={() => onChange({ ...settings, approval: "unlimited" })}
              />{" "}
              Unlimited (fewer transactions; the contract may pull any amount later)
            </label>
          </div>
        </fieldset>
      )}
    </details>
  );
}
