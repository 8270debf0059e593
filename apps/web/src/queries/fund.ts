// Query options over the SDK's reads (and the indexer's history): one key per read, shared by every page.
import { blockEtfAbi } from "@blocketf/abi";
import {
  getFund,
  getFundTokens,
  getPosition,
  getRebalanceEpisode,
  getRebalanceRule,
  getRebalancerState,
  getRebalanceStatus,
} from "@blocketf/sdk";
import { queryOptions } from "@tanstack/react-query";
import { type Address, type Client, erc20Abi, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import type { AppNetwork } from "../config/networks.js";
import { getFundHistory, getPortfolio } from "../history/indexer.js";

/** Chain reads refresh at about the devnet's pace (a replayed day every few seconds). */
const LIVE = 4_000;
const key = (n: AppNetwork) => [n.chain.id, n.fund] as const;

export const fundQuery = (client: Client, n: AppNetwork) =>
  queryOptions({
    queryKey: ["fund", ...key(n)],
    queryFn: () => getFund(client, { lens: n.lens, fund: n.fund }),
    refetchInterval: LIVE,
  });

export const tokensQuery = (client: Client, n: AppNetwork) =>
  queryOptions({
    queryKey: ["tokens", ...key(n)],
    queryFn: () => getFundTokens(client, { fund: n.fund }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const ruleQuery = (client: Client, n: AppNetwork) =>
  queryOptions({
    queryKey: ["rule", ...key(n)],
    queryFn: () => getRebalanceRule(client, { fund: n.fund }),
    refetchInterval: LIVE,
  });

export const rebalanceStatusQuery = (client: Client, n: AppNetwork) =>
  queryOptions({
    queryKey: ["rebalanceStatus", ...key(n)],
    queryFn: () => getRebalanceStatus(client, { lens: n.lens, fund: n.fund }),
    refetchInterval: LIVE,
  });

/** The episode alone: it needs no price, so it reads while the oracle refuses one (the status does not). */
export const episodeQuery = (client: Client, n: AppNetwork) =>
  queryOptions({
    queryKey: ["rebalanceEpisode", ...key(n)],
    queryFn: () => getRebalanceEpisode(client, { lens: n.lens, fund: n.fund }),
    refetchInterval: LIVE,
  });

export const rebalancerQuery = (client: Client, n: AppNetwork, rebalancer: Address | undefined) =>
  queryOptions({
    queryKey: ["rebalancer", ...key(n), rebalancer],
    queryFn: () => getRebalancerState(client, { rebalancer: rebalancer ?? zeroAddress, caller: zeroAddress }),
    enabled: rebalancer !== undefined && rebalancer !== zeroAddress,
    refetchInterval: LIVE,
  });

export const historyQuery = (n: AppNetwork) =>
  queryOptions({
    queryKey: ["history", ...key(n), n.indexerUrl],
    queryFn: () => getFundHistory(n.indexerUrl ?? "", n.fund),
    enabled: n.indexerUrl !== undefined,
    refetchInterval: 10_000,
  });

export const positionQuery = (client: Client, n: AppNetwork, holder: Address | undefined) =>
  queryOptions({
    queryKey: ["position", ...key(n), holder],
    queryFn: () => getPosition(client, { lens: n.lens, fund: n.fund, holder: holder ?? zeroAddress }),
    enabled: holder !== undefined,
    refetchInterval: LIVE,
  });

export const portfolioQuery = (n: AppNetwork, holder: Address | undefined) =>
  queryOptions({
    queryKey: ["portfolio", ...key(n), n.indexerUrl, holder],
    queryFn: () => getPortfolio(n.indexerUrl ?? "", n.fund, holder ?? zeroAddress),
    enabled: n.indexerUrl !== undefined && holder !== undefined,
    refetchInterval: 10_000,
  });

export type Wallet = { readonly balance: bigint; readonly allowance: bigint };

/** A holder's balance of `token` and what `spender` may pull (ERC-20 reads). */
export const walletQuery = (
  client: Client,
  n: AppNetwork,
  token: Address | undefined,
  holder: Address | undefined,
  spender: Address | undefined,
) =>
  queryOptions({
    queryKey: ["wallet", n.chain.id, token, holder, spender],
    queryFn: async (): Promise<Wallet> => {
      const t = token ?? zeroAddress;
      const h = holder ?? zeroAddress;
      const [balance, allowance] = await Promise.all([
        readContract(client, { address: t, abi: erc20Abi, functionName: "balanceOf", args: [h] }),
        spender === undefined
          ? Promise.resolve(0n)
          : readContract(client, {
              address: t,
              abi: erc20Abi,
              functionName: "allowance",
              args: [h, spender],
            }),
      ]);
      return { balance, allowance };
    },
    enabled: token !== undefined && holder !== undefined,
    refetchInterval: LIVE,
  });

/** {vTok} What the fund holds in escrow for `holder`, per Venus market (basket order). */
export const escrowQuery = (
  client: Client,
  n: AppNetwork,
  vTokens: readonly Address[],
  holder: Address | undefined,
) =>
  queryOptions({
    queryKey: ["escrow", ...key(n), holder, vTokens.join()],
    queryFn: () =>
      Promise.all(
        vTokens.map((v) =>
          v === zeroAddress
            ? Promise.resolve(0n)
            : readContract(client, {
                address: n.fund,
                abi: blockEtfAbi,
                functionName: "escrowedVTokens",
                args: [holder ?? zeroAddress, v],
              }),
        ),
      ),
    enabled: holder !== undefined && vTokens.length > 0,
    refetchInterval: LIVE,
  });
