// An amount typed in whole units, parsed to the token's raw units; says what is wrong in words.
import { useId } from "react";
import { parseUnits } from "viem";
import { formatAmount } from "../lib/format.js";

export type ParsedAmount = { readonly raw: bigint | undefined; readonly problem: string | undefined };

export function parseAmount(
  text: string,
  decimals: number,
  balance: bigint | undefined,
  symbol: string,
): ParsedAmount {
  const t = text.trim().replace(/,/g, "");
  if (t === "") return { raw: undefined, problem: undefined };
  if (!/^\d*\.?\d*$/.test(t) || t === ".")
    return { raw: undefined, problem: "Enter a number, like 100 or 0.5." };
  const [, frac = ""] = t.split(".");
  if (frac.length > decimals)
    return { raw: undefined, problem: `${symbol} has ${decimals} decimals at most.` };
  const raw = parseUnits(t, decimals);
  if (raw === 0n) return { raw: undefined, problem: "Enter an amount above zero." };
  if (balance !== undefined && raw > balance)
    return { raw, problem: `You have ${formatAmount(balance, decimals)} ${symbol}: enter at most that.` };
  return { raw, problem: undefined };
}

export function AmountInput({
  label,
  value,
  onChange,
  symbol,
  decimals,
  balance,
  problem,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  symbol: string;
  decimals: number;
  balance: bigint | undefined;
  problem: string | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} ({symbol})
      </label>
      <div className="row">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          placeholder="0.0"
          data-testid={testId}
          aria-invalid={problem !== undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.value)}
        />
        {balance !== undefined && balance > 0n && (
          <button
            type="button"
            onClick={() => onChange(formatAmount(balance, decimals, decimals).replace(/,/g, ""))}
          >
            Max
          </button>
        )}
      </div>
      <p className="hint" id={`${id}-hint`} role={problem === undefined ? undefined : "alert"}>
        {problem ?? (balance === undefined ? "" : `Balance: ${formatAmount(balance, decimals)} ${symbol}`)}
      </p>
    </div>
  );
}
