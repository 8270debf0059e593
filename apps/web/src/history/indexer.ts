// The history indexer (apps/indexer, Ponder) over GraphQL: NAV and holdings snapshots, rebalance steps,
// positions and the activity feed. Bigints arrive as decimal strings and are parsed here, once.
import type { Address, Hex } from "viem";

export class IndexerError extends Error {
  override name = "IndexerError";
}

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new IndexerError(
      `The history indexer at ${url} did not answer. History will show when it is back.`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors !== undefined || body.data === undefined)
    throw new IndexerError(
      `The history indexer refused the query: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}.`,
    );
  return body.data;
}

type Page<T> = { items: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Every page of a list query (1,000 rows each, at most `maxPages`). */
async function all<T>(
  url: string,
  field: string,
  query: string,
  variables: Record<string, unknown>,
  maxPages = 50,
): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const data: Record<string, Page<T>> = await gql(url, query, { ...variables, after });
    const got = data[field];
    if (got === undefined) break;
    rows.push(...got.items);
    if (!got.pageInfo.hasNextPage) break;
    after = got.pageInfo.endCursor;
  }
  return rows;
}

const big = (s: string | null | undefined): bigint => BigInt(s ?? "0");
const lower = (a: Address): string => a.toLowerCase();

export type Snapshot = {
  readonly blockNumber: bigint;
  readonly timestamp: number;
  readonly totalSupply: bigint;
  readonly totalValue: bigint;
  readonly navPerShare: bigint;
  /** D18{USD} Venus interest earned by the fund since it was created, cumulative. */
  readonly interestUsd: bigint;
  /** Every price was given and every Venus position valued (otherwise value and NAV are 0, not figures). */
  readonly pricesOk: boolean;
};

export type AssetSnapshot = {
  readonly blockNumber: bigint;
  readonly timestamp: number;
  readonly index: number;
  readonly symbol: string;
  readonly decimals: number;
  readonly price: bigint;
  readonly holdings: bigint;
  readonly supplied: bigint;
  readonly weightBps: number;
  readonly targetWeightBps: number;
  /** D18{USD} cumulative, at the price of each interval's end. */
  readonly interestUsd: bigint;
};

export type RebalanceStepRow = {
  readonly id: string;
  readonly blockNumber: bigint;
  readonly timestamp: number;
  readonly txHash: Hex;
  readonly byKeeper: boolean | null;
  readonly sent: readonly bigint[];
  readonly received: readonly bigint[];
  readonly tradedValue: bigint;
  readonly lossUsd: bigint;
  readonly boundUsd: bigint;
  readonly maxLossBps: number;
  readonly complete: boolean;
  /** The rebalance episode it belongs to (`EpisodeRow.id`) and its number there (from 1). */
  readonly episode: string | null;
  readonly episodeStep: number | null;
};

/** Why an episode ended: the fund's EpisodeEnd, or a change that ended it without an event. */
export type EpisodeEndReason =
  | "Completed"
  | "MaxSteps"
  | "Stalled"
  | "Expired"
  | "BoundsChanged"
  | "RebalancerChanged";

/** A rebalance episode as indexed (RebalanceEpisodeStarted … Ended). */
export type EpisodeRow = {
  readonly id: string;
  /** {s} */
  readonly startedAt: number;
  readonly startTx: Hex;
  /** D18{USD} */
  readonly overweightValue: bigint;
  readonly lossBudget: bigint;
  readonly lost: bigint;
  /** {s} */
  readonly deadline: number;
  readonly maxSteps: number;
  readonly steps: number;
  readonly open: boolean;
  readonly endReason: EpisodeEndReason | null;
  /** {s} */
  readonly endedAt: number | null;
};

export type FundHistory = {
  readonly snapshots: readonly Snapshot[];
  readonly assets: readonly AssetSnapshot[];
  readonly steps: readonly RebalanceStepRow[];
  /** Oldest first. */
  readonly episodes: readonly EpisodeRow[];
  /** The last block the indexer has processed. */
  readonly indexedBlock: bigint | undefined;
};

const SNAPSHOTS = `query ($fund: String!, $after: String) {
  snapshots(where: { fund: $fund, onGrid: true }, orderBy: "blockNumber", orderDirection: "asc", limit: 1000, after: $after) {
    items { blockNumber timestamp totalSupply totalValue navPerShare interestUsd pricesOk holdingsOk }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ASSET_SNAPSHOTS = `query ($fund: String!, $after: String) {
  assetSnapshots(where: { fund: $fund }, orderBy: "blockNumber", orderDirection: "asc", limit: 1000, after: $after) {
    items { blockNumber timestamp index symbol decimals price holdings supplied weightBps targetWeightBps interestUsd }
    pageInfo { hasNextPage endCursor }
  }
}`;
const STEPS = `query ($fund: String!, $after: String) {
  rebalanceSteps(where: { fund: $fund }, orderBy: "blockNumber", orderDirection: "asc", limit: 1000, after: $after) {
    items { id blockNumber timestamp txHash byKeeper sent received tradedValue lossUsd boundUsd maxLossBps complete episode episodeStep }
    pageInfo { hasNextPage endCursor }
  }
}`;

const EPISODES = `query ($fund: String!, $after: String) {
  rebalanceEpisodes(where: { fund: $fund }, orderBy: "startedAt", orderDirection: "asc", limit: 1000, after: $after) {
    items { id startedAt startTx overweightValue lossBudget lost deadline maxSteps steps open endReason endedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Raw = Record<string, string | number | boolean | null | string[]>;

export async function getFundHistory(url: string, fund: Address): Promise<FundHistory> {
  const vars = { fund: lower(fund) };
  const [snaps, assets, steps, episodes, status] = await Promise.all([
    all<Raw>(url, "snapshots", SNAPSHOTS, vars),
    all<Raw>(url, "assetSnapshots", ASSET_SNAPSHOTS, vars),
    all<Raw>(url, "rebalanceSteps", STEPS, vars),
    all<Raw>(url, "rebalanceEpisodes", EPISODES, vars),
    getIndexerStatus(url).catch(() => undefined),
  ]);
  const onGrid = new Set(snaps.map((s) => String(s.blockNumber)));
  return {
    snapshots: snaps.map((s) => ({
      blockNumber: big(s.blockNumber as string),
      timestamp: Number(s.timestamp),
      totalSupply: big(s.totalSupply as string),
      totalValue: big(s.totalValue as string),
      navPerShare: big(s.navPerShare as string),
      interestUsd: big(s.interestUsd as string),
      pricesOk: s.pricesOk === true && s.holdingsOk !== false,
    })),
    // The asset rows of the grid's snapshots (events add snapshots off the grid).
    assets: assets
      .filter((a) => onGrid.has(String(a.blockNumber)))
      .map((a) => ({
        blockNumber: big(a.blockNumber as string),
        timestamp: Number(a.timestamp),
        index: Number(a.index),
        symbol: String(a.symbol),
        decimals: Number(a.decimals),
        price: big(a.price as string),
        holdings: big(a.holdings as string),
        supplied: big(a.supplied as string),
        weightBps: Number(a.weightBps),
        targetWeightBps: Number(a.targetWeightBps),
        interestUsd: big(a.interestUsd as string),
      })),
    steps: steps.map((s) => ({
      id: String(s.id),
      blockNumber: big(s.blockNumber as string),
      timestamp: Number(s.timestamp),
      txHash: s.txHash as Hex,
      byKeeper: typeof s.byKeeper === "boolean" ? s.byKeeper : null,
      sent: ((s.sent as string[] | null) ?? []).map(big),
      received: ((s.received as string[] | null) ?? []).map(big),
      tradedValue: big(s.tradedValue as string),
      lossUsd: big(s.lossUsd as string),
      boundUsd: big(s.boundUsd as string),
      maxLossBps: Number(s.maxLossBps),
      complete: s.complete === true,
      episode: typeof s.episode === "string" ? s.episode : null,
      episodeStep: typeof s.episodeStep === "number" ? s.episodeStep : null,
    })),
    episodes: episodes.map((e) => ({
      id: String(e.id),
      startedAt: Number(e.startedAt),
      startTx: e.startTx as Hex,
      overweightValue: big(e.overweightValue as string),
      lossBudget: big(e.lossBudget as string),
      lost: big(e.lost as string),
      deadline: Number(e.deadline),
      maxSteps: Number(e.maxSteps),
      steps: Number(e.steps),
      open: e.open === true,
      endReason: typeof e.endReason === "string" ? (e.endReason as EpisodeEndReason) : null,
      endedAt: e.endedAt === null || e.endedAt === undefined ? null : Number(e.endedAt),
    })),
    indexedBlock: status,
  };
}

/** The last block the indexer has processed (Ponder's /status). */
export async function getIndexerStatus(url: string): Promise<bigint | undefined> {
  const response = await fetch(`${url}/status`);
  if (!response.ok) return undefined;
  const body = (await response.json()) as Record<string, { block?: { number?: number } }>;
  const chain = Object.values(body)[0];
  return chain?.block?.number === undefined ? undefined : BigInt(chain.block.number);
}

export type ActivityRow = {
  readonly id: string;
  readonly kind: string;
  readonly blockNumber: bigint;
  readonly timestamp: number;
  readonly txHash: Hex;
  readonly caller: Address | null;
  readonly account: Address | null;
  readonly receiver: Address | null;
  readonly shares: bigint | null;
  readonly amounts: readonly bigint[] | null;
  readonly valueUsd: bigint | null;
  readonly viaRouter: boolean;
  readonly stableAmount: bigint | null;
  readonly feeShares: bigint | null;
  readonly parameter: string | null;
  readonly details: unknown;
};

const ACTIVITY = `query ($where: activityFilter, $after: String, $limit: Int) {
  activitys(where: $where, orderBy: "blockNumber", orderDirection: "desc", limit: $limit, after: $after) {
    items { id kind blockNumber timestamp txHash caller account receiver shares amounts valueUsd viaRouter stableAmount feeShares parameter details }
    pageInfo { hasNextPage endCursor }
  }
}`;

const opt = (s: unknown): bigint | null => (s === null || s === undefined ? null : BigInt(s as string));

export type ActivityPage = { readonly rows: readonly ActivityRow[]; readonly next: string | null };

/** One page of the activity feed, newest first: the fund's, or one holder's (`account`). */
export async function getActivity(
  url: string,
  p: { fund: Address; account?: Address | undefined; after?: string | null; limit?: number },
): Promise<ActivityPage> {
  const where: Record<string, string> = { fund: lower(p.fund) };
  if (p.account !== undefined) where.account = lower(p.account);
  const data = await gql<{ activitys: Page<Raw & { details: unknown }> }>(url, ACTIVITY, {
    where,
    after: p.after ?? null,
    limit: p.limit ?? 25,
  });
  return {
    rows: data.activitys.items.map((a) => ({
      id: String(a.id),
      kind: String(a.kind),
      blockNumber: big(a.blockNumber as string),
      timestamp: Number(a.timestamp),
      txHash: a.txHash as Hex,
      caller: (a.caller as Address | null) ?? null,
      account: (a.account as Address | null) ?? null,
      receiver: (a.receiver as Address | null) ?? null,
      shares: opt(a.shares),
      amounts: Array.isArray(a.amounts) ? a.amounts.map(big) : null,
      valueUsd: opt(a.valueUsd),
      viaRouter: a.viaRouter === true,
      stableAmount: opt(a.stableAmount),
      feeShares: opt(a.feeShares),
      parameter: (a.parameter as string | null) ?? null,
      details: a.details,
    })),
    next: data.activitys.pageInfo.hasNextPage ? data.activitys.pageInfo.endCursor : null,
  };
}

export type PortfolioEntry = {
  readonly fund: Address;
  readonly shares: bigint;
  readonly valueUsd: bigint;
  readonly costBasisUsd: bigint;
  readonly costKnown: boolean;
  readonly unrealizedPnlUsd: bigint | null;
  readonly realizedPnlUsd: bigint;
  readonly interestUsd: bigint;
  readonly depositedUsd: bigint;
  readonly withdrawnUsd: bigint;
  readonly firstBlock: bigint;
  readonly asOfBlock: bigint | null;
};

/** The holder's position in `fund` as the indexer values it (`/portfolio/<holder>`); undefined: none. */
export async function getPortfolio(
  url: string,
  fund: Address,
  holder: Address,
): Promise<PortfolioEntry | undefined> {
  let response: Response;
  try {
    response = await fetch(`${url}/portfolio/${holder}`);
  } catch {
    throw new IndexerError(`The history indexer at ${url} did not answer.`);
  }
  if (!response.ok) throw new IndexerError(`The history indexer answered HTTP ${response.status}.`);
  const body = (await response.json()) as { positions: Record<string, string | boolean | null>[] };
  const p = body.positions.find((e) => String(e.fund).toLowerCase() === lower(fund));
  if (p === undefined) return undefined;
  return {
    fund,
    shares: big(p.shares as string),
    valueUsd: big(p.valueUsd as string),
    costBasisUsd: big(p.costBasisUsd as string),
    costKnown: p.costKnown === true,
    unrealizedPnlUsd: opt(p.unrealizedPnlUsd),
    realizedPnlUsd: big(p.realizedPnlUsd as string),
    interestUsd: big(p.interestUsd as string),
    depositedUsd: big(p.depositedUsd as string),
    withdrawnUsd: big(p.withdrawnUsd as string),
    firstBlock: big(p.firstBlock as string),
    asOfBlock: opt(p.asOfBlock),
  };
}
