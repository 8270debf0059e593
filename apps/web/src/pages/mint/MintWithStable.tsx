import { buildMintWithStable, deadlineIn, minusSlippage, quoteMintWithStable } from "@blocketf/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useConnection } from "wagmi";
import { AmountInput, parseAmount } from "../../components/AmountInput.js";
import { ErrorState, Loading } from "../../components/states.js";
import type { TradeSettings } from "../../components/TradeSettings.js";
import { approvalStep, TransactionButton, type TxStep } from "../../components/TransactionButton.js";
import { useNetwork, useReadClient } from "../../config/context.js";
import { formatBps, formatToken, formatUsd } from "../../lib/format.js";
import { fundQuery, tokensQuery, walletQuery } from "../../queries/fund.js";

export function MintWithStable({ settings }: { settings: TradeSettings }) {
  const network = useNetwork();
  const client = useReadClient();
  const { address } = useConnection();
  const router = network.router;
  const tokens = useQuery(tokensQuery(client, network));
  const fund = useQuery(fundQuery(client, network));
  const stable = tokens.data?.stable;
  const stableToken =
    tokens.data?.stableIndex === undefined ? undefined : fund.data?.assets[tokens.data.stableIndex]?.token;
  const wallet = useQuery(walletQuery(client, network, stableToken, address, router));
  const [text, setText] = useState("");
  const parsed =
    stable === undefined
      ? undefined
      : parseAmount(text, stable.decimals, wallet.data?.balance, stable.symbol);
  const stableIn = parsed?.problem === undefined ? parsed?.raw : undefined;
  const quote = useQuery({
    queryKey: ["quoteMintWithStable", network.chain.id, network.fund, stableIn?.toString()],
    queryFn: () =>
      quoteMintWithStable(client, { router: router ?? "0x", fund: network.fund, stableIn: stableIn ?? 0n }),
    enabled: router !== undefined && stableIn !== undefined,
    refetchInterval: 8_000,
    placeholderData: keepPreviousData,
  });
  if (router === undefined) return <p>No USDT router on {network.name}: mint in kind.</p>;
  if (tokens.isPending || fund.isPending) return <Loading what="the fund's tokens" />;
  if (tokens.isError) return <ErrorState what="the fund's tokens" error={tokens.error} />;
  if (fund.isError) return <ErrorState what="the fund" error={fund.error} />;
  if (stable === undefined || stableToken === undefined)
    return <p>This fund has no stablecoin sleeve: mint in kind.</p>;
  const { share } = tokens.data;
  const q = quote.data;
  const minShares = q === undefined ? undefined : minusSlippage(q.shares, BigInt(settings.slippageBps));
  // D18{USD} = {share} * D18{USD/share} / 1e18: what the shares are worth at NAV against what is spent.
  const valueAtNav = q === undefined ? undefined : (q.shares * fund.data.navPerShare) / 10n ** 18n;
  const stableUsd = (raw: bigint) => (raw * 10n ** 18n) / 10n ** BigInt(stable.decimals);
  const costBps =
    q === undefined || valueAtNav === undefined || q.stableSpent === 0n
      ? undefined
      : ((stableUsd(q.stableSpent) - valueAtNav) * 10_000n) / stableUsd(q.stableSpent);

  const steps: TxStep[] = [];
  if (stableIn !== undefined && (wallet.data?.allowance ?? 0n) < stableIn)
    steps.push(
      approvalStep({
        label: `Approve ${stable.symbol} for the router`,
        token: stableToken,
        spender: router,
        amount: stableIn,
        unlimited: settings.approval === "unlimited",
      }),
    );
  steps.push({
    label: `Mint ${share.symbol} with ${stable.symbol}`,
    fund: network.fund,
    request: () =>
      stableIn === undefined || minShares === undefined || address === undefined
        ? undefined
        : buildMintWithStable({
            router,
            fund: network.fund,
            stableIn,
            minShares,
            receiver: address,
            deadline: deadlineIn(settings.deadlineSeconds, Number(fund.data.timestamp)),
          }),
  });

  return (
    <div className="card">
      <AmountInput
        label="You pay"
        value={text}
        onChange={setText}
        symbol={stable.symbol}
        decimals={stable.decimals}
        balance={wallet.data?.balance}
        problem={parsed?.problem}
        testId="mint-stable-amount"
      />
      {stableIn !== undefined && (
        <div aria-live="polite">
          {quote.isError ? (
            <ErrorState what="a quote" error={quote.error} />
          ) : q === undefined ? (
            <Loading what="a quote from the pools" />
          ) : (
            <dl className="quote" data-testid="mint-quote">
              <dt>You get</dt>
              <dd>
                ≈ {formatToken(q.shares, share.decimals, share.symbol)} (worth {formatUsd(valueAtNav ?? 0n)}{" "}
                at NAV)
              </dd>
              <dt>At least</dt>
              <dd>
                {formatToken(minShares ?? 0n, share.decimals, share.symbol)} (slippage{" "}
                {settings.slippageBps / 100} %), or nothing happens
              </dd>
              <dt>Spent</dt>
              <dd>
                {formatToken(q.stableSpent, stable.decimals, stable.symbol)};{" "}
                {formatToken(stableIn - q.stableSpent, stable.decimals, stable.symbol)} refunded
              </dd>
              <dt>Swap cost</dt>
              <dd>
                {costBps === undefined
                  ? "–"
                  : `${formatBps(costBps)} of what you spend (pool fees and price impact)`}
              </dd>
            </dl>
          )}
        </div>
      )}
      <TransactionButton
        label="Mint"
        id="mint-stable-submit"
        steps={steps}
        disabled={stableIn === undefined || q === undefined || quote.isError}
        onDone={() => setText("")}
      />
    </div>
  );
}
