import { type Address, encodePacked, type Hex } from "viem";
import { InvalidInputError } from "./errors/base.js";

/** A one-hop V3 path `tokenIn | fee | tokenOut` (abi.encodePacked, as the rebalancer's routes take). */
export function v3Path(tokenIn: Address, fee: number, tokenOut: Address): Hex {
  return encodePacked(["address", "uint24", "address"], [tokenIn, fee, tokenOut]);
}

/** The hops of a V3 path: `[tokenIn, fee, tokenOut]` for each pool it crosses. */
export function decodeV3Path(path: Hex): { tokenIn: Address; fee: number; tokenOut: Address }[] {
  const body = path.slice(2);
  if (body.length < 86 || (body.length - 40) % 46 !== 0)
    throw new InvalidInputError(`${path.slice(0, 12)}… is not a V3 path (token | uint24 fee | token …).`);
  const hops: { tokenIn: Address; fee: number; tokenOut: Address }[] = [];
  for (let at = 0; at + 86 <= body.length; at += 46) {
    hops.push({
      tokenIn: `0x${body.slice(at, at + 40)}`,
      fee: Number.parseInt(body.slice(at + 40, at + 46), 16),
      tokenOut: `0x${body.slice(at + 46, at + 86)}`,
    });
  }
  return hops;
}

const Q192 = 1n << 192n;
const WAD = 10n ** 18n;

/**
 * D18{tokOut/tokIn} The pool's spot price of one whole `base` in whole `quote`, rounded down:
 * token1/token0 = sqrtPriceX96² / 2^192 in raw units, scaled by the decimals.
 */
export function v3SpotPriceD18(p: {
  sqrtPriceX96: bigint;
  baseIsToken0: boolean;
  baseDecimals: number;
  quoteDecimals: number;
}): bigint {
  const square = p.sqrtPriceX96 * p.sqrtPriceX96;
  const scaleBase = 10n ** BigInt(p.baseDecimals);
  const scaleQuote = 10n ** BigInt(p.quoteDecimals);
  // D18{quote/base} = raw{quote}/raw{base} * 10^baseDec / 10^quoteDec * 1e18.
  if (p.baseIsToken0) return (square * scaleBase * WAD) / (Q192 * scaleQuote);
  if (square === 0n) return 0n;
  return (Q192 * scaleBase * WAD) / (square * scaleQuote);
}
