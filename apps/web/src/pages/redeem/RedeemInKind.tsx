import { buildRedeem, minusSlippage, previewRedeem } from "@blocketf/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useConnection } from "wagmi";
import { ErrorState, Loading } from "../../components/states.js";
import type { TradeSettings } from "../../components/TradeSettings.js";
import { TransactionButton } from "../../components/TransactionButton.js";
import { useNetwork, useReadClient } from "../../config/context.js";
import { formatToken } from "../../lib/format.js";
import { fundQuery, tokensQuery } from "../../queries/fund.js";
import { useRedeemPayouts, VenusPayoutNotice, VTOKEN_DECIMALS } from "./VenusPayoutNotice.js";

export function RedeemInKind({
  shares,
  settings,
  onDone,
}: {
  shares: bigint | undefined;
  settings: TradeSettings;
  onDone: () => void;
}) {
  const network = useNetwork();
  const client = useReadClient();
  const { address } = useConnection();
  const tokens = useQuery(tokensQuery(client, network));
  const fund = useQuery(fundQuery(client, network));
  const owed = useQuery({
    queryKey: ["previewRedeem", network.chain.id, network.fund, shares?.toString()],
    queryFn: () => previewRedeem(client, { lens: network.lens, fund: network.fund, shares: shares ?? 0n }),
    enabled: shares !== undefined,
    refetchInterval: 8_000,
    placeholderData: keepPreviousData,
  });
  const payouts = useRedeemPayouts(address, shares);
  if (fund.data === undefined || tokens.data === undefined) return null;
  const minAmounts = owed.data?.map((x) => minusSlippage(x, BigInt(settings.slippageBps)));
  const share = tokens.data.share;
  return (
    <>
      {shares !== undefined &&
        (owed.isError ? (
          <ErrorState what="what you would receive" error={owed.error} />
        ) : owed.data === undefined ? (
          <Loading what="what you would receive" />
        ) : (
          <div className="table-wrap">
            <table className="stack" data-testid="redeem-kind-table">
              <caption>
                What you receive, pro-rata to the fund's holdings (at least {100 - settings.slippageBps / 100}{" "}
                % of it, or nothing happens).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Asset</th>
                  <th scope="col">Owed</th>
                  <th scope="col">Paid as</th>
                </tr>
              </thead>
              <tbody>
                {fund.data.assets.map((a, i) => {
                  const p = payouts.data?.[i];
                  return (
                    <tr key={a.token}>
                      <th scope="row">{a.symbol}</th>
                      <td data-label="Owed">{formatToken(owed.data[i] ?? 0n, a.decimals, a.symbol)}</td>
                      <td data-label="Paid as">
                        {p === undefined
                          ? "–"
                          : [
                              p.amount > 0n ? formatToken(p.amount, a.decimals, a.symbol) : undefined,
                              p.vTokens > 0n
                                ? `${formatToken(p.vTokens, VTOKEN_DECIMALS, `v${a.symbol}`)} (Venus could not pay)`
                                : undefined,
                              p.escrowed > 0n
                                ? `${formatToken(p.escrowed, VTOKEN_DECIMALS, `v${a.symbol}`)} held for you to claim`
                                : undefined,
                            ]
                              .filter((x) => x !== undefined)
                              .join(" + ") || "nothing"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      {payouts.isError && <ErrorState what="the payout preview" error={payouts.error} />}
      {payouts.data !== undefined && (
        <VenusPayoutNotice fund={fund.data} payouts={payouts.data} viaRouter={false} />
      )}
      <TransactionButton
        label="Redeem in kind"
        id="redeem-kind-submit"
        disabled={shares === undefined || minAmounts === undefined}
        steps={[
          {
            label: `Redeem ${share.symbol} in kind`,
            fund: network.fund,
            request: () =>
              shares === undefined || minAmounts === undefined || address === undefined
                ? undefined
                : buildRedeem({ fund: network.fund, shares, receiver: address, minAmounts }),
          },
        ]}
        onDone={onDone}
      />
    </>
  );
}
