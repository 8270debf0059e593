/**
 * PancakeSwap V3 on anvil, deployed from PancakeSwap's own published npm artifacts:
 * `PancakeV3Factory` and `PancakeV3Pool` from `@pancakeswap/v3-core@1.0.2`,
 * `NonfungiblePositionManager`, `SwapRouter` and `QuoterV2` from `@pancakeswap/v3-periphery@1.0.2`
 * (1.0.3 ships no artifacts). The one contract npm lacks, `PancakeV3PoolDeployer`, is ours
 * (contracts/src/devnet/PancakeV3PoolDeployer.sol): it CREATE2s PancakeSwap's own pool creation code, whose
 * keccak256 is BNB Chain's init-code hash (`PANCAKE_V3_POOL_INIT_CODE_HASH`, checked by its constructor),
 * with PancakeSwap's salt, so every pool sits where PancakeSwap's periphery and SDK compute it
 * (`pancakeV3PoolAddress`) and every swap calls back `pancakeV3SwapCallback`, as on BNB Chain.
 * PancakeV3Factory enables PancakeSwap's four fee tiers itself: 100/1, 500/10, 2500/50 and 10000/200.
 *
 * The contract ABIs and bytecode come from `./generated/`, written by `scripts/generateDexAbis.ts`
 * (`npm run setup -w @blocketf/testkit`), and from `@blocketf/abi` for the pool deployer.
 */

import { pancakeV3PoolDeployerAbi, pancakeV3PoolDeployerBytecode } from "@blocketf/abi";
import { padGasLimit, prepareWrite, sendPreparedWrite, TransactionRevertedError } from "@blocketf/sdk";
import {
  type Account,
  type Address,
  BaseError,
  type Chain,
  type Client,
  ContractFunctionRevertedError,
  encodeAbiParameters,
  encodeDeployData,
  encodeFunctionData,
  erc20Abi,
  getAddress,
  getContractAddress,
  type Hash,
  type Hex,
  isAddressEqual,
  keccak256,
  maxUint256,
  parseEventLogs,
  type TransactionReceipt,
  type Transport,
  zeroAddress,
} from "viem";
import {
  call,
  estimateContractGas,
  getTransaction,
  readContract,
  simulateContract,
  waitForTransactionReceipt,
} from "viem/actions";
import {
  DexTransactionError,
  FeeTierNotEnabledError,
  InsufficientBalanceError,
  InvalidDexArgumentError,
  PoolAlreadyExistsError,
  PoolNotFoundError,
  QuoteFailedError,
  SwapRevertedError,
  TargetPriceNotReachedError,
  TokenNotInPoolError,
} from "./errors.js";
import {
  nonfungiblePositionManagerAbi,
  nonfungiblePositionManagerBytecode,
} from "./generated/nonfungiblePositionManager.js";
import { pancakeV3FactoryAbi, pancakeV3FactoryBytecode } from "./generated/pancakeV3Factory.js";
import { pancakeV3PoolAbi, pancakeV3PoolBytecode } from "./generated/pancakeV3Pool.js";
import { quoterV2Abi, quoterV2Bytecode } from "./generated/quoterV2.js";
import { swapRouterAbi, swapRouterBytecode } from "./generated/swapRouter.js";
import {
  amountInToReachSqrtPrice,
  amountsForTvl,
  type Decimal,
  fullRangeTicks,
  MAX_SQRT_RATIO,
  MIN_SQRT_RATIO,
  priceFromSqrtPriceX96,
  type Ratio,
  sqrtPriceX96ForPrice,
  withinBps,
} from "./math.js";

/**
 * Any viem client that can read and send from an account: `createWalletClient({ account, ... })`
 * (optionally `.extend(publicActions)`), or `createTestClient({ mode: "anvil", account, ... })`.
 */
export type DexClient = Client<Transport, Chain | undefined, Account>;

/** Addresses of a deployed DEX. */
export type Dex = {
  /** Our PancakeV3PoolDeployer: pools are CREATE2'd from it, and the periphery derives them from it. */
  readonly poolDeployer: Address;
  readonly factory: Address;
  readonly positionManager: Address;
  readonly router: Address;
  readonly quoter: Address;
  readonly wbnb: Address;
};

const POLL_MS = 25;

function errorSummary(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}

/** The revert reason in a viem error, when the node returned one ("Too little received", ...). */
export function revertReason(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError) return reverted.reason ?? reverted.data?.errorName;
  return undefined;
}

async function attempt<T>(what: string, advice: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DexTransactionError) throw error;
    throw new DexTransactionError(`${what} failed: ${errorSummary(error)}; ${advice}`, { cause: error });
  }
}

async function confirm(client: DexClient, hash: Hash, what: string): Promise<TransactionReceipt> {
  const receipt = await waitForTransactionReceipt(client, { hash, pollingInterval: POLL_MS });
  if (receipt.status !== "success") {
    const reason = await replayReason(client, hash, receipt);
    throw new DexTransactionError(
      `${what} reverted in transaction ${hash} (block ${receipt.blockNumber}): ${reason}; trace it with \`cast run ${hash}\``,
    );
  }
  return receipt;
}

/**
 * Sends a call (or a contract creation when `to` is omitted) through the SDK (`prepareWrite`, then
 * `sendPreparedWrite`): simulated, estimated and padded with the SDK's one gas policy (`padGasLimit`; the
 * margin matters: a V3 pool writes an oracle observation only when block.timestamp has changed, so an
 * estimate taken in one second can run out of gas when mined in the next), confirmed. With `gas` (a
 * limit the caller padded from its own estimate) nothing is simulated again. A transaction mined and
 * reverted returns its hash all the same: `confirm` explains it with a replay.
 */
async function send(
  client: DexClient,
  request: { readonly to?: Address; readonly data: Hex; readonly gas?: bigint },
): Promise<Hash> {
  const prepared = await prepareWrite(client, {
    request: { to: request.to, data: request.data },
    gas: request.gas,
  });
  try {
    return (await sendPreparedWrite(client, { prepared })).hash;
  } catch (error: unknown) {
    if (error instanceof TransactionRevertedError) return error.hash;
    throw error;
  }
}

/** Why a mined transaction reverted: out of gas, or the reason of a replay on the state before its block. */
async function replayReason(client: DexClient, hash: Hash, receipt: TransactionReceipt): Promise<string> {
  try {
    const tx = await getTransaction(client, { hash });
    if (receipt.gasUsed >= tx.gas)
      return `out of gas at its limit of ${tx.gas}; send it with a higher gas limit`;
    await call(client, {
      account: tx.from,
      to: tx.to,
      data: tx.input,
      value: tx.value,
      gas: tx.gas,
      blockNumber: receipt.blockNumber - 1n,
    });
    return "a replay on the previous block succeeds; another transaction in its block changed the state";
  } catch (error) {
    return errorSummary(error);
  }
}

async function deployed(client: DexClient, hash: Hash, what: string): Promise<Address> {
  const receipt = await confirm(client, hash, `deploying ${what}`);
  if (receipt.contractAddress === null || receipt.contractAddress === undefined)
    throw new DexTransactionError(
      `deploying ${what} created no contract (transaction ${hash}); is the node an EVM chain?`,
    );
  return getAddress(receipt.contractAddress);
}

/** keccak256 of PancakeV3Pool's creation code: BNB Chain's PancakeSwap V3 `POOL_INIT_CODE_HASH`. */
export const PANCAKE_V3_POOL_INIT_CODE_HASH: Hex =
  "0x6ce8eb472fa82df5469c6ab6d485f17c3ad13c8cd7af59b3d4a8026c5ce0f7e2";

/**
 * Where a PancakeSwap V3 pool of `deployer` lives, as PancakeSwap's periphery computes it
 * (`PoolAddress.computeAddress`): CREATE2 from the deployer, salt keccak256(abi.encode(token0, token1,
 * fee)), the init-code hash. On BNB Chain pass PancakeSwap's deployer (the SDK's `bsc.pancakeswapV3`).
 */
export function pancakeV3PoolAddress(p: {
  readonly deployer: Address;
  readonly tokenA: Address;
  readonly tokenB: Address;
  readonly fee: number;
}): Address {
  const [token0, token1] = BigInt(p.tokenA) < BigInt(p.tokenB) ? [p.tokenA, p.tokenB] : [p.tokenB, p.tokenA];
  return getContractAddress({
    opcode: "CREATE2",
    from: p.deployer,
    salt: keccak256(
      encodeAbiParameters(
        [{ type: "address" }, { type: "address" }, { type: "uint24" }],
        [token0, token1, p.fee],
      ),
    ),
    bytecodeHash: PANCAKE_V3_POOL_INIT_CODE_HASH,
  });
}

/**
 * Deploys our PancakeV3PoolDeployer (with PancakeSwap's pool creation code), PancakeV3Factory(deployer),
 * hands the deployer its factory, then NonfungiblePositionManager(deployer, factory, wbnb, descriptor =
 * 0), SwapRouter and QuoterV2 (deployer, factory, wbnb). Six transactions.
 */
export async function deployDex(params: {
  readonly client: DexClient;
  readonly wbnb: Address;
}): Promise<Dex> {
  const { client } = params;
  const wbnb = getAddress(params.wbnb);
  const advice =
    "check that the node is anvil started by startAnvil() and that the account holds BNB for gas";
  return attempt("deployDex", advice, async () => {
    const poolDeployer = await deployed(
      client,
      await send(client, {
        data: encodeDeployData({
          abi: pancakeV3PoolDeployerAbi,
          bytecode: pancakeV3PoolDeployerBytecode,
          args: [pancakeV3PoolBytecode],
        }),
      }),
      "PancakeV3PoolDeployer",
    );
    const factory = await deployed(
      client,
      await send(client, {
        data: encodeDeployData({
          abi: pancakeV3FactoryAbi,
          bytecode: pancakeV3FactoryBytecode,
          args: [poolDeployer],
        }),
      }),
      "PancakeV3Factory",
    );
    // None of the following depends on another's state, so send them all, then collect the receipts.
    const setFactory = await send(client, {
      to: poolDeployer,
      data: encodeFunctionData({
        abi: pancakeV3PoolDeployerAbi,
        functionName: "setFactoryAddress",
        args: [factory],
      }),
    });
    const periphery = [poolDeployer, factory, wbnb] as const;
    const deploys = [
      await send(client, {
        data: encodeDeployData({
          abi: nonfungiblePositionManagerAbi,
          bytecode: nonfungiblePositionManagerBytecode,
          args: [...periphery, zeroAddress],
        }),
      }),
      await send(client, {
        data: encodeDeployData({ abi: swapRouterAbi, bytecode: swapRouterBytecode, args: periphery }),
      }),
      await send(client, {
        data: encodeDeployData({ abi: quoterV2Abi, bytecode: quoterV2Bytecode, args: periphery }),
      }),
    ] as const;
    await confirm(client, setFactory, "PancakeV3PoolDeployer.setFactoryAddress");
    const [positionManager, router, quoter] = await Promise.all([
      deployed(client, deploys[0], "NonfungiblePositionManager"),
      deployed(client, deploys[1], "SwapRouter"),
      deployed(client, deploys[2], "QuoterV2"),
    ]);
    return { poolDeployer, factory, positionManager, router, quoter, wbnb };
  });
}

async function tokenDecimals(client: DexClient, token: Address, given: number | undefined): Promise<number> {
  if (given !== undefined) return given;
  return attempt(
    `reading decimals() of ${token}`,
    "pass decimalsA/decimalsB explicitly or check the token address",
    () => readContract(client, { address: token, abi: erc20Abi, functionName: "decimals" }),
  );
}

async function requireBalance(client: DexClient, token: Address, amount: bigint): Promise<void> {
  const owner = client.account.address;
  const balance = await readContract(client, {
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [owner],
  });
  if (balance < amount)
    throw new InsufficientBalanceError(
      `${owner} holds ${balance} of token ${token} but needs ${amount}; mint or transfer the difference to it first`,
    );
}

/** Approves `spender` for the maximum amount unless its allowance already covers `amount`. */
async function ensureAllowance(
  client: DexClient,
  token: Address,
  spender: Address,
  amount: bigint,
): Promise<void> {
  const allowance = await readContract(client, {
    address: token,
    abi: erc20Abi,
    functionName: "allowance",
    args: [client.account.address, spender],
  });
  if (allowance >= amount) return;
  const hash = await send(client, {
    to: token,
    data: encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [spender, maxUint256] }),
  });
  await confirm(client, hash, `approve(${spender}) on ${token}`);
}

async function tickSpacingOf(client: DexClient, factory: Address, fee: number): Promise<number> {
  const spacing = await readContract(client, {
    address: factory,
    abi: pancakeV3FactoryAbi,
    functionName: "feeAmountTickSpacing",
    args: [fee],
  });
  if (spacing === 0)
    throw new FeeTierNotEnabledError(
      `fee tier ${fee} is not enabled on factory ${factory}; use 100, 500, 2500 or 10000, or call enableFeeAmount first`,
    );
  return spacing;
}

/** How to fund a new pool: exact raw amounts, or a total value in USD split evenly between the two tokens. */
export type PoolFunding =
  | { readonly amountA: bigint; readonly amountB: bigint }
  | {
      /** Total value of the position in USD, half in each token. */
      readonly tvlUsd: Decimal;
      /** USD price of one whole token B (1 for USDT). */
      readonly priceBInUsd: Decimal;
    };

export type CreatePoolParams = {
  readonly client: DexClient;
  readonly dex: Pick<Dex, "factory" | "positionManager">;
  readonly tokenA: Address;
  readonly tokenB: Address;
  /** Fee in hundredths of a bip: 100, 500, 2500 or 10000. */
  readonly fee: number;
  /** Price of one whole A in whole B, e.g. "65000" for BTCB in USDT. */
  readonly priceAInB: Decimal;
  /** Read from the tokens when omitted. */
  readonly decimalsA?: number;
  readonly decimalsB?: number;
  /** Owner of the position NFT; the client's account by default. */
  readonly recipient?: Address;
} & PoolFunding;

/**
 * Creates and initialises the pool at exactly `priceAInB` (sqrtPriceX96 rounded down, so within 1e-28
 * relative) through the position manager, then adds full-range liquidity from the client's account,
 * which must hold the amounts (the position takes the binding side in full and at most that value of the
 * other). Returns the pool address. Three to five transactions: create, mint, and approvals when missing.
 */
export async function createPoolWithLiquidity(params: CreatePoolParams): Promise<Address> {
  const { client, dex, fee } = params;
  const tokenA = getAddress(params.tokenA);
  const tokenB = getAddress(params.tokenB);
  if (isAddressEqual(tokenA, tokenB))
    throw new InvalidDexArgumentError(
      `tokenA and tokenB are both ${tokenA}; a pool needs two different tokens`,
    );
  const [tickSpacing, existing, decimalsA, decimalsB] = await Promise.all([
    tickSpacingOf(client, dex.factory, fee),
    readContract(client, {
      address: dex.factory,
      abi: pancakeV3FactoryAbi,
      functionName: "getPool",
      args: [tokenA, tokenB, fee],
    }),
    tokenDecimals(client, tokenA, params.decimalsA),
    tokenDecimals(client, tokenB, params.decimalsB),
  ]);
  if (existing !== zeroAddress)
    throw new PoolAlreadyExistsError(
      `pool ${existing} for ${tokenA}/${tokenB} at fee ${fee} already exists; use moveTowardsPrice to re-price it`,
    );

  const aIsToken0 = BigInt(tokenA) < BigInt(tokenB);
  const sqrtPriceX96 = sqrtPriceX96ForPrice({ priceAInB: params.priceAInB, decimalsA, decimalsB, aIsToken0 });
  const { amountA, amountB } =
    "amountA" in params
      ? params
      : amountsForTvl({
          tvlUsd: params.tvlUsd,
          priceAInB: params.priceAInB,
          priceBInUsd: params.priceBInUsd,
          decimalsA,
          decimalsB,
        });
  if (amountA <= 0n || amountB <= 0n)
    throw new InvalidDexArgumentError(
      `liquidity amounts must be positive (got ${amountA} A, ${amountB} B); raise the amounts or tvlUsd`,
    );
  const [token0, token1] = aIsToken0 ? [tokenA, tokenB] : [tokenB, tokenA];
  const [amount0, amount1] = aIsToken0 ? [amountA, amountB] : [amountB, amountA];

  await Promise.all([requireBalance(client, token0, amount0), requireBalance(client, token1, amount1)]);
  const { tickLower, tickUpper } = fullRangeTicks(tickSpacing);
  return attempt(
    `creating the ${token0}/${token1} pool at fee ${fee}`,
    "check the amounts and the token contracts",
    async () => {
      await ensureAllowance(client, token0, dex.positionManager, amount0);
      await ensureAllowance(client, token1, dex.positionManager, amount1);
      // Gas is estimated here, not by the node: the estimate also reports a revert with its reason before
      // anything is mined.
      const created = await confirm(
        client,
        await send(client, {
          to: dex.positionManager,
          data: encodeFunctionData({
            abi: nonfungiblePositionManagerAbi,
            functionName: "createAndInitializePoolIfNecessary",
            args: [token0, token1, fee, sqrtPriceX96],
          }),
        }),
        "NonfungiblePositionManager.createAndInitializePoolIfNecessary",
      );
      const [event] = parseEventLogs({
        abi: pancakeV3FactoryAbi,
        eventName: "PoolCreated",
        logs: created.logs,
      });
      if (event === undefined)
        throw new DexTransactionError(
          `no PoolCreated event from factory ${dex.factory}; is dex.factory the position manager's factory?`,
        );
      const mint = encodeFunctionData({
        abi: nonfungiblePositionManagerAbi,
        functionName: "mint",
        args: [
          {
            token0,
            token1,
            fee,
            tickLower,
            tickUpper,
            amount0Desired: amount0,
            amount1Desired: amount1,
            amount0Min: 0n,
            amount1Min: 0n,
            recipient: params.recipient ?? client.account.address,
            deadline: maxUint256,
          },
        ],
      });
      await confirm(
        client,
        await send(client, { to: dex.positionManager, data: mint }),
        "NonfungiblePositionManager.mint",
      );
      return event.args.pool;
    },
  );
}

export type PoolState = {
  readonly pool: Address;
  readonly token0: Address;
  readonly token1: Address;
  readonly fee: number;
  readonly sqrtPriceX96: bigint;
  readonly tick: number;
  /** Active liquidity (for a pool with only full-range positions: the L of x·y = L²). */
  readonly liquidity: bigint;
  /** Exact raw price of token0 in token1: sqrtPriceX96² / 2^192. */
  readonly price: Ratio;
};

/** Reads slot0, tokens, fee and liquidity of a pool; `price` is the raw token1-per-token0 ratio. */
export async function poolPrice(params: {
  readonly client: DexClient;
  readonly pool: Address;
}): Promise<PoolState> {
  const { client } = params;
  const pool = getAddress(params.pool);
  const read = { address: pool, abi: pancakeV3PoolAbi } as const;
  let state: readonly [
    readonly [bigint, number, number, number, number, number, boolean],
    Address,
    Address,
    number,
    bigint,
  ];
  try {
    state = await Promise.all([
      readContract(client, { ...read, functionName: "slot0" }),
      readContract(client, { ...read, functionName: "token0" }),
      readContract(client, { ...read, functionName: "token1" }),
      readContract(client, { ...read, functionName: "fee" }),
      readContract(client, { ...read, functionName: "liquidity" }),
    ]);
  } catch (error) {
    throw new PoolNotFoundError(
      `${pool} is not a V3 pool (${errorSummary(error)}); pass an address from createPoolWithLiquidity`,
      {
        cause: error,
      },
    );
  }
  const [[sqrtPriceX96, tick], token0, token1, fee, liquidity] = state;
  if (sqrtPriceX96 === 0n)
    throw new PoolNotFoundError(`pool ${pool} is not initialised; create it with createPoolWithLiquidity`);
  return {
    pool,
    token0,
    token1,
    fee,
    sqrtPriceX96,
    tick,
    liquidity,
    price: priceFromSqrtPriceX96(sqrtPriceX96),
  };
}

export type ExactInputSingleParams = {
  readonly tokenIn: Address;
  readonly tokenOut: Address;
  readonly fee: number;
  readonly amountIn: bigint;
  /** Stop the swap at this sqrtPriceX96; 0 (default) = no limit. */
  readonly sqrtPriceLimitX96?: bigint;
};

export type Quote = {
  readonly amountOut: bigint;
  readonly sqrtPriceX96After: bigint;
  readonly initializedTicksCrossed: number;
  readonly gasEstimate: bigint;
};

/** QuoterV2.quoteExactInputSingle, simulated with eth_call (the quoter is not a view function). */
export async function quoteExactInputSingle(
  params: { readonly client: DexClient; readonly dex: Pick<Dex, "quoter"> } & ExactInputSingleParams,
): Promise<Quote> {
  const { client } = params;
  try {
    const { result } = await simulateContract(client, {
      address: params.dex.quoter,
      abi: quoterV2Abi,
      functionName: "quoteExactInputSingle",
      args: [
        {
          tokenIn: params.tokenIn,
          tokenOut: params.tokenOut,
          amountIn: params.amountIn,
          fee: params.fee,
          sqrtPriceLimitX96: params.sqrtPriceLimitX96 ?? 0n,
        },
      ],
      account: client.account,
    });
    const [amountOut, sqrtPriceX96After, initializedTicksCrossed, gasEstimate] = result;
    return { amountOut, sqrtPriceX96After, initializedTicksCrossed, gasEstimate };
  } catch (error) {
    throw new QuoteFailedError(
      `QuoterV2 could not quote ${params.amountIn} ${getAddress(params.tokenIn)} → ${getAddress(params.tokenOut)} at fee ${params.fee} (${errorSummary(error)}); check that the pool exists and has liquidity, and that a price limit lies in the swap's direction`,
      { cause: error },
    );
  }
}

export type SwapResult = {
  readonly hash: Hash;
  /** What the pool actually took (less than the amountIn asked when a price limit stopped the swap). */
  readonly amountIn: bigint;
  readonly amountOut: bigint;
  readonly sqrtPriceX96After: bigint;
  readonly gasUsed: bigint;
};

/**
 * SwapRouter.exactInputSingle from the client's account (which must hold `amountIn`; the router is
 * approved for the maximum when its allowance falls short). Amounts are read from the pool's Swap event.
 */
export async function swapExactInputSingle(
  params: {
    readonly client: DexClient;
    readonly dex: Pick<Dex, "router">;
    readonly amountOutMinimum?: bigint;
    /** Receiver of tokenOut; the client's account by default. */
    readonly recipient?: Address;
    /** Unix seconds; no deadline by default. */
    readonly deadline?: bigint;
  } & ExactInputSingleParams,
): Promise<SwapResult> {
  const { client, dex, amountIn } = params;
  const tokenIn = getAddress(params.tokenIn);
  const tokenOut = getAddress(params.tokenOut);
  if (amountIn <= 0n) throw new InvalidDexArgumentError(`amountIn must be positive, got ${amountIn}`);
  await requireBalance(client, tokenIn, amountIn);
  await attempt(`approving the router for ${tokenIn}`, "check the token contract", () =>
    ensureAllowance(client, tokenIn, dex.router, amountIn),
  );
  let hash: Hash;
  try {
    // Estimate here rather than let the SDK do it: a revert then surfaces with the pool's own reason
    // ("Too little received", …) before anything is mined; the limit gets the SDK's padding.
    const swapCall = {
      abi: swapRouterAbi,
      functionName: "exactInputSingle",
      args: [
        {
          tokenIn,
          tokenOut,
          fee: params.fee,
          recipient: params.recipient ?? client.account.address,
          deadline: params.deadline ?? maxUint256,
          amountIn,
          amountOutMinimum: params.amountOutMinimum ?? 0n,
          sqrtPriceLimitX96: params.sqrtPriceLimitX96 ?? 0n,
        },
      ],
    } as const;
    const gas = await estimateContractGas(client, {
      address: dex.router,
      ...swapCall,
      account: client.account,
    });
    hash = await send(client, { to: dex.router, data: encodeFunctionData(swapCall), gas: padGasLimit(gas) });
  } catch (error) {
    const reason = revertReason(error);
    const advice =
      reason === "Too little received"
        ? "amountOutMinimum is above what the pool gives; re-quote and lower it"
        : reason === "Transaction too old"
          ? "the deadline has passed; pass a later one"
          : "check that the pool exists for this pair and fee, has liquidity, and that the price limit lies in the swap's direction";
    throw new SwapRevertedError(
      `swap of ${amountIn} ${tokenIn} → ${tokenOut} at fee ${params.fee} reverted (${reason ?? errorSummary(error)}); ${advice}`,
      reason,
      { cause: error },
    );
  }
  const receipt = await confirm(client, hash, "SwapRouter.exactInputSingle");
  const [swap] = parseEventLogs({ abi: pancakeV3PoolAbi, eventName: "Swap", logs: receipt.logs });
  if (swap === undefined)
    throw new DexTransactionError(`swap ${hash} emitted no Swap event; is dex.router a SwapRouter?`);
  const zeroForOne = BigInt(tokenIn) < BigInt(tokenOut);
  const { amount0, amount1, sqrtPriceX96 } = swap.args;
  return {
    hash,
    amountIn: zeroForOne ? amount0 : amount1,
    amountOut: zeroForOne ? -amount1 : -amount0,
    sqrtPriceX96After: sqrtPriceX96,
    gasUsed: receipt.gasUsed,
  };
}

export type MoveTowardsPriceParams = {
  readonly client: DexClient;
  readonly dex: Pick<Dex, "router">;
  readonly pool: Address;
  /** The token whose price is given: `priceAInB` whole units of the pool's other token buy one whole A. */
  readonly tokenA: Address;
  readonly priceAInB: Decimal;
  readonly decimalsA?: number;
  readonly decimalsB?: number;
  /** Done when |price / target − 1| ≤ toleranceBps / 10,000. */
  readonly toleranceBps: Decimal;
  /**
   * Called before each swap with the token and amount the account must hold, e.g. to mint it; without it
   * a short balance throws InsufficientBalanceError.
   */
  readonly ensureBalance?: (token: Address, amount: bigint) => Promise<void>;
  /** Swaps allowed (default 3). A pool with only full-range liquidity always needs one. */
  readonly maxSwaps?: number;
};

export type MoveResult = {
  /** Swaps done: 0 when the pool was already within the tolerance. */
  readonly swaps: number;
  readonly zeroForOne: boolean;
  readonly tokenIn: Address;
  readonly tokenOut: Address;
  readonly amountIn: bigint;
  readonly amountOut: bigint;
  readonly sqrtPriceX96Before: bigint;
  readonly sqrtPriceX96After: bigint;
  readonly targetSqrtPriceX96: bigint;
};

/**
 * Arbitrage helper: swaps from the client's account in the direction that moves the pool to the target
 * price, until it is within `toleranceBps`. The amount comes from the closed form for constant active
 * liquidity (a full-range position behaves like x·y = L²), and the swap carries `sqrtPriceLimitX96 =
 * target`, so it stops exactly at the target and takes only what that costs. When other positions make
 * the active liquidity change on the way, the limit still prevents overshooting, and further swaps follow.
 */
export async function moveTowardsPrice(params: MoveTowardsPriceParams): Promise<MoveResult> {
  const { client, dex } = params;
  const tokenA = getAddress(params.tokenA);
  const maxSwaps = params.maxSwaps ?? 3;
  const first = await poolPrice({ client, pool: params.pool });
  const aIsToken0 = isAddressEqual(tokenA, first.token0);
  if (!aIsToken0 && !isAddressEqual(tokenA, first.token1))
    throw new TokenNotInPoolError(
      `token ${tokenA} is neither token0 (${first.token0}) nor token1 (${first.token1}) of pool ${first.pool}; pass one of them as tokenA`,
    );
  const tokenB = aIsToken0 ? first.token1 : first.token0;
  const [decimalsA, decimalsB] = await Promise.all([
    tokenDecimals(client, tokenA, params.decimalsA),
    tokenDecimals(client, tokenB, params.decimalsB),
  ]);
  const target = sqrtPriceX96ForPrice({ priceAInB: params.priceAInB, decimalsA, decimalsB, aIsToken0 });
  if (target <= MIN_SQRT_RATIO || target >= MAX_SQRT_RATIO - 1n)
    throw new InvalidDexArgumentError(
      `target price ${params.priceAInB} is at the edge of the tick range; no swap can reach it`,
    );

  const zeroForOne = target < first.sqrtPriceX96;
  const [tokenIn, tokenOut] = zeroForOne ? [first.token0, first.token1] : [first.token1, first.token0];
  let state = first;
  let swaps = 0;
  let amountIn = 0n;
  let amountOut = 0n;
  while (!withinBps(state.sqrtPriceX96, target, params.toleranceBps)) {
    if (swaps >= maxSwaps)
      throw new TargetPriceNotReachedError(
        `pool ${state.pool} is still at sqrtPriceX96 ${state.sqrtPriceX96} after ${swaps} swap(s), target ${target}; raise maxSwaps or the tolerance`,
      );
    if (target < state.sqrtPriceX96 !== zeroForOne)
      throw new TargetPriceNotReachedError(
        `pool ${state.pool} moved past the target while swapping; it is being traded concurrently`,
      );
    const step = amountInToReachSqrtPrice({
      liquidity: state.liquidity,
      sqrtPriceX96: state.sqrtPriceX96,
      targetSqrtPriceX96: target,
      fee: state.fee,
    });
    // The pool rounds up at every tick-bitmap word it steps through; the price limit makes any excess unused.
    const budget = step.amountIn + step.amountIn / 1_000_000n + 64n;
    if (params.ensureBalance !== undefined) await params.ensureBalance(tokenIn, budget);
    const swap = await swapExactInputSingle({
      client,
      dex,
      tokenIn,
      tokenOut,
      fee: state.fee,
      amountIn: budget,
      sqrtPriceLimitX96: target,
    });
    swaps += 1;
    amountIn += swap.amountIn;
    amountOut += swap.amountOut;
    state = await poolPrice({ client, pool: state.pool });
  }
  return {
    swaps,
    zeroForOne,
    tokenIn,
    tokenOut,
    amountIn,
    amountOut,
    sqrtPriceX96Before: first.sqrtPriceX96,
    sqrtPriceX96After: state.sqrtPriceX96,
    targetSqrtPriceX96: target,
  };
}
