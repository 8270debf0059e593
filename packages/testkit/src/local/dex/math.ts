// Exact integer math for Uniswap-V3-style pools (identical in PancakeSwap V3): sqrt prices in Q64.96,
// full-range ticks, and the closed-form swap amount that moves a constant-liquidity range to a price.
import { InvalidDecimalError, InvalidDexArgumentError, PriceOutOfRangeError } from "./errors.js";

/** A decimal given as a string ("65000.5", "1e-7") or a finite JS number (read through its shortest form). */
export type Decimal = string | number;

/** An exact non-negative rational. */
export type Ratio = { readonly numerator: bigint; readonly denominator: bigint };

export const Q96 = 1n << 96n;
export const Q192 = 1n << 192n;
/** TickMath.MIN_TICK / MAX_TICK. */
export const MIN_TICK = -887272;
export const MAX_TICK = 887272;
/** TickMath.MIN_SQRT_RATIO (inclusive) and MAX_SQRT_RATIO (exclusive). */
export const MIN_SQRT_RATIO = 4295128739n;
export const MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342n;
/** Fee denominator of V3 pools: fees are in hundredths of a bip (1e-6). */
export const FEE_DENOMINATOR = 1_000_000n;

/** PancakeSwap V3's fee tiers and their tick spacings (100/1 and 2500/50 are enabled by deployDex). */
export const PANCAKE_FEE_TIERS = { 100: 1, 500: 10, 2500: 50, 10000: 200 } as const;
export type PancakeFeeTier = keyof typeof PANCAKE_FEE_TIERS;

/** floor(sqrt(n)) for any non-negative bigint, exactly (Newton's method from an over-estimate). */
export function sqrtBigInt(n: bigint): bigint {
  if (n < 0n) throw new InvalidDexArgumentError(`sqrtBigInt: ${n} is negative; pass a non-negative bigint`);
  if (n < 2n) return n;
  // 2^ceil(bits/2) >= sqrt(n): a start above the root makes the iteration decrease monotonically to floor(sqrt(n)).
  let x = 1n << BigInt((n.toString(2).length + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Reduces a ratio by its greatest common divisor. */
export function reduceRatio(r: Ratio): Ratio {
  const g = gcd(r.numerator, r.denominator);
  return g <= 1n ? r : { numerator: r.numerator / g, denominator: r.denominator / g };
}

/** Parses a positive decimal exactly into a ratio ("0.1" is 1/10, not the binary double). */
export function parseDecimal(value: Decimal, what = "value"): Ratio {
  if (typeof value === "number" && !Number.isFinite(value))
    throw new InvalidDecimalError(`${what} is ${value}; pass a finite positive decimal`);
  const text = String(value).trim();
  const match = /^\+?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  const whole = match?.[1] ?? "";
  const fraction = match?.[2] ?? "";
  if (match === null || whole.length + fraction.length === 0)
    throw new InvalidDecimalError(`${what} "${text}" is not a decimal; pass e.g. "65000.25" or 1e-7`);
  const exponent = Number(match[3] ?? "0") - fraction.length;
  if (Math.abs(exponent) > 400)
    throw new InvalidDecimalError(`${what} "${text}" has an exponent beyond ±400; rescale it`);
  const digits = BigInt(whole + fraction);
  if (digits === 0n) throw new InvalidDecimalError(`${what} is zero; pass a positive decimal`);
  const ratio =
    exponent >= 0
      ? { numerator: digits * 10n ** BigInt(exponent), denominator: 1n }
      : { numerator: digits, denominator: 10n ** BigInt(-exponent) };
  return reduceRatio(ratio);
}

/** floor(sqrt(numerator / denominator) · 2^96): the sqrtPriceX96 of a raw token1-per-token0 ratio. */
export function encodeSqrtPriceX96(ratio: Ratio): bigint {
  if (ratio.denominator <= 0n || ratio.numerator < 0n)
    throw new InvalidDexArgumentError(
      "encodeSqrtPriceX96: the ratio must be non-negative with a positive denominator",
    );
  // floor(sqrt(floor(x))) = floor(sqrt(x)) for real x >= 0, so one integer division then one integer sqrt is exact.
  return sqrtBigInt((ratio.numerator * Q192) / ratio.denominator);
}

/** Throws unless a pool can be initialised at this sqrtPriceX96. */
export function assertSqrtPriceInRange(sqrtPriceX96: bigint, what = "price"): void {
  if (sqrtPriceX96 < MIN_SQRT_RATIO || sqrtPriceX96 >= MAX_SQRT_RATIO)
    throw new PriceOutOfRangeError(
      `${what} gives sqrtPriceX96 ${sqrtPriceX96}, outside [${MIN_SQRT_RATIO}, ${MAX_SQRT_RATIO}); check the price and the decimals of both tokens`,
    );
}

/** Raw token1-per-token0 ratio for "one whole A costs `priceAInB` whole B". */
export function rawPriceToken1PerToken0(args: {
  readonly priceAInB: Decimal;
  readonly decimalsA: number;
  readonly decimalsB: number;
  readonly aIsToken0: boolean;
}): Ratio {
  const price = parseDecimal(args.priceAInB, "priceAInB");
  const scaleA = 10n ** BigInt(args.decimalsA);
  const scaleB = 10n ** BigInt(args.decimalsB);
  // raw B per raw A = price · 10^decB / 10^decA.
  const bPerA = { numerator: price.numerator * scaleB, denominator: price.denominator * scaleA };
  return reduceRatio(args.aIsToken0 ? bPerA : { numerator: bPerA.denominator, denominator: bPerA.numerator });
}

/** The sqrtPriceX96 at which one whole A costs `priceAInB` whole B. */
export function sqrtPriceX96ForPrice(args: {
  readonly priceAInB: Decimal;
  readonly decimalsA: number;
  readonly decimalsB: number;
  readonly aIsToken0: boolean;
}): bigint {
  const sqrtPriceX96 = encodeSqrtPriceX96(rawPriceToken1PerToken0(args));
  assertSqrtPriceInRange(sqrtPriceX96, `priceAInB ${args.priceAInB}`);
  return sqrtPriceX96;
}

/** The exact raw token1-per-token0 price of a sqrtPriceX96: sqrtPriceX96² / 2^192. */
export function priceFromSqrtPriceX96(sqrtPriceX96: bigint): Ratio {
  return { numerator: sqrtPriceX96 * sqrtPriceX96, denominator: Q192 };
}

/** Whole-B-per-whole-A price of a sqrtPriceX96, as an exact ratio. */
export function priceAInBFromSqrtPriceX96(args: {
  readonly sqrtPriceX96: bigint;
  readonly decimalsA: number;
  readonly decimalsB: number;
  readonly aIsToken0: boolean;
}): Ratio {
  const square = args.sqrtPriceX96 * args.sqrtPriceX96;
  const scaleA = 10n ** BigInt(args.decimalsA);
  const scaleB = 10n ** BigInt(args.decimalsB);
  // raw B per raw A, then · 10^decA / 10^decB.
  return args.aIsToken0
    ? reduceRatio({ numerator: square * scaleA, denominator: Q192 * scaleB })
    : reduceRatio({ numerator: Q192 * scaleA, denominator: square * scaleB });
}

/** A ratio as a JS number (for display and loose comparisons only; precise to ~1e-15 relative). */
export function ratioToNumber(r: Ratio): number {
  if (r.denominator === 0n) throw new InvalidDexArgumentError("ratioToNumber: zero denominator");
  const bits = (n: bigint): number => n.toString(2).length;
  // Scale so that the integer quotient keeps at least 64 significant bits.
  const shift = Math.max(0, 64 + bits(r.denominator) - bits(r.numerator));
  return Number((r.numerator << BigInt(shift)) / r.denominator) * 2 ** -shift;
}

/** Lowest and highest usable ticks for a tick spacing: ±887272 rounded towards zero to a multiple of it. */
export function fullRangeTicks(tickSpacing: number): {
  readonly tickLower: number;
  readonly tickUpper: number;
} {
  if (!Number.isInteger(tickSpacing) || tickSpacing <= 0)
    throw new InvalidDexArgumentError(`tick spacing ${tickSpacing} must be a positive integer`);
  const tickUpper = Math.floor(MAX_TICK / tickSpacing) * tickSpacing;
  return { tickLower: -tickUpper, tickUpper };
}

/** |price(sqrtPriceX96) / price(targetSqrtPriceX96) − 1| ≤ toleranceBps / 10,000, exactly. */
export function withinBps(sqrtPriceX96: bigint, targetSqrtPriceX96: bigint, toleranceBps: Decimal): boolean {
  const tolerance = parseDecimalOrZero(toleranceBps, "toleranceBps");
  const p = sqrtPriceX96 * sqrtPriceX96;
  const t = targetSqrtPriceX96 * targetSqrtPriceX96;
  const diff = p > t ? p - t : t - p;
  return diff * 10_000n * tolerance.denominator <= tolerance.numerator * t;
}

function parseDecimalOrZero(value: Decimal, what: string): Ratio {
  if (value === 0 || value === "0") return { numerator: 0n, denominator: 1n };
  return parseDecimal(value, what);
}

const divRoundingUp = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

/**
 * Amount of tokenIn (fee included) that moves a pool with constant active liquidity `liquidity` from
 * `sqrtPriceX96` to `targetSqrtPriceX96`, rounded up the way the pool rounds (SqrtPriceMath and
 * SwapMath.computeSwapStep). A full-range position is such a pool: within range it behaves like
 * x·y = L², so amount0 = L·2^96·(s − t)/(s·t) when the price falls and amount1 = L·(t − s)/2^96 when it rises.
 */
export function amountInToReachSqrtPrice(args: {
  readonly liquidity: bigint;
  readonly sqrtPriceX96: bigint;
  readonly targetSqrtPriceX96: bigint;
  /** Pool fee in hundredths of a bip (500 = 0.05 %). */
  readonly fee: number;
}): { readonly zeroForOne: boolean; readonly amountIn: bigint; readonly amountInLessFee: bigint } {
  const { liquidity, sqrtPriceX96: s, targetSqrtPriceX96: t } = args;
  if (liquidity <= 0n)
    throw new InvalidDexArgumentError("the pool has no active liquidity; add liquidity first");
  if (!Number.isInteger(args.fee) || args.fee < 0 || args.fee >= 1_000_000)
    throw new InvalidDexArgumentError(`fee ${args.fee} must be an integer in [0, 1e6)`);
  const zeroForOne = t < s;
  let net = 0n;
  if (zeroForOne) {
    net = divRoundingUp(divRoundingUp((liquidity << 96n) * (s - t), s), t);
  } else if (t > s) {
    net = divRoundingUp(liquidity * (t - s), Q96);
  }
  const fee = BigInt(args.fee);
  // computeSwapStep reaches the target when floor(amountIn · (1e6 − fee) / 1e6) >= net.
  const amountIn = divRoundingUp(net * FEE_DENOMINATOR, FEE_DENOMINATOR - fee);
  return { zeroForOne, amountIn, amountInLessFee: net };
}

/** Raw amounts worth `tvlUsd` in total, half in each token, at "one A = priceAInB B" and "one B = priceBInUsd USD". */
export function amountsForTvl(args: {
  readonly tvlUsd: Decimal;
  readonly priceAInB: Decimal;
  readonly priceBInUsd: Decimal;
  readonly decimalsA: number;
  readonly decimalsB: number;
}): { readonly amountA: bigint; readonly amountB: bigint } {
  const tvl = parseDecimal(args.tvlUsd, "tvlUsd");
  const pAB = parseDecimal(args.priceAInB, "priceAInB");
  const pBUsd = parseDecimal(args.priceBInUsd, "priceBInUsd");
  const scaleA = 10n ** BigInt(args.decimalsA);
  const scaleB = 10n ** BigInt(args.decimalsB);
  // whole B = (tvl/2) / priceBInUsd; whole A = whole B / priceAInB.
  const amountB = (tvl.numerator * pBUsd.denominator * scaleB) / (2n * tvl.denominator * pBUsd.numerator);
  const amountA =
    (tvl.numerator * pBUsd.denominator * pAB.denominator * scaleA) /
    (2n * tvl.denominator * pBUsd.numerator * pAB.numerator);
  return { amountA, amountB };
}
