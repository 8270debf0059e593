// Claim: vTokens the fund holds for you after a redemption Venus could neither pay nor let move. A claim
// pays in the asset as far as the market can, the rest as vTokens when they can move.
import { buildClaim } from "@blocketf/sdk";
import { useQuery } from "@tanstack/react-query";
import { zeroAddress } from "viem";
import { useConnection } from "wagmi";
import { Empty, ErrorState, Loading } from "../components/states.js";
import { TransactionButton } from "../components/TransactionButton.js";
import { useNetwork, useReadClient } from "../config/context.js";
import { formatToken } from "../lib/format.js";
import { useTitle } from "../lib/router.js";
import { escrowQuery, fundQuery } from "../queries/fund.js";
import { VTOKEN_DECIMALS } from "./redeem/VenusPayoutNotice.js";

export default function ClaimPage() {
  useTitle("Claim");
  const network = useNetwork();
  const client = useReadClient();
  const { address } = useConnection();
  const fund = useQuery(fundQuery(client, network));
  const vTokens = fund.data?.assets.map((a) => a.vToken) ?? [];
  const escrow = useQuery(escrowQuery(client, network, vTokens, address));
  return (
    <section aria-labelledby="claim-title">
      <h1 id="claim-title">Claim</h1>
      <p className="lede">
        When a redemption meets a Venus market that can neither pay nor transfer its vTokens, the fund keeps
        those vTokens for you here. Claim them once the market pays again: you receive the asset, or the
        vTokens if only those can move.
      </p>
      {address === undefined ? (
        <Empty>Connect a wallet to see what is held for you.</Empty>
      ) : fund.isPending || escrow.isPending ? (
        <Loading what="your escrow" />
      ) : fund.isError ? (
        <ErrorState what="the fund" error={fund.error} />
      ) : escrow.isError ? (
        <ErrorState what="your escrow" error={escrow.error} />
      ) : escrow.data.every((x) => x === 0n) ? (
        <Empty>Nothing is held for you: every redemption so far was paid in full.</Empty>
      ) : (
        <ul className="claims">
          {fund.data.assets.map((a, i) => {
            const held = escrow.data[i] ?? 0n;
            if (held === 0n || a.vToken === zeroAddress) return null;
            const worth = (held * a.exchangeRate) / 10n ** 18n;
            return (
              <li key={a.token} className="card">
                <p>
                  <strong>{formatToken(held, VTOKEN_DECIMALS, `v${a.symbol}`)}</strong> held for you (≈{" "}
                  {formatToken(worth, a.decimals, a.symbol)}).{" "}
                  {a.redeemPaused
                    ? "Venus withdrawals are still paused: a claim now pays vTokens if they can move."
                    : ""}
                </p>
                <TransactionButton
                  label={`Claim ${a.symbol}`}
                  steps={[
                    {
                      label: `Claim ${a.symbol}`,
                      fund: network.fund,
                      request: () => buildClaim({ fund: network.fund, vToken: a.vToken, receiver: address }),
                    },
                  ]}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
