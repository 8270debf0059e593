import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bsc, buildCall, deployContract, write } from "@blocketf/sdk";
import {
  type Abi,
  type Address,
  concat,
  createTestClient,
  createWalletClient,
  encodeAbiParameters,
  erc20Abi,
  getAddress,
  type Hex,
  http,
  isAddressEqual,
  keccak256,
  parseEther,
  publicActions,
  walletActions,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { describe, expect, it } from "vitest";
import { localChainTest } from "../../fixtures/localChainTest.js";
import {
  createPoolWithLiquidity,
  type Dex,
  deployDex,
  moveTowardsPrice,
  PANCAKE_V3_POOL_INIT_CODE_HASH,
  pancakeV3PoolAddress,
  poolPrice,
  quoteExactInputSingle,
  swapExactInputSingle,
} from "./deployDex.js";
import {
  FeeTierNotEnabledError,
  InsufficientBalanceError,
  InvalidDecimalError,
  InvalidDexArgumentError,
  PoolAlreadyExistsError,
  PoolNotFoundError,
  PriceOutOfRangeError,
  QuoteFailedError,
  SwapRevertedError,
  TokenNotInPoolError,
} from "./errors.js";
import { pancakeV3FactoryAbi } from "./generated/pancakeV3Factory.js";
import { pancakeV3PoolAbi, pancakeV3PoolBytecode } from "./generated/pancakeV3Pool.js";
import { quoterV2Abi } from "./generated/quoterV2.js";
import { swapRouterAbi } from "./generated/swapRouter.js";
import {
  amountInToReachSqrtPrice,
  amountsForTvl,
  type Decimal,
  encodeSqrtPriceX96,
  fullRangeTicks,
  MAX_SQRT_RATIO,
  MIN_SQRT_RATIO,
  parseDecimal,
  priceAInBFromSqrtPriceX96,
  type Ratio,
  ratioToNumber,
  sqrtBigInt,
  sqrtPriceX96ForPrice,
  withinBps,
} from "./math.js";

// ---------------------------------------------------------------------------------------------------------
// Pure math
// ---------------------------------------------------------------------------------------------------------

/** Deterministic pseudo-random bigints (xorshift64*), so failures reproduce. */
function* randomBigInts(seed: bigint, bits: number): Generator<bigint> {
  let state = seed;
  const mask64 = (1n << 64n) - 1n;
  for (;;) {
    let value = 0n;
    for (let filled = 0; filled < bits; filled += 64) {
      state ^= (state << 13n) & mask64;
      state ^= state >> 7n;
      state ^= (state << 17n) & mask64;
      value = (value << 64n) | state;
    }
    yield value >> BigInt(Math.ceil(bits / 64) * 64 - bits);
  }
}

function expectFloorSqrt(n: bigint): void {
  const r = sqrtBigInt(n);
  expect(r * r <= n, `${r}² > ${n}`).toBe(true);
  expect((r + 1n) * (r + 1n) > n, `(${r}+1)² <= ${n}`).toBe(true);
}

describe("sqrtBigInt", () => {
  it("returns the small cases exactly", () => {
    expect([0n, 1n, 2n, 3n, 4n, 5n, 8n, 9n, 10n, 15n, 16n, 17n].map(sqrtBigInt)).toEqual([
      0n,
      1n,
      1n,
      1n,
      2n,
      2n,
      2n,
      3n,
      3n,
      3n,
      4n,
      4n,
    ]);
  });

  it("is exact on perfect squares and their off-by-one neighbours", () => {
    const roots = [
      2n,
      3n,
      255n,
      256n,
      65535n,
      2n ** 48n - 1n,
      2n ** 64n,
      2n ** 96n + 12345n,
      2n ** 128n - 1n,
    ];
    for (const k of roots) {
      expect(sqrtBigInt(k * k)).toBe(k);
      expect(sqrtBigInt(k * k - 1n)).toBe(k - 1n);
      expect(sqrtBigInt(k * k + 1n)).toBe(k);
      // (k+1)² − 1 = k² + 2k is the largest n with floor(sqrt(n)) = k.
      expect(sqrtBigInt(k * k + 2n * k)).toBe(k);
      expect(sqrtBigInt(k * k + 2n * k + 1n)).toBe(k + 1n);
    }
  });

  it("is exact at 2^160 and 2^320 scale (sqrtPriceX96² · 2^k territory)", () => {
    for (const k of [159n, 160n, 161n, 192n, 255n, 256n, 319n, 320n, 321n]) {
      expectFloorSqrt(2n ** k);
      expectFloorSqrt(2n ** k - 1n);
      expectFloorSqrt(2n ** k + 1n);
    }
    expect(sqrtBigInt(2n ** 320n)).toBe(2n ** 160n);
    expect(sqrtBigInt(2n ** 320n - 1n)).toBe(2n ** 160n - 1n);
    const maxSquare = (MAX_SQRT_RATIO - 1n) ** 2n;
    expect(sqrtBigInt(maxSquare)).toBe(MAX_SQRT_RATIO - 1n);
    expect(sqrtBigInt(maxSquare - 1n)).toBe(MAX_SQRT_RATIO - 2n);
    const random = randomBigInts(0x9e3779b97f4a7c15n, 321);
    for (let i = 0; i < 200; i += 1) {
      const n = random.next().value as bigint;
      expectFloorSqrt(n);
      const r = sqrtBigInt(n);
      expect(sqrtBigInt(r * r)).toBe(r);
      if (r > 0n) expect(sqrtBigInt(r * r - 1n)).toBe(r - 1n);
    }
  });

  it("rejects negative input", () => {
    expect(() => sqrtBigInt(-1n)).toThrow(InvalidDexArgumentError);
  });
});

describe("price math", () => {
  it("parses decimals exactly", () => {
    expect(parseDecimal("65000")).toEqual({ numerator: 65000n, denominator: 1n });
    expect(parseDecimal("0.1")).toEqual({ numerator: 1n, denominator: 10n });
    expect(parseDecimal(0.1)).toEqual({ numerator: 1n, denominator: 10n });
    expect(parseDecimal(1e-7)).toEqual({ numerator: 1n, denominator: 10_000_000n });
    expect(parseDecimal("1.25E+3")).toEqual({ numerator: 1250n, denominator: 1n });
    expect(parseDecimal(".5")).toEqual({ numerator: 1n, denominator: 2n });
    for (const bad of ["", "-1", "abc", "1.2.3", "0", 0, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => parseDecimal(bad)).toThrow(InvalidDecimalError);
  });

  it("encodes sqrtPriceX96 like Uniswap's encodePriceSqrt", () => {
    expect(encodeSqrtPriceX96({ numerator: 1n, denominator: 1n })).toBe(2n ** 96n);
    expect(encodeSqrtPriceX96({ numerator: 1n, denominator: 4n })).toBe(2n ** 95n);
    expect(encodeSqrtPriceX96({ numerator: 121n, denominator: 100n })).toBe(87150978765690771352898345369n);
    // BTCB (18) at 65,000 USDT (18), BTCB as token1: raw token1/token0 = 1/65000.
    const s = sqrtPriceX96ForPrice({ priceAInB: 65000, decimalsA: 18, decimalsB: 18, aIsToken0: false });
    expect(s).toBe(sqrtBigInt(2n ** 192n / 65000n));
    expect(() =>
      sqrtPriceX96ForPrice({ priceAInB: "1e-40", decimalsA: 18, decimalsB: 18, aIsToken0: true }),
    ).toThrow(PriceOutOfRangeError);
    expect(MIN_SQRT_RATIO).toBeLessThan(s);
  });

  it("round-trips a price through sqrtPriceX96 to within 1e-18 for mixed decimals", () => {
    for (const [price, decimalsA, decimalsB] of [
      ["65000.123", 8, 18],
      ["0.00000123", 18, 6],
      ["1", 6, 18],
      ["2345.6789", 18, 18],
    ] as const) {
      for (const aIsToken0 of [true, false]) {
        const sqrtPriceX96 = sqrtPriceX96ForPrice({ priceAInB: price, decimalsA, decimalsB, aIsToken0 });
        const back = priceAInBFromSqrtPriceX96({ sqrtPriceX96, decimalsA, decimalsB, aIsToken0 });
        expect(relativeError(back, price)).toBeLessThan(1e-18);
      }
    }
  });

  it("rounds full-range ticks to the spacing", () => {
    expect(fullRangeTicks(1)).toEqual({ tickLower: -887272, tickUpper: 887272 });
    expect(fullRangeTicks(10)).toEqual({ tickLower: -887270, tickUpper: 887270 });
    expect(fullRangeTicks(50)).toEqual({ tickLower: -887250, tickUpper: 887250 });
    expect(fullRangeTicks(200)).toEqual({ tickLower: -887200, tickUpper: 887200 });
  });

  it("checks a bps tolerance exactly", () => {
    const t = 2n ** 96n;
    // price ∝ s², so s = t·sqrt(1.0001) is exactly 1 bps away.
    const oneBpsUp = sqrtBigInt(t * t + (t * t) / 10_000n);
    expect(withinBps(oneBpsUp, t, 1)).toBe(true);
    expect(withinBps(oneBpsUp + 1n, t, 1)).toBe(false);
    expect(withinBps(oneBpsUp, t, "0.5")).toBe(false);
    expect(withinBps(t, t, 0)).toBe(true);
  });

  it("gives the closed-form amount in for constant liquidity", () => {
    const L = 10n ** 24n;
    const s = 2n ** 96n;
    // Price up by 21 % (sqrt × 1.1): amount1 = L · 0.1 exactly, then grossed up by the fee.
    const up = amountInToReachSqrtPrice({
      liquidity: L,
      sqrtPriceX96: s,
      targetSqrtPriceX96: (s * 11n) / 10n,
      fee: 0,
    });
    expect(up).toEqual({ zeroForOne: false, amountIn: L / 10n, amountInLessFee: L / 10n });
    const upFee = amountInToReachSqrtPrice({
      liquidity: L,
      sqrtPriceX96: s,
      targetSqrtPriceX96: (s * 11n) / 10n,
      fee: 2500,
    });
    expect(upFee.amountIn).toBe(((L / 10n) * 1_000_000n) / 997_500n + 1n);
    // Price down (sqrt × 0.5): amount0 = L · (1/0.5 − 1) = L.
    const down = amountInToReachSqrtPrice({
      liquidity: L,
      sqrtPriceX96: s,
      targetSqrtPriceX96: s / 2n,
      fee: 0,
    });
    expect(down).toEqual({ zeroForOne: true, amountIn: L, amountInLessFee: L });
  });

  it("splits a USD depth between both tokens", () => {
    const { amountA, amountB } = amountsForTvl({
      tvlUsd: 2_000_000,
      priceAInB: 65000,
      priceBInUsd: 1,
      decimalsA: 18,
      decimalsB: 6,
    });
    expect(amountB).toBe(1_000_000n * 10n ** 6n);
    expect(amountA).toBe(10n ** 24n / 65000n);
  });
});

// ---------------------------------------------------------------------------------------------------------
// On anvil
// ---------------------------------------------------------------------------------------------------------

type ForgeArtifact = { readonly abi: Abi; readonly bytecode: { readonly object: Hex } };

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "..");
function forgeArtifact(file: string, name: string): ForgeArtifact {
  const path = join(repoRoot, "contracts", "out", file, `${name}.json`);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as ForgeArtifact;
  } catch (error) {
    throw new Error(`cannot read ${path}; run \`forge build\` at the repository root first`, {
      cause: error,
    });
  }
}

/** Anvil's first default account (unlocked, 10,000 ETH). */
const DEPLOYER: Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

function relativeError(got: Ratio, want: Decimal): number {
  const w = parseDecimal(want);
  const diff = got.numerator * w.denominator - w.numerator * got.denominator;
  return ratioToNumber({
    numerator: diff < 0n ? -diff : diff,
    denominator: w.numerator * got.denominator,
  });
}

function makeClient(rpcUrl: string) {
  return createTestClient({
    mode: "anvil",
    chain: foundry,
    transport: http(rpcUrl),
    account: DEPLOYER,
    pollingInterval: 25,
  })
    .extend(publicActions)
    .extend(walletActions);
}
type TestClient = ReturnType<typeof makeClient>;

async function deployToken(client: TestClient, symbol: string, decimals: number): Promise<Address> {
  const { abi, bytecode } = forgeArtifact("MockERC20.sol", "MockERC20");
  const { address } = await deployContract(client, {
    abi,
    bytecode: bytecode.object,
    args: [symbol, symbol, decimals],
  });
  await write(client, {
    request: buildCall({
      address,
      abi,
      functionName: "mint",
      args: [DEPLOYER, 10n ** BigInt(decimals + 12)],
    }),
  });
  return address;
}

async function balanceOf(client: TestClient, token: Address): Promise<bigint> {
  return client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [DEPLOYER] });
}

type World = {
  readonly rpcUrl: string;
  readonly client: TestClient;
  readonly dex: Dex;
  readonly wbnb: Address;
  readonly usdt: Address;
  readonly btcb: Address;
  readonly usdc6: Address;
  readonly wbtc8: Address;
  readonly eth: Address;
};

// Tokens and PancakeSwap V3 once for the file (the fixtures of ../../fixtures); every test starts from them.
const chainIt = localChainTest(async (chain): Promise<World> => {
  const client = makeClient(chain.rpcUrl);
  await client.setBalance({ address: DEPLOYER, value: parseEther("1000000") });
  const wbnbArtifact = forgeArtifact("MockWBNB.sol", "MockWBNB");
  const { address: wbnb } = await deployContract(client, {
    abi: wbnbArtifact.abi,
    bytecode: wbnbArtifact.bytecode.object,
  });
  await write(client, {
    request: buildCall({
      address: wbnb,
      abi: wbnbArtifact.abi,
      functionName: "deposit",
      value: parseEther("100000"),
    }),
  });
  const usdt = await deployToken(client, "USDT", 18);
  const btcb = await deployToken(client, "BTCB", 18);
  const usdc6 = await deployToken(client, "USDC6", 6);
  const wbtc8 = await deployToken(client, "WBTC8", 8);
  const eth = await deployToken(client, "ETH", 18);
  const dex = await deployDex({ client, wbnb });
  return { rpcUrl: chain.rpcUrl, client, dex, wbnb, usdt, btcb, usdc6, wbtc8, eth };
});

describe("deployDex on anvil", () => {
  chainIt("deploys PancakeSwap V3 with its four fee tiers and nothing else", async ({ world }) => {
    const { client, dex } = world;
    for (const address of [dex.poolDeployer, dex.factory, dex.positionManager, dex.router, dex.quoter]) {
      const code = await client.getCode({ address });
      expect((code?.length ?? 0) > 2).toBe(true);
    }
    const spacings = await Promise.all(
      [100, 500, 2500, 10000, 3000, 400].map((fee) =>
        client.readContract({
          address: dex.factory,
          abi: pancakeV3FactoryAbi,
          functionName: "feeAmountTickSpacing",
          args: [fee],
        }),
      ),
    );
    // PancakeSwap has no 0.3 % tier (Uniswap's built-in 3000/60).
    expect(spacings).toEqual([1, 10, 50, 200, 0, 0]);
    const [factoryDeployer, routerDeployer, quoterDeployer] = await Promise.all([
      client.readContract({ address: dex.factory, abi: pancakeV3FactoryAbi, functionName: "poolDeployer" }),
      client.readContract({ address: dex.router, abi: swapRouterAbi, functionName: "deployer" }),
      client.readContract({ address: dex.quoter, abi: quoterV2Abi, functionName: "deployer" }),
    ]);
    expect([factoryDeployer, routerDeployer, quoterDeployer]).toEqual([
      dex.poolDeployer,
      dex.poolDeployer,
      dex.poolDeployer,
    ]);
  });

  chainIt(
    "puts every pool where PancakeSwap computes it: CREATE2(deployer, salt, BNB Chain's init-code hash)",
    async ({ world }) => {
      const { client, dex, usdt, eth } = world;
      expect(keccak256(pancakeV3PoolBytecode)).toBe(PANCAKE_V3_POOL_INIT_CODE_HASH);
      expect(PANCAKE_V3_POOL_INIT_CODE_HASH).toBe(bsc.pancakeswapV3.poolInitCodeHash);
      const pool = await createPoolWithLiquidity({
        client,
        dex,
        tokenA: eth,
        tokenB: usdt,
        fee: 2500,
        priceAInB: "4000",
        amountA: 10n ** 19n,
        amountB: 40_000n * 10n ** 18n,
      });
      const [token0, token1] = BigInt(eth) < BigInt(usdt) ? [eth, usdt] : [usdt, eth];
      // Computed here from first principles, not through the helper under test.
      const salt = keccak256(
        encodeAbiParameters(
          [{ type: "address" }, { type: "address" }, { type: "uint24" }],
          [token0, token1, 2500],
        ),
      );
      const expected = getAddress(
        `0x${keccak256(concat(["0xff", dex.poolDeployer, salt, bsc.pancakeswapV3.poolInitCodeHash])).slice(-40)}`,
      );
      expect(pool).toBe(expected);
      expect(pancakeV3PoolAddress({ deployer: dex.poolDeployer, tokenA: usdt, tokenB: eth, fee: 2500 })).toBe(
        expected,
      );
      const factoryOfPool = await client.readContract({
        address: pool,
        abi: pancakeV3PoolAbi,
        functionName: "factory",
      });
      expect(factoryOfPool).toBe(dex.factory);
    },
  );

  chainIt(
    "creates pools at 100/500/2500 at the requested price, within 1e-9 relative",
    async ({ world }) => {
      const { client, dex, wbnb, usdt, btcb, usdc6, wbtc8, eth } = world;
      const cases = [
        {
          tokenA: usdc6,
          tokenB: usdt,
          fee: 100,
          priceAInB: "0.9998",
          amountA: 10n ** 12n,
          amountB: 10n ** 24n,
        },
        {
          tokenA: wbnb,
          tokenB: usdt,
          fee: 500,
          priceAInB: "612.37",
          amountA: 10n ** 21n,
          amountB: 612_370n * 10n ** 18n,
        },
        {
          tokenA: btcb,
          tokenB: usdt,
          fee: 2500,
          priceAInB: 65000.5,
          amountA: 10n ** 19n,
          amountB: 650_005n * 10n ** 18n,
        },
        {
          tokenA: wbtc8,
          tokenB: usdc6,
          fee: 2500,
          priceAInB: "64999.99",
          amountA: 10n ** 8n,
          amountB: 65_000n * 10n ** 6n,
        },
        {
          tokenA: eth,
          tokenB: wbtc8,
          fee: 500,
          priceAInB: "0.0523",
          amountA: 10n ** 20n,
          amountB: 523n * 10n ** 6n,
        },
      ] as const;
      for (const c of cases) {
        const pool = await createPoolWithLiquidity({ client, dex, ...c });
        const state = await poolPrice({ client, pool });
        expect(state.fee).toBe(c.fee);
        expect(state.liquidity > 0n).toBe(true);
        const aIsToken0 = isAddressEqual(state.token0, c.tokenA);
        const [decimalsA, decimalsB] = await Promise.all(
          [c.tokenA, c.tokenB].map((address) =>
            client.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
          ),
        );
        const got = priceAInBFromSqrtPriceX96({
          sqrtPriceX96: state.sqrtPriceX96,
          decimalsA: decimalsA ?? 18,
          decimalsB: decimalsB ?? 18,
          aIsToken0,
        });
        expect(relativeError(got, c.priceAInB)).toBeLessThan(1e-9);
      }
      await expect(createPoolWithLiquidity({ client, dex, ...cases[0] })).rejects.toBeInstanceOf(
        PoolAlreadyExistsError,
      );
    },
    30_000,
  );

  chainIt(
    "funds a pool from a USD depth and refuses a short balance",
    async ({ world }) => {
      const { client, dex, usdt, btcb, eth } = world;
      const pool = await createPoolWithLiquidity({
        client,
        dex,
        tokenA: btcb,
        tokenB: usdt,
        fee: 2500,
        priceAInB: "65000",
        tvlUsd: "2000000",
        priceBInUsd: 1,
      });
      const held = (token: Address) =>
        client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [pool] });
      // Half the depth on each side: 1,000,000 USDT and 1,000,000 / 65,000 BTCB (the binding side is exact).
      expect(relativeError({ numerator: await held(usdt), denominator: 10n ** 18n }, "1000000")).toBeLessThan(
        1e-12,
      );
      expect(
        relativeError({ numerator: (await held(btcb)) * 65000n, denominator: 10n ** 18n }, "1000000"),
      ).toBeLessThan(1e-12);
      await expect(
        createPoolWithLiquidity({
          client,
          dex,
          tokenA: eth,
          tokenB: usdt,
          fee: 500,
          priceAInB: "3000",
          amountA: 10n ** 31n,
          amountB: 1n,
        }),
      ).rejects.toBeInstanceOf(InsufficientBalanceError);
    },
    30_000,
  );

  chainIt(
    "swaps through SwapRouter for exactly what QuoterV2 quoted, and reverts above the quote",
    async ({ world }) => {
      const { client, dex, usdt, btcb } = world;
      await createPoolWithLiquidity({
        client,
        dex,
        tokenA: btcb,
        tokenB: usdt,
        fee: 2500,
        priceAInB: "65000",
        tvlUsd: 20_000_000,
        priceBInUsd: 1,
      });
      const amountIn = 60_000n * 10n ** 18n;
      const quote = await quoteExactInputSingle({
        client,
        dex,
        tokenIn: usdt,
        tokenOut: btcb,
        fee: 2500,
        amountIn,
      });
      expect(quote.amountOut > 9n * 10n ** 17n).toBe(true);

      const tooGreedy = swapExactInputSingle({
        client,
        dex,
        tokenIn: usdt,
        tokenOut: btcb,
        fee: 2500,
        amountIn,
        amountOutMinimum: quote.amountOut + 1n,
      });
      await expect(tooGreedy).rejects.toBeInstanceOf(SwapRevertedError);
      await expect(tooGreedy).rejects.toMatchObject({ reason: "Too little received" });

      const before = await balanceOf(client, btcb);
      const swap = await swapExactInputSingle({
        client,
        dex,
        tokenIn: usdt,
        tokenOut: btcb,
        fee: 2500,
        amountIn,
        amountOutMinimum: quote.amountOut,
      });
      expect(swap.amountOut).toBe(quote.amountOut);
      expect(swap.amountIn).toBe(amountIn);
      expect(swap.sqrtPriceX96After).toBe(quote.sqrtPriceX96After);
      expect((await balanceOf(client, btcb)) - before).toBe(quote.amountOut);

      // And the other direction, token0 → token1 or the reverse depending on the addresses.
      const back = await quoteExactInputSingle({
        client,
        dex,
        tokenIn: btcb,
        tokenOut: usdt,
        fee: 2500,
        amountIn: swap.amountOut,
      });
      const backSwap = await swapExactInputSingle({
        client,
        dex,
        tokenIn: btcb,
        tokenOut: usdt,
        fee: 2500,
        amountIn: swap.amountOut,
      });
      expect(backSwap.amountOut).toBe(back.amountOut);
      expect(backSwap.amountOut < amountIn).toBe(true);
    },
    30_000,
  );

  const moveCases = [
    { fee: 100, label: "fee 100 (spacing 1: several tick-bitmap words)" },
    { fee: 500, label: "fee 500" },
    { fee: 2500, label: "fee 2500" },
  ] as const;
  for (const { fee, label } of moveCases) {
    chainIt(
      `moveTowardsPrice reaches ±10 % within 1 bps in one swap, ${label}`,
      async ({ world }) => {
        const { client, dex, usdt, btcb, wbtc8 } = world;
        const orientations = new Set<boolean>();
        for (const [tokenA, tokenB, start, amountA, amountB] of [
          [btcb, usdt, 65000, 10n ** 19n, 65n * 10n ** 22n],
          [usdt, wbtc8, "0.0000153846", 10n ** 24n, 1_538_460_000n],
        ] as const) {
          const pool = await createPoolWithLiquidity({
            client,
            dex,
            tokenA,
            tokenB,
            fee,
            priceAInB: start,
            amountA,
            amountB,
          });
          let startSnapshot = await client.snapshot();
          // Each target is given once with A as the priced token and once the other way round (1 / price),
          // so both token0- and token1-denominated targets and both swap directions are exercised.
          for (const factor of ["1.1", "0.9"]) {
            const targetAInB = (Number(start) * Number(factor)).toPrecision(12);
            for (const [priced, other, price] of [
              [tokenA, tokenB, targetAInB],
              [tokenB, tokenA, (1 / Number(targetAInB)).toPrecision(12)],
            ] as const) {
              const result = await moveTowardsPrice({
                client,
                dex,
                pool,
                tokenA: priced,
                priceAInB: price,
                toleranceBps: 1,
              });
              expect(result.swaps).toBe(1);
              expect(result.sqrtPriceX96After).toBe(result.targetSqrtPriceX96);
              expect(result.amountIn > 0n && result.amountOut > 0n).toBe(true);
              const state = await poolPrice({ client, pool });
              const aIsToken0 = isAddressEqual(state.token0, priced);
              orientations.add(aIsToken0);
              const [decimalsA, decimalsB] = await Promise.all(
                [priced, other].map((address) =>
                  client.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
                ),
              );
              const got = priceAInBFromSqrtPriceX96({
                sqrtPriceX96: state.sqrtPriceX96,
                decimalsA: decimalsA ?? 18,
                decimalsB: decimalsB ?? 18,
                aIsToken0,
              });
              expect(relativeError(got, price)).toBeLessThan(1e-4);
              // Already there: no swap.
              const again = await moveTowardsPrice({
                client,
                dex,
                pool,
                tokenA: priced,
                priceAInB: price,
                toleranceBps: 1,
              });
              expect(again.swaps).toBe(0);
              await client.revert({ id: startSnapshot });
              startSnapshot = await client.snapshot();
            }
          }
        }
        expect([...orientations].sort()).toEqual([false, true]);
      },
      30_000,
    );
  }

  chainIt(
    "moveTowardsPrice mints what it needs through ensureBalance",
    async ({ world }) => {
      const { client, dex, usdt, eth } = world;
      const pool = await createPoolWithLiquidity({
        client,
        dex,
        tokenA: eth,
        tokenB: usdt,
        fee: 500,
        priceAInB: "3000",
        tvlUsd: 10_000_000,
        priceBInUsd: 1,
      });
      const { abi } = forgeArtifact("MockERC20.sol", "MockERC20");
      await write(client, {
        request: buildCall({
          address: usdt,
          abi,
          functionName: "burn",
          args: [DEPLOYER, await balanceOf(client, usdt)],
        }),
      });
      await expect(
        moveTowardsPrice({ client, dex, pool, tokenA: eth, priceAInB: "3300", toleranceBps: 1 }),
      ).rejects.toBeInstanceOf(InsufficientBalanceError);
      const asked: bigint[] = [];
      const result = await moveTowardsPrice({
        client,
        dex,
        pool,
        tokenA: eth,
        priceAInB: "3300",
        toleranceBps: "0.01",
        ensureBalance: async (token, amount) => {
          asked.push(amount);
          await write(client, {
            request: buildCall({ address: token, abi, functionName: "mint", args: [DEPLOYER, amount] }),
          });
        },
      });
      expect(isAddressEqual(result.tokenIn, usdt)).toBe(true);
      expect(asked).toHaveLength(1);
      // The budget exceeds the closed-form amount by at most 1 ppm + 64 wei, and the price limit leaves the rest.
      expect(result.amountIn <= (asked[0] ?? 0n)).toBe(true);
      expect((asked[0] ?? 0n) - result.amountIn <= (asked[0] ?? 0n) / 1_000_000n + 64n).toBe(true);
      expect(await balanceOf(client, usdt)).toBe((asked[0] ?? 0n) - result.amountIn);
    },
    30_000,
  );

  chainIt(
    "rejects unknown fee tiers, foreign tokens and missing pools with typed errors",
    async ({ world }) => {
      const { client, dex, usdt, btcb, eth } = world;
      await expect(
        createPoolWithLiquidity({
          client,
          dex,
          tokenA: btcb,
          tokenB: usdt,
          fee: 400,
          priceAInB: 1,
          amountA: 1n,
          amountB: 1n,
        }),
      ).rejects.toBeInstanceOf(FeeTierNotEnabledError);
      await expect(
        quoteExactInputSingle({ client, dex, tokenIn: btcb, tokenOut: eth, fee: 500, amountIn: 10n ** 18n }),
      ).rejects.toBeInstanceOf(QuoteFailedError);
      await expect(
        swapExactInputSingle({ client, dex, tokenIn: btcb, tokenOut: eth, fee: 500, amountIn: 10n ** 18n }),
      ).rejects.toBeInstanceOf(SwapRevertedError);
      const pool = await createPoolWithLiquidity({
        client,
        dex,
        tokenA: btcb,
        tokenB: usdt,
        fee: 500,
        priceAInB: "65000",
        tvlUsd: 1_000_000,
        priceBInUsd: 1,
      });
      await expect(
        moveTowardsPrice({ client, dex, pool, tokenA: eth, priceAInB: "1", toleranceBps: 1 }),
      ).rejects.toBeInstanceOf(TokenNotInPoolError);
      await expect(poolPrice({ client, pool: usdt })).rejects.toBeInstanceOf(PoolNotFoundError);
    },
    30_000,
  );

  chainIt(
    "works from a local (private-key) account through a plain wallet client",
    async ({ world }) => {
      const { rpcUrl, wbnb, usdt } = world;
      // Anvil's first default key: the same address as DEPLOYER, signed locally instead of by the node.
      const account = privateKeyToAccount(
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
      );
      const wallet = createWalletClient({
        account,
        chain: foundry,
        transport: http(rpcUrl),
        pollingInterval: 25,
      });
      const localDex = await deployDex({ client: wallet, wbnb });
      await createPoolWithLiquidity({
        client: wallet,
        dex: localDex,
        tokenA: wbnb,
        tokenB: usdt,
        fee: 500,
        priceAInB: "600",
        tvlUsd: 1_200_000,
        priceBInUsd: 1,
      });
      const quote = await quoteExactInputSingle({
        client: wallet,
        dex: localDex,
        tokenIn: wbnb,
        tokenOut: usdt,
        fee: 500,
        amountIn: 10n ** 18n,
      });
      const swap = await swapExactInputSingle({
        client: wallet,
        dex: localDex,
        tokenIn: wbnb,
        tokenOut: usdt,
        fee: 500,
        amountIn: 10n ** 18n,
      });
      expect(swap.amountOut).toBe(quote.amountOut);
    },
    30_000,
  );

  chainIt(
    "deploys a DEX and seeds five pools (timing)",
    async ({ world }) => {
      const { client, wbnb, usdt, btcb, usdc6, wbtc8, eth } = world;
      // Count transactions by the sender's nonce: viem caches block numbers for a polling interval.
      const nonce = () => client.getTransactionCount({ address: DEPLOYER, blockTag: "latest" });
      const startNonce = await nonce();
      const t0 = performance.now();
      const fresh = await deployDex({ client, wbnb });
      const t1 = performance.now();
      const deployNonce = await nonce();
      const seeds = [
        { tokenA: wbnb, fee: 500, priceAInB: "612.37" },
        { tokenA: btcb, fee: 2500, priceAInB: "65000" },
        { tokenA: eth, fee: 2500, priceAInB: "3000" },
        { tokenA: wbtc8, fee: 2500, priceAInB: "65000" },
        { tokenA: usdc6, fee: 100, priceAInB: "1" },
      ] as const;
      for (const seed of seeds)
        await createPoolWithLiquidity({
          client,
          dex: fresh,
          ...seed,
          tokenB: usdt,
          tvlUsd: 2_000_000,
          priceBInUsd: 1,
        });
      const t2 = performance.now();
      const endNonce = await nonce();
      const deployTxs = deployNonce - startNonce;
      const poolTxs = endNonce - deployNonce;
      console.log(
        `deployDex: ${((t1 - t0) / 1000).toFixed(3)} s, ${deployTxs} txs; 5 pools: ${((t2 - t1) / 1000).toFixed(3)} s, ${poolTxs} txs`,
      );
      expect(deployTxs).toBe(6);
      // create + mint per pool, plus one max approval per (token, position manager) the first time.
      expect(poolTxs).toBe(5 * 2 + 6);
    },
    30_000,
  );
});

describe("argument checks", () => {
  it("rejects bad prices before touching the chain", () => {
    expect(() =>
      sqrtPriceX96ForPrice({ priceAInB: "abc", decimalsA: 18, decimalsB: 18, aIsToken0: true }),
    ).toThrow(InvalidDecimalError);
    expect(() =>
      sqrtPriceX96ForPrice({ priceAInB: "1e60", decimalsA: 0, decimalsB: 18, aIsToken0: true }),
    ).toThrow(PriceOutOfRangeError);
    expect(MIN_SQRT_RATIO < MAX_SQRT_RATIO).toBe(true);
  });
});
