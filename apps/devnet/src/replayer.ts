import { replayPriceFeedAbi } from "@blocketf/abi";
import {
  amountInToReachSqrtPrice,
  BASKET,
  type BasketSymbol,
  type DevClients,
  dexArtifacts,
  NATIVE_BNB,
  poolPrice,
  sqrtPriceX96ForPrice,
  toFeedAnswer,
  venusArtifacts,
  venusPriceKeys,
  venusPriceMantissa,
  withinBps,
} from "@blocketf/testkit";
import { type Address, encodeFunctionData, isAddressEqual, maxUint256 } from "viem";
import type { LocalDeployment } from "./deployment.js";
import { type BatchCall, mineInOneBlock } from "./oneBlock.js";
import {
  type PlannedAdjustment,
  readBooks,
  type UtilizationBand,
  utilizationCalls,
  utilizationWad,
} from "./utilization.js";

export type ReplayClients = {
  /** Owns the feeds and Venus's oracle; the arbitrageur (mints what it swaps). */
  readonly admin: DevClients;
  /** Venus's borrower (the utilisation manager's account). */
  readonly borrower: DevClients;
};

export type ReplayOptions = {
  /** Keep every Venus market's utilisation in this band; `undefined` = leave the borrower alone. */
  readonly utilization?: UtilizationBand | undefined;
};

export type TickReport = {
  date: string;
  swaps: number;
  blocks: number;
  ms: number;
  /** The block in which the day's prices moved (feeds, Venus's oracle and every pool together). */
  moveBlock: bigint;
  /** The utilisation manager's repays and borrows, mined in the move's block. */
  adjustments: PlannedAdjustment[];
  /** Adjustments left out or reverted (e.g. a borrow the borrower's collateral does not cover). */
  skipped: PlannedAdjustment[];
  /** D18{1} Each Venus market's utilisation at the end of the day (stored figures). */
  utilization: Record<BasketSymbol, bigint>;
};

/** A transaction of the day's market move reverted: the devnet's market would be incoherent. */
export class ReplayError extends Error {
  override readonly name = "ReplayError";
}

/**
 * Pools closer than this to the day's price are left alone. Well under every fee tier (1 bps is the
 * lowest), so after a move every pool sits on its feed, not merely inside its no-arbitrage band.
 */
const SKIP_BPS = "0.1";

// Fixed gas limits (the batch is prepared before anything in it is mined), padded over what each costs:
// ~40–90k accrueInterest, ~30k setAnswer/setDirectPrice, ~30–45k faucet/deposit/approve, ~110–180k a full-range swap.
const GAS = { accrue: 300_000n, price: 120_000n, mint: 150_000n, approve: 100_000n, swap: 600_000n } as const;

/**
 * `accrueInterest` on every Venus market: on BNB Chain markets are touched all the time, so interest
 * compounds; on the devnet a market nobody uses would otherwise sit on its stored figures for days, and
 * everything reading them (the keeper's utilisation check, NAV previews) would see stale debt.
 */
function accrueCalls(admin: DevClients, deployment: LocalDeployment): BatchCall[] {
  const markets: [string, Address][] = BASKET.map((symbol) => [symbol, deployment.venus.vTokens[symbol]]);
  markets.push(["vBNB", deployment.venus.vBNB]);
  return markets.map(([symbol, vToken]) => ({
    from: admin,
    to: vToken,
    data: encodeFunctionData({ abi: venusArtifacts.vBep20DelegateAbi, functionName: "accrueInterest" }),
    gas: GAS.accrue,
    label: `accrue ${symbol}`,
  }));
}

/** The feed and Venus-oracle updates of one day, for every basket asset. */
function priceCalls(
  admin: DevClients,
  deployment: LocalDeployment,
  prices: Readonly<Record<BasketSymbol, number>>,
): BatchCall[] {
  return BASKET.flatMap((symbol): BatchCall[] => [
    {
      from: admin,
      to: deployment.feeds[symbol],
      data: encodeFunctionData({
        abi: replayPriceFeedAbi,
        functionName: "setAnswer",
        args: [toFeedAnswer(prices[symbol])],
      }),
      gas: GAS.price,
      label: `feed ${symbol}`,
    },
    // Venus's oracle too, so borrowers' health follows the market (every basket token has 18 decimals);
    // BNB's price keys both vWBNB (WBNB) and the native vBNB.
    ...venusPriceKeys(deployment.tokens, symbol).map(
      (token): BatchCall => ({
        from: admin,
        to: deployment.venus.oracle,
        data: encodeFunctionData({
          abi: venusArtifacts.simplePriceOracleAbi,
          functionName: "setDirectPrice",
          args: [token, venusPriceMantissa(prices[symbol], 18)],
        }),
        gas: GAS.price,
        label: `venus oracle ${symbol}${isAddressEqual(token, NATIVE_BNB) ? " (native)" : ""}`,
      }),
    ),
  ]);
}

/**
 * One swap per pool off its price, with `sqrtPriceLimitX96` = the day's price: it stops exactly there.
 * The amount is the closed form for the pool's active liquidity (all full range on the devnet) plus 2 %,
 * which the limit leaves unspent unless another trade in the same block moved the pool first. The
 * admin mints what it swaps (faucet; WBNB from BNB that anvil credits) and approves the router once.
 */
async function arbitrageCalls(
  admin: DevClients,
  deployment: LocalDeployment,
  prices: Readonly<Record<BasketSymbol, number>>,
): Promise<BatchCall[]> {
  const me = admin.account.address;
  const router = deployment.dex.router;
  const { mockTokenAbi, wbnbAbi } = venusArtifacts;
  const calls: BatchCall[] = [];
  for (const symbol of BASKET) {
    if (symbol === "USDT") continue;
    const state = await poolPrice({ client: admin.wallet, pool: deployment.dex.pools[symbol].pool });
    const aIsToken0 = isAddressEqual(deployment.tokens[symbol], state.token0);
    const target = sqrtPriceX96ForPrice({
      priceAInB: prices[symbol],
      decimalsA: 18,
      decimalsB: 18,
      aIsToken0,
    });
    if (withinBps(state.sqrtPriceX96, target, SKIP_BPS)) continue;
    const step = amountInToReachSqrtPrice({
      liquidity: state.liquidity,
      sqrtPriceX96: state.sqrtPriceX96,
      targetSqrtPriceX96: target,
      fee: state.fee,
    });
    const budget = step.amountIn + step.amountIn / 50n + 64n;
    const [tokenIn, tokenOut] = step.zeroForOne ? [state.token0, state.token1] : [state.token1, state.token0];
    if (isAddressEqual(tokenIn, deployment.tokens.WBNB)) {
      const balance = await admin.publicClient.getBalance({ address: me });
      await admin.test.setBalance({ address: me, value: balance + budget });
      calls.push({
        from: admin,
        to: tokenIn,
        data: encodeFunctionData({ abi: wbnbAbi, functionName: "deposit" }),
        value: budget,
        gas: GAS.mint,
        label: `wrap BNB for ${symbol}`,
      });
    } else {
      calls.push({
        from: admin,
        to: tokenIn,
        data: encodeFunctionData({ abi: mockTokenAbi, functionName: "faucet", args: [budget] }),
        gas: GAS.mint,
        label: `faucet for ${symbol}`,
      });
    }
    const allowance = await admin.publicClient.readContract({
      address: tokenIn,
      abi: mockTokenAbi,
      functionName: "allowance",
      args: [me, router],
    });
    if (allowance < budget) {
      calls.push({
        from: admin,
        to: tokenIn,
        data: encodeFunctionData({ abi: mockTokenAbi, functionName: "approve", args: [router, maxUint256] }),
        gas: GAS.approve,
        label: `approve router for ${symbol}`,
      });
    }
    calls.push({
      from: admin,
      to: router,
      data: encodeFunctionData({
        abi: dexArtifacts.swapRouterAbi,
        functionName: "exactInputSingle",
        args: [
          {
            tokenIn,
            tokenOut,
            fee: state.fee,
            recipient: me,
            deadline: maxUint256,
            amountIn: budget,
            amountOutMinimum: 0n,
            sqrtPriceLimitX96: target,
          },
        ],
      }),
      gas: GAS.swap,
      label: `swap ${symbol}`,
    });
  }
  return calls;
}

const swapsIn = (calls: readonly BatchCall[]): number =>
  calls.filter((c) => c.label.startsWith("swap ")).length;

/**
 * Moves the devnet one replayed day in ONE block: at the day's close, every price feed and Venus's oracle
 * take the day's closes (after every Venus market accrues its interest), then each DEX pool is arbitraged
 * to them (and the utilisation manager's repays and borrows follow), all with automine paused, so no block ever shows a half-moved market. The chain
 * then mines the rest of the day's blocks so Venus accrues a day of interest.
 */
export async function replayDay(
  clients: ReplayClients,
  deployment: LocalDeployment,
  date: string,
  prices: Readonly<Record<BasketSymbol, number>>,
  options: ReplayOptions = {},
): Promise<TickReport> {
  const { admin } = clients;
  const started = Date.now();
  const startBlock = await admin.publicClient.getBlockNumber({ cacheTime: 0 });
  const close = BigInt(Math.floor(Date.parse(`${date}T23:59:59Z`) / 1000));
  const now = (await admin.publicClient.getBlock({ blockTag: "latest" })).timestamp;

  const moves = [
    ...accrueCalls(admin, deployment),
    ...priceCalls(admin, deployment, prices),
    ...(await arbitrageCalls(admin, deployment, prices)),
  ];
  const managed =
    options.utilization === undefined
      ? { calls: [], planned: [], skipped: [] }
      : await utilizationCalls(clients.borrower, deployment, options.utilization);
  const move = await mineInOneBlock(
    admin,
    [...moves, ...managed.calls],
    close > now ? { timestamp: close } : {},
  );
  const failed = move.reverted.filter((c) => moves.includes(c));
  if (failed.length > 0) {
    throw new ReplayError(
      `${date}: ${failed.map((c) => c.label).join(", ")} reverted in block ${move.block}; the market move is incomplete`,
    );
  }
  const revertedSymbols = new Set(move.reverted.map((c) => c.label.split(" ")[1]));
  const adjustments = managed.planned.filter((a) => !revertedSymbols.has(a.symbol));
  const skipped = [...managed.skipped, ...managed.planned.filter((a) => revertedSymbols.has(a.symbol))];

  // A trade mined ahead of an arbitrage swap in the same block (e.g. a keeper's with a higher tip) leaves
  // its pool short of the price: arbitrage again, in one more block each time.
  let swaps = swapsIn(moves);
  for (let round = 0; round < 2; round++) {
    const again = await arbitrageCalls(admin, deployment, prices);
    if (again.length === 0) break;
    const fixed = await mineInOneBlock(admin, again);
    if (fixed.reverted.length > 0) {
      throw new ReplayError(
        `${date}: ${fixed.reverted.map((c) => c.label).join(", ")} reverted in block ${fixed.block}`,
      );
    }
    swaps += swapsIn(again);
  }

  const used = Number((await admin.publicClient.getBlockNumber({ cacheTime: 0 })) - startBlock);
  const left = deployment.venus.blocksPerDay - used;
  if (left > 0) await admin.test.mine({ blocks: left });
  const books = await readBooks(admin, deployment);
  return {
    date,
    swaps,
    blocks: Math.max(used, deployment.venus.blocksPerDay),
    ms: Date.now() - started,
    moveBlock: move.block,
    adjustments,
    skipped,
    utilization: Object.fromEntries(BASKET.map((s) => [s, utilizationWad(books[s])])) as Record<
      BasketSymbol,
      bigint
    >,
  };
}
