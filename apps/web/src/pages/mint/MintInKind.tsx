import { buildMintExactShares, plusSlippage, previewMintExactShares } from "@blocketf/sdk";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useConnection } from "wagmi";
import { AmountInput, parseAmount } from "../../components/AmountInput.js";
import { ErrorState, Loading } from "../../components/states.js";
import type { TradeSettings } from "../../components/TradeSettings.js";
import { approvalStep, TransactionButton, type TxStep } from "../../components/TransactionButton.js";
import { useNetwork, useReadClient } from "../../config/context.js";
import { formatToken, formatUsd } from "../../lib/format.js";
import { fundQuery, tokensQuery, walletQuery } from "../../queries/fund.js";

export function MintInKind({ settings }: { settings: TradeSettings }) {
  const network = useNetwork();
  const client = useReadClient();
  const { address } = useConnection();
  const tokens = useQuery(tokensQuery(client, network));
  const fund = useQuery(fundQuery(client, network));
  const assets = fund.data?.assets ?? [];
  const wallets = useQueries({
    queries: assets.map((a) => walletQuery(client, network, a.token, address, network.fund)),
  });
  const [text, setText] = useState("");
  const share = tokens.data?.share;
  const parsed = share === undefined ? undefined : parseAmount(text, share.decimals, undefined, share.symbol);
  const shares = parsed?.problem === undefined ? parsed?.raw : undefined;
  const preview = useQuery({
    queryKey: ["previewMintExactShares", network.chain.id, network.fund, shares?.toString()],
    queryFn: () =>
      previewMintExactShares(client, { lens: network.lens, fund: network.fund, shares: shares ?? 0n }),
    enabled: shares !== undefined,
    refetchInterval: 8_000,
    placeholderData: keepPreviousData,
  });
  if (tokens.isPending || fund.isPending) return <Loading what="the basket" />;
  if (tokens.isError) return <ErrorState what="the basket" error={tokens.error} />;
  if (fund.isError) return <ErrorState what="the fund" error={fund.error} />;
  const shareToken = tokens.data.share;
  const amounts = preview.data;
  const maxAmounts = amounts?.map((x) => plusSlippage(x, BigInt(settings.slippageBps)));
  const short = assets.filter((_, i) => {
    const need = maxAmounts?.[i];
    const have = wallets[i]?.data?.balance;
    return need !== undefined && have !== undefined && have < need;
  });

  const steps: TxStep[] = [];
  if (maxAmounts !== undefined) {
    assets.forEach((a, i) => {
      const need = maxAmounts[i] ?? 0n;
      if (need > 0n && (wallets[i]?.data?.allowance ?? 0n) < need)
        steps.push(
          approvalStep({
            label: `Approve ${a.symbol}`,
            token: a.token,
            spender: network.fund,
            amount: need,
            unlimited: settings.approval === "unlimited",
          }),
        );
    });
  }
  steps.push({
    label: `Mint ${shareToken.symbol}`,
    fund: network.fund,
    request: () =>
      shares === undefined || maxAmounts === undefined || address === undefined
        ? undefined
        : buildMintExactShares({ fund: network.fund, shares, maxAmounts, receiver: address }),
  });
  const approvals = steps.length - 1;

  return (
    <div className="card">
      <AmountInput
        label="Shares to mint"
        value={text}
        onChange={setText}
        symbol={shareToken.symbol}
        decimals={shareToken.decimals}
        balance={undefined}
        problem={parsed?.problem}
        testId="mint-kind-shares"
      />
      {shares !== undefined && (
        <p className="hint">
          Worth {formatUsd((shares * fund.data.navPerShare) / 10n ** 18n)} at the current NAV.
        </p>
      )}
      {shares !== undefined &&
        (preview.isError ? (
          <ErrorState what="the amounts" error={preview.error} />
        ) : amounts === undefined ? (
          <Loading what="the amounts" />
        ) : (
          <div className="table-wrap">
            <table className="stack" data-testid="mint-kind-table">
              <caption>
                What the fund pulls from your wallet, pro-rata to its holdings; at most the amount with{" "}
                {settings.slippageBps / 100} % slippage (interest accrues every block).
              </caption>
              <thead>
                <tr>
                  <th scope="col">Asset</th>
                  <th scope="col">Needed now</th>
                  <th scope="col">At most</th>
                  <th scope="col">Your balance</th>
                </tr>
              </thead>
              <tbody>
                {assets.map((a, i) => {
                  const have = wallets[i]?.data?.balance;
                  const need = maxAmounts?.[i] ?? 0n;
                  return (
                    <tr key={a.token}>
                      <th scope="row">{a.symbol}</th>
                      <td data-label="Needed now">{formatToken(amounts[i] ?? 0n, a.decimals, a.symbol)}</td>
                      <td data-label="At most">{formatToken(need, a.decimals, a.symbol)}</td>
                      <td
                        data-label="Your balance"
                        className={have !== undefined && have < need ? "bad" : ""}
                      >
                        {have === undefined ? "–" : formatToken(have, a.decimals, a.symbol)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      {short.length > 0 && (
        <p className="error" role="alert">
          Not enough {short.map((a) => a.symbol).join(", ")} in your wallet for this mint: mint fewer shares
          {network.router === undefined ? "" : ", or mint with USDT"}.
        </p>
      )}
      {approvals > 0 && (
        <p className="hint">
          {approvals} approval{approvals === 1 ? "" : "s"} first, one transaction each, then the mint.
        </p>
      )}
      <TransactionButton
        label="Mint in kind"
        id="mint-kind-submit"
        steps={steps}
        disabled={shares === undefined || amounts === undefined || short.length > 0}
        onDone={() => setText("")}
      />
    </div>
  );
}
