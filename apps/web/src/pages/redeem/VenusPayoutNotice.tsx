// Before signing: what a redemption of `shares` pays per asset now (the in-kind redeem simulated from the
// holder's account), and in plain words which Venus market cannot pay and what the holder gets instead.
import { type GetFundReturnType, simulateRedeem } from "@blocketf/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { useNetwork, useReadClient } from "../../config/context.js";
import { formatToken } from "../../lib/format.js";

/** Every Venus core-pool vToken has 8 decimals (vBTCB, vETH, vWBNB … on BNB Chain and on the devnet). */
export const VTOKEN_DECIMALS = 8;

export function useRedeemPayouts(holder: Address | undefined, shares: bigint | undefined) {
  const network = useNetwork();
  const client = useReadClient();
  return useQuery({
    queryKey: ["simulateRedeem", network.chain.id, network.fund, holder, shares?.toString()],
    queryFn: () =>
      simulateRedeem(client, { fund: network.fund, holder: holder ?? "0x", shares: shares ?? 0n }),
    enabled: holder !== undefined && shares !== undefined && shares > 0n,
    refetchInterval: 8_000,
    placeholderData: keepPreviousData,
  });
}

type Payouts = NonNullable<ReturnType<typeof useRedeemPayouts>["data"]>;

/** The assets a redemption would pay (partly) in vTokens or escrow now, with why. */
export function VenusPayoutNotice({
  fund,
  payouts,
  viaRouter,
}: {
  fund: GetFundReturnType;
  payouts: Payouts;
  viaRouter: boolean;
}) {
  const affected = fund.assets
    .map((a, i) => ({ a, p: payouts[i] }))
    .filter(
      (x): x is { a: GetFundReturnType["assets"][number]; p: Payouts[number] } =>
        x.p !== undefined && (x.p.vTokens > 0n || x.p.escrowed > 0n),
    );
  if (affected.length === 0) return null;
  return (
    <div className="warn-box" role="alert" data-testid="venus-notice">
      <p>
        <strong>Venus cannot pay all of this redemption now.</strong>
      </p>
      <ul>
        {affected.map(({ a, p }) => {
          const why = a.redeemPaused
            ? "Venus has paused withdrawals from this market"
            : "the market is short of cash";
          // {tok} ≈ {vTok} * D18{tok/vTok} / 1e18
          const worth = ((p.vTokens + p.escrowed) * a.exchangeRate) / 10n ** 18n;
          return (
            <li key={a.token}>
              {a.symbol}: {why}.{" "}
              {p.amount > 0n
                ? `${formatToken(p.amount, a.decimals, a.symbol)} is paid in ${a.symbol}; the rest`
                : "All of it"}{" "}
              {p.vTokens > 0n && (
                <>
                  comes as <strong>{formatToken(p.vTokens, VTOKEN_DECIMALS, `v${a.symbol}`)}</strong> (Venus
                  deposit tokens worth ≈ {formatToken(worth, a.decimals, a.symbol)}, still earning; redeem
                  them on Venus when it pays again)
                  {viaRouter ? ", sent to you beside the USDT" : ""}.
                </>
              )}
              {p.escrowed > 0n && (
                <>
                  {" "}
                  <strong>{formatToken(p.escrowed, VTOKEN_DECIMALS, `v${a.symbol}`)}</strong> cannot move
                  either: the fund holds them for you to claim on the Claim page.
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
