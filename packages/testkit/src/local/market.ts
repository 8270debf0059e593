import { blockEtfAbi, replayPriceFeedAbi } from "@blocketf/abi";
import { BASKET, type BasketSymbol, CT5U, type PooledSymbol, specRoutes } from "@blocketf/core";
import { buildCall, deployRebalancer, routeSlippageBps, v3Path, write } from "@blocketf/sdk";
import {
  type Address,
  type EncodeFunctionDataParameters,
  encodeFunctionData,
  parseEther,
  type TransactionReceipt,
} from "viem";
import type { DevClients } from "./chain.js";
import { createPoolWithLiquidity, type Dex, deployDex, moveTowardsPrice } from "./dex/deployDex.js";
import { toFeedAnswer } from "./fund/deployFund.js";
import { acquireToken, type LocalStack } from "./stack.js";
import { NATIVE_BNB, venusPriceMantissa } from "./venus/deployVenus.js";
import * as venusArtifacts from "./venus/generated/index.js";

export type { PooledSymbol };

/**
 * PancakeSwap V3 fee tier of each asset's pool against USDT: the spec's (data/pancakeswap_fee_reference.csv).
 * The pooled assets only: the stablecoin has no pool against itself (its spec fee tier is 0).
 */
export const POOL_FEE: Readonly<Record<PooledSymbol, number>> = Object.fromEntries(
  specRoutes(CT5U).map((r) => [r.symbol, r.feeTier]),
) as Record<PooledSymbol, number>;

/** {USD} Value of each local pool: full range, half in the asset, half in USDT. */
export const POOL_TVL_USD = 5_000_000;

/**
 * The local rebalancer's routes (the spec's step bounds): one hop through each asset's pool, at most the
 * spec's local `maxTradeUsd` ($5,000, 0.1 % of the pool's value) per step. Sized from the pool, not
 * guessed: a trade of `x` in a full-range pool holding `R` of each side executes about `x / R` below the
 * pool's price, so $5,000 against $2.5M costs ~0.2 % plus the fee per swap. (2 % of TVL, $100,000, would
 * cost ~4 % per swap and always revert.)
 */
export const ROUTE_MAX_TRADE_USD: number = CT5U.routes.maxTradeUsd.local;

/** {bps} What a local route may lose beyond its fee: the fund spec's devnet impact allowance. */
export const ROUTE_IMPACT_ALLOWANCE_BPS: number = CT5U.routes.impactAllowanceBps.local;

/**
 * {bps} Each local route's per-swap slippage bound: its pool's fee tier plus the impact allowance (30 bps
 * for the 0.05 % pools, 26 for WBNB's 0.01 %, 50 for the 0.25 % ones) instead of one 1 % for every route,
 * which let a pool pushed 0.6 % cost a 0.05 %-fee swap 96 bps.
 */
export const ROUTE_SLIPPAGE_BPS: Readonly<Record<PooledSymbol, number>> = Object.fromEntries(
  Object.entries(POOL_FEE).map(([symbol, fee]) => [
    symbol,
    routeSlippageBps({ feeTiers: [fee], impactAllowanceBps: ROUTE_IMPACT_ALLOWANCE_BPS }),
  ]),
) as Record<PooledSymbol, number>;

export type LocalPools = Readonly<Record<PooledSymbol, { readonly pool: Address; readonly fee: number }>>;

/**
 * Deploys PancakeSwap V3 (its own npm artifacts, `deployDex`) and one $5M full-range USDT pool per asset at
 * `pricesUsd`, each at its BNB Chain fee tier (`POOL_FEE`); the admin mints the liquidity.
 */
export async function deployLocalDex(
  admin: DevClients,
  stack: Pick<LocalStack, "tokens">,
  pricesUsd: Readonly<Record<BasketSymbol, number>>,
): Promise<{ dex: Dex; pools: LocalPools }> {
  const dex = await deployDex({ client: admin.wallet, wbnb: stack.tokens.WBNB });
  const pools = {} as Record<PooledSymbol, { pool: Address; fee: number }>;
  for (const symbol of BASKET) {
    if (symbol === "USDT") continue;
    const fee = POOL_FEE[symbol];
    const half = POOL_TVL_USD / 2;
    const amountA = parseEther((half / pricesUsd[symbol]).toFixed(12));
    const amountB = parseEther(String(half));
    await acquireToken(admin, stack.tokens, stack.tokens[symbol], amountA);
    await acquireToken(admin, stack.tokens, stack.tokens.USDT, amountB);
    const pool = await createPoolWithLiquidity({
      client: admin.wallet,
      dex,
      tokenA: stack.tokens[symbol],
      tokenB: stack.tokens.USDT,
      fee,
      priceAInB: pricesUsd[symbol],
      decimalsA: 18,
      decimalsB: 18,
      amountA,
      amountB,
    });
    pools[symbol] = { pool, fee };
  }
  return { dex, pools };
}

/**
 * Deploys the fund's rebalancer with a route through each asset's local pool, makes it the fund's
 * rebalancer and `keeper` the fund's keeper (the admin owns the fund on local stacks).
 */
export async function wireRebalancer(
  admin: DevClients,
  p: {
    fund: Address;
    router: Address;
    tokens: Readonly<Record<BasketSymbol, Address>>;
    keeper: Address;
    stepInterval?: number;
  },
): Promise<Address> {
  const maxTradeValue = parseEther(String(ROUTE_MAX_TRADE_USD));
  const token = (symbol: string): Address => p.tokens[symbol as BasketSymbol];
  const routes = specRoutes(CT5U).map((r) => ({
    index: r.index,
    route: {
      sellPath: v3Path(token(r.sell[0]), r.feeTier, token(r.sell[2])),
      buyPath: v3Path(token(r.buy[0]), r.feeTier, token(r.buy[2])),
      maxSlippageBps: ROUTE_SLIPPAGE_BPS[r.symbol as PooledSymbol],
      maxTradeValue,
    },
  }));
  const rebalancer = await deployRebalancer(admin, {
    fund: p.fund,
    router: p.router,
    stableIndex: BASKET.indexOf(CT5U.stable),
    owner: admin.account.address,
    routes,
    ...(p.stepInterval === undefined ? {} : { stepInterval: p.stepInterval }),
  });
  await write(admin.wallet, {
    request: buildCall({ address: p.fund, abi: blockEtfAbi, functionName: "setKeeper", args: [p.keeper] }),
  });
  return rebalancer;
}

/**
 * Sends a contract call from `who` through the SDK's `write` (simulated, estimated, padded with the SDK's
 * one policy, confirmed): a revert is a typed error before anything is sent.
 */
export async function sendPadded(
  who: DevClients,
  request: Parameters<DevClients["wallet"]["writeContract"]>[0],
): Promise<TransactionReceipt> {
  const data = encodeFunctionData(request as unknown as EncodeFunctionDataParameters);
  const { receipt } = await write(who.wallet, {
    request: { to: request.address, data, value: request.value ?? 0n },
  });
  return receipt;
}

/**
 * The tokens Venus's oracle prices for a basket symbol: WBNB's price is BNB's, for vWBNB (keyed by WBNB)
 * and for the native vBNB (keyed by `NATIVE_BNB`) alike.
 */
export function venusPriceKeys(
  tokens: Readonly<Record<BasketSymbol, Address>>,
  symbol: BasketSymbol,
): Address[] {
  return symbol === "WBNB" ? [tokens.WBNB, NATIVE_BNB] : [tokens[symbol]];
}

/** The oracle side of a market move on a local stack: the fund's feed and Venus's oracle go to `priceUsd`. */
export async function moveOracles(
  admin: DevClients,
  stack: Pick<LocalStack, "feeds" | "tokens" | "venus">,
  symbol: PooledSymbol,
  priceUsd: number,
): Promise<void> {
  for (const request of [
    {
      address: stack.feeds[symbol],
      abi: replayPriceFeedAbi,
      functionName: "setAnswer",
      args: [toFeedAnswer(priceUsd)],
    } as const,
    ...venusPriceKeys(stack.tokens, symbol).map(
      (token) =>
        ({
          address: stack.venus.oracle,
          abi: venusArtifacts.simplePriceOracleAbi,
          functionName: "setDirectPrice",
          args: [token, venusPriceMantissa(priceUsd, 18)],
        }) as const,
    ),
  ]) {
    const receipt = await sendPadded(admin, request);
    if (receipt.status !== "success") throw new Error(`moving the ${symbol} oracle reverted`);
  }
}

/**
 * Swaps `symbol`'s local pool to `priceUsd` (an arbitrageur putting it on the oracle, or an attacker
 * pushing it off); `who` is given the tokens it needs.
 */
export async function movePool(
  who: DevClients,
  local: { readonly stack: Pick<LocalStack, "tokens">; readonly pools: LocalPools; readonly router: Address },
  symbol: PooledSymbol,
  priceUsd: number,
): Promise<void> {
  await moveTowardsPrice({
    client: who.wallet,
    dex: { router: local.router },
    pool: local.pools[symbol].pool,
    tokenA: local.stack.tokens[symbol],
    priceAInB: priceUsd,
    decimalsA: 18,
    decimalsB: 18,
    toleranceBps: 2,
    maxSwaps: 6,
    ensureBalance: (token, amount) => acquireToken(who, local.stack.tokens, token, amount),
  });
}
