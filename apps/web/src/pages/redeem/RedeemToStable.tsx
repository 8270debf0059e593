import { buildRedeemToStable, deadlineIn, minusSlippage, quoteRedeemToStable } from "@blocketf/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useConnection } from "wagmi";
import { ErrorState, Loading } from "../../components/states.js";
import type { TradeSettings } from "../../components/TradeSettings.js";
import { approvalStep, TransactionButton, type TxStep } from "../../components/TransactionButton.js";
import { useNetwork, useReadClient } from "../../config/context.js";
import { formatBps, formatToken } from "../../lib/format.js";
import { fundQuery, tokensQuery } from "../../queries/fund.js";
import { useRedeemPayouts, VenusPayoutNotice, VTOKEN_DECIMALS } from "./VenusPayoutNotice.js";

export function RedeemToStable({
  shares,
  settings,
  allowance,
  onDone,
}: {
  shares: bigint | undefined;
  settings: TradeSettings;
  allowance: bigint | undefined;
  onDone: () => void;
}) {
  const network = useNetwork();
  const client = useReadClient();
  const { address } = useConnection();
  const router = network.router;
  const tokens = useQuery(tokensQuery(client, network));
  const fund = useQuery(fundQuery(client, network));
  const quote = useQuery({
    queryKey: ["quoteRedeemToStable", network.chain.id, network.fund, shares?.toString()],
    queryFn: () =>
      quoteRedeemToStable(client, { router: router ?? "0x", fund: network.fund, shares: shares ?? 0n }),
    enabled: router !== undefined && shares !== undefined,
    refetchInterval: 8_000,
    placeholderData: keepPreviousData,
  });
  const payouts = useRedeemPayouts(address, shares);
  const stable = tokens.data?.stable;
  if (router === undefined || stable === undefined) return <p>No USDT route here: redeem in kind.</p>;
  if (fund.data === undefined || tokens.data === undefined) return null;
  const share = tokens.data.share;
  const out = quote.data?.stableOut;
  // {vTok} Where Venus cannot pay, the router passes the asset's vTokens instead of selling it (the quote
  // says which, so the minimum below is what the pools really pay).
  const vTokensPaid =
    quote.data === undefined
      ? []
      : fund.data.assets.flatMap((a, i) => {
          const amount = quote.data.vTokens[i] ?? 0n;
          return amount > 0n ? [{ symbol: a.symbol, amount }] : [];
        });
  const minOut = out === undefined ? undefined : minusSlippage(out, BigInt(settings.slippageBps));
  // D18{USD}: the shares at NAV against the USDT the pools pay.
  const navValue = shares === undefined ? undefined : (shares * fund.data.navPerShare) / 10n ** 18n;
  const outUsd = out === undefined ? undefined : (out * 10n ** 18n) / 10n ** BigInt(stable.decimals);
  const costBps =
    navValue === undefined || outUsd === undefined || navValue === 0n
      ? undefined
      : ((navValue - outUsd) * 10_000n) / navValue;

  const steps: TxStep[] = [];
  if (shares !== undefined && (allowance ?? 0n) < shares)
    steps.push(
      approvalStep({
        label: `Approve ${share.symbol} for the router`,
        token: network.fund,
        spender: router,
        amount: shares,
        unlimited: settings.approval === "unlimited",
      }),
    );
  steps.push({
    label: `Redeem ${share.symbol} to ${stable.symbol}`,
    fund: network.fund,
    request: () =>
      shares === undefined || minOut === undefined || address === undefined
        ? undefined
        : buildRedeemToStable({
            router,
            fund: network.fund,
            shares,
            minStableOut: minOut,
            receiver: address,
            deadline: deadlineIn(settings.deadlineSeconds, Number(fund.data.timestamp)),
          }),
  });
  return (
    <>
      {shares !== undefined && (
        <div aria-live="polite">
          {quote.isError ? (
            <ErrorState what="a quote" error={quote.error} />
          ) : out === undefined ? (
            <Loading what="a quote from the pools" />
          ) : (
            <dl className="quote" data-testid="redeem-quote">
              <dt>You get</dt>
              <dd>≈ {formatToken(out, stable.decimals, stable.symbol)}</dd>
              {vTokensPaid.length > 0 && (
                <>
                  <dt>And, where Venus cannot pay</dt>
                  <dd data-testid="redeem-quote-vtokens">
                    {vTokensPaid
                      .map((v) => formatToken(v.amount, VTOKEN_DECIMALS, `v${v.symbol}`))
                      .join(", ")}{" "}
                    (Venus's own tokens, redeemable on Venus when it pays again; not counted in the swap cost)
                  </dd>
                </>
              )}
              <dt>At least</dt>
              <dd>
                {formatToken(minOut ?? 0n, stable.decimals, stable.symbol)} (slippage{" "}
                {settings.slippageBps / 100} %), or nothing happens
              </dd>
              <dt>Swap cost</dt>
              <dd>
                {costBps === undefined
                  ? "–"
                  : `${formatBps(costBps)} of the shares' value at NAV (pool fees and price impact)`}
              </dd>
            </dl>
          )}
        </div>
      )}
      {payouts.data !== undefined && fund.data !== undefined && (
        <VenusPayoutNotice fund={fund.data} payouts={payouts.data} viaRouter />
      )}
      <TransactionButton
        label="Redeem to USDT"
        id="redeem-stable-submit"
        steps={steps}
        disabled={shares === undefined || out === undefined || quote.isError}
        onDone={onDone}
      />
    </>
  );
}
