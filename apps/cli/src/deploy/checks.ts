import {
  blockEtfAbi,
  blockEtfLensAbi,
  blockEtfRebalancerAbi,
  chainlinkOracleAbi,
  iAggregatorV3Abi,
  iPancakeV3FactoryAbi,
  iPancakeV3PoolAbi,
  iVBep20Abi,
  iVenusMarketsAbi,
  iVTokenAbi,
} from "@blocketf/abi";
import { UsageError } from "@blocketf/cli-kit";
import { routeSlippageBps } from "@blocketf/sdk";
import {
  type Address,
  erc20Abi,
  formatUnits,
  getAddress,
  isAddressEqual,
  type PublicClient,
  zeroAddress,
} from "viem";
import type { NetworkConfig } from "./network.js";

/** One named on-chain check and what it found. */
export type CheckResult = { readonly name: string; readonly ok: boolean; readonly detail: string };

/** Some checks failed: the deployment must not go ahead (or must not be trusted); exit code 2. */
export class ChecksFailedError extends UsageError {
  override name = "ChecksFailedError";
  constructor(readonly results: readonly CheckResult[]) {
    const failed = results.filter((r) => !r.ok);
    super(`${failed.length} check(s) failed:\n${failed.map((r) => `  ✗ ${r.name}: ${r.detail}`).join("\n")}`);
  }
}

async function attempt(name: string, run: () => Promise<string>): Promise<CheckResult> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error: unknown) {
    return {
      name,
      ok: false,
      detail: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
    };
  }
}

function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/**
 * Reads every external contract the config names and checks it is what the config says: token
 * decimals; each vToken's comptroller, that the comptroller lists it (`markets(vToken).isListed`) and
 * that its `underlying()` is the asset (WBNB's market is the ERC-20 vWBNB; native vBNB, which has no
 * underlying, is refused); each feed's description, decimals and freshness against its heartbeat.
 * Read-only: safe against mainnet before anything is sent.
 */
export async function preflightChecks(client: PublicClient, network: NetworkConfig): Promise<CheckResult[]> {
  const chainId = await client.getChainId();
  const now = (await client.getBlock()).timestamp;
  const results: CheckResult[] = [
    {
      name: "chain id",
      ok: chainId === network.chainId,
      detail: `RPC says ${chainId}, config says ${network.chainId}`,
    },
  ];
  for (const a of network.assets) {
    results.push(
      await attempt(`${a.symbol} decimals`, async () => {
        const decimals = await client.readContract({
          address: a.token,
          abi: erc20Abi,
          functionName: "decimals",
        });
        expectThat(decimals === a.decimals, `token has ${decimals}, config says ${a.decimals}`);
        return `${decimals}`;
      }),
      await attempt(`${a.symbol} Venus market`, async () => {
        const comptroller = await client.readContract({
          address: a.vToken,
          abi: iVTokenAbi,
          functionName: "comptroller",
        });
        expectThat(
          isAddressEqual(comptroller, network.comptroller),
          `vToken's comptroller is ${comptroller}`,
        );
        const [isListed] = await client.readContract({
          address: network.comptroller,
          abi: iVenusMarketsAbi,
          functionName: "markets",
          args: [a.vToken],
        });
        expectThat(
          isListed,
          `${getAddress(a.vToken)} is not listed in the core comptroller ${getAddress(network.comptroller)}`,
        );
        // Venus's native vBNB has no underlying(): the legacy mainnet contract reverts, 10.x's returns zero.
        // Its mintAllowed counts the BNB being supplied twice against the supply cap, so the fund supplies
        // ERC-20 markets only.
        const underlying = await client
          .readContract({ address: a.vToken, abi: iVBep20Abi, functionName: "underlying" })
          .catch(() => zeroAddress);
        expectThat(
          !isAddressEqual(underlying, zeroAddress),
          `${getAddress(a.vToken)} has no underlying() (native vBNB); WBNB's market is the ERC-20 vWBNB (underlying WBNB)`,
        );
        expectThat(
          isAddressEqual(underlying, a.token),
          `vToken's underlying is ${underlying}, config says ${a.token}`,
        );
        return `${getAddress(a.vToken)} listed in the core comptroller, underlying ${underlying}`;
      }),
      await attempt(`${a.symbol} feed`, async () => {
        const [description, decimals, round] = await Promise.all([
          client.readContract({ address: a.feed, abi: iAggregatorV3Abi, functionName: "description" }),
          client.readContract({ address: a.feed, abi: iAggregatorV3Abi, functionName: "decimals" }),
          client.readContract({ address: a.feed, abi: iAggregatorV3Abi, functionName: "latestRoundData" }),
        ]);
        expectThat(description.startsWith(`${a.feedSymbol} / USD`), `description is "${description}"`);
        const [, answer, , updatedAt] = round;
        expectThat(answer > 0n, `answer is ${answer}`);
        const age = Number(now - updatedAt);
        expectThat(age <= a.heartbeat, `last update ${age} s ago, heartbeat ${a.heartbeat} s`);
        return `"${description}", ${decimals} decimals, updated ${age} s ago`;
      }),
    );
  }
  const weights = network.assets.reduce((sum, a) => sum + a.weightBps, 0);
  results.push({ name: "weights", ok: weights === 10_000, detail: `sum to ${weights} bps` });
  results.push(...(await poolChecks(client, network)));
  return results;
}

/**
 * {USD} Depth of a V3 pool at its current price: the value of the stablecoin side of its virtual reserves
 * (in-range liquidity L at sqrt price P: L × P of token1, or L / P of token0). A swap of `x` USD executes
 * about `x / depth` below the pool's price (x·y = k on the virtual reserves), so a route's step of
 * `maxTradeUsd` costs ~`maxTradeUsd / depth` in impact on top of the fee, while it stays inside the range.
 */
export function poolDepthUsd(p: {
  liquidity: bigint;
  sqrtPriceX96: bigint;
  stableIsToken0: boolean;
  stableDecimals: number;
  /** D18{USD/tok} The stablecoin's price. */
  stablePrice: bigint;
}): number {
  const Q96 = 2n ** 96n;
  // {tok} virtual reserve of the stablecoin side.
  const reserve = p.stableIsToken0
    ? (p.liquidity * Q96) / p.sqrtPriceX96
    : (p.liquidity * p.sqrtPriceX96) / Q96;
  return (Number(reserve) / 10 ** p.stableDecimals) * (Number(p.stablePrice) / 1e18);
}

/**
 * Each asset's V3 pool against the stablecoin exists at the configured fee tier, holds liquidity, and is
 * deep enough for the route's step: fee + the impact of a `routeMaxTradeUsd` swap within the route's
 * per-swap slippage bound (a deeper step would always revert `SwapFailed`).
 */
async function poolChecks(client: PublicClient, network: NetworkConfig): Promise<CheckResult[]> {
  const stable = network.assets.find((a) => a.symbol === network.stableSymbol);
  if (stable === undefined) {
    return [{ name: "stablecoin sleeve", ok: false, detail: `no ${network.stableSymbol} in the basket` }];
  }
  const stablePrice = await readFeedUsd(client, stable.feed).catch(() => 10n ** 18n);
  const results: CheckResult[] = [];
  for (const a of network.assets) {
    if (a === stable) continue;
    results.push(
      await attempt(`${a.symbol}/${stable.symbol} pool`, async () => {
        const fee = a.poolFee;
        if (fee === undefined) throw new Error("no fee tier configured");
        const pool = await client.readContract({
          address: network.dex.factory,
          abi: iPancakeV3FactoryAbi,
          functionName: "getPool",
          args: [a.token, stable.token, fee],
        });
        expectThat(!isAddressEqual(pool, zeroAddress), `no pool at fee tier ${fee / 10_000} %`);
        const [liquidity, slot0, token0] = await Promise.all([
          client.readContract({ address: pool, abi: iPancakeV3PoolAbi, functionName: "liquidity" }),
          client.readContract({ address: pool, abi: iPancakeV3PoolAbi, functionName: "slot0" }),
          client.readContract({ address: pool, abi: iPancakeV3PoolAbi, functionName: "token0" }),
        ]);
        expectThat(liquidity > 0n, `pool ${pool} has no liquidity in range`);
        const depth = poolDepthUsd({
          liquidity,
          sqrtPriceX96: slot0[0],
          stableIsToken0: isAddressEqual(token0, stable.token),
          stableDecimals: stable.decimals,
          stablePrice,
        });
        const step = network.dex.routeMaxTradeUsd;
        const impactBps = (step / depth) * 10_000;
        const costBps = fee / 100 + impactBps;
        const bound = routeSlippageBps({
          feeTiers: [fee],
          impactAllowanceBps: network.dex.routeImpactAllowanceBps,
        });
        const detail = `${pool}, fee ${fee / 10_000} %, depth ${usd(depth)}: a ${usd(step)} step costs ~${costBps.toFixed(1)} bps (fee + ${impactBps.toFixed(1)} impact) of the ${bound} bps swap bound`;
        expectThat(costBps <= bound, `${detail}: too shallow for the step; lower the route's maxTradeUsd`);
        return detail;
      }),
    );
  }
  return results;
}

/** D18{USD/tok} A USD feed's answer scaled to 18 decimals. */
async function readFeedUsd(client: PublicClient, feed: Address): Promise<bigint> {
  const [decimals, round] = await Promise.all([
    client.readContract({ address: feed, abi: iAggregatorV3Abi, functionName: "decimals" }),
    client.readContract({ address: feed, abi: iAggregatorV3Abi, functionName: "latestRoundData" }),
  ]);
  return (round[1] * 10n ** 18n) / 10n ** BigInt(decimals);
}

const usd = (x: number): string =>
  x >= 1e6 ? `$${(x / 1e6).toFixed(2)}M` : `$${Math.round(x).toLocaleString("en-US")}`;

export type OperatorCheckOptions = {
  /** Who takes ownership; undefined when the operator gave none (a failed check, not a skipped one). */
  readonly owner: Address | undefined;
  /** The operator accepts an owner without code (a plain key) instead of a timelock or multisig. */
  readonly ownerIsEoa: boolean;
  /** Who seeds the fund; undefined when neither a key nor --deployer says (a failed check). */
  readonly deployer: Address | undefined;
  /** D18{USD} The seed's value. */
  readonly seedUsd: bigint;
};

/**
 * What the operator brings: the owner is a contract (a timelock or multisig: ownership handed to a plain
 * key is one leaked key from the fund) unless `ownerIsEoa` says otherwise, and the deployer holds each
 * asset's share of the seed at the feeds' prices, with a 1 % margin (the factory takes exactly
 * `previewSeedAmounts`, computed from the same feeds).
 */
export async function operatorChecks(
  client: PublicClient,
  network: NetworkConfig,
  o: OperatorCheckOptions,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  results.push(
    await attempt("owner is a contract", async () => {
      if (o.owner === undefined) throw new Error("no --owner given (the timelock or multisig)");
      const code = await client.getCode({ address: o.owner });
      const hasCode = code !== undefined && code !== "0x";
      expectThat(
        hasCode || o.ownerIsEoa,
        `${getAddress(o.owner)} has no code: give a timelock or multisig, or pass --owner-is-eoa to hand the fund to a plain key`,
      );
      return hasCode
        ? `${getAddress(o.owner)} holds ${(code.length - 2) / 2} bytes of code`
        : `${getAddress(o.owner)} is an EOA (--owner-is-eoa)`;
    }),
  );
  results.push(
    await attempt("seed funds", async () => {
      if (o.deployer === undefined) {
        throw new Error(
          "unknown deployer: set DEPLOYER_PRIVATE_KEY, or --deployer <address> with --check-only",
        );
      }
      const short: string[] = [];
      for (const a of network.assets) {
        const [price, held] = await Promise.all([
          readFeedUsd(client, a.feed),
          client.readContract({
            address: a.token,
            abi: erc20Abi,
            functionName: "balanceOf",
            args: [o.deployer],
          }),
        ]);
        // {tok} = D18{USD} * {bps} / {bps} * 1.01 / D18{USD/tok}, in the token's units.
        const needed =
          (o.seedUsd * BigInt(a.weightBps) * 101n * 10n ** BigInt(a.decimals)) / (10_000n * 100n * price);
        if (held < needed) {
          short.push(`${a.symbol} ${formatUnits(held, a.decimals)} of ~${formatUnits(needed, a.decimals)}`);
        }
      }
      expectThat(
        short.length === 0,
        `${getAddress(o.deployer)} holds too little for the seed: ${short.join(", ")}`,
      );
      return `${getAddress(o.deployer)} holds the $${formatUnits(o.seedUsd, 18)} seed (+1 %) of every asset`;
    }),
  );
  return results;
}

/** One line: how many checks passed, and which failed. */
export function checkSummary(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => !r.ok);
  return failed.length === 0
    ? `preflight: all ${results.length} checks passed`
    : `preflight: ${failed.length} of ${results.length} checks failed: ${failed.map((r) => r.name).join("; ")}`;
}

/** After deployment: the fund holds the configured basket, prices every asset, and ownership is handed over. */
export async function postDeployChecks(
  client: PublicClient,
  network: NetworkConfig,
  deployed: { fund: Address; oracle: Address; lens: Address; owner: Address; rebalancer: Address },
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  results.push(
    await attempt("rebalancer wired", async () => {
      const [set, fundOf, router] = await Promise.all([
        client.readContract({ address: deployed.fund, abi: blockEtfAbi, functionName: "rebalancer" }),
        client.readContract({
          address: deployed.rebalancer,
          abi: blockEtfRebalancerAbi,
          functionName: "FUND",
        }),
        client.readContract({
          address: deployed.rebalancer,
          abi: blockEtfRebalancerAbi,
          functionName: "ROUTER",
        }),
      ]);
      expectThat(isAddressEqual(set, deployed.rebalancer), `fund.rebalancer() is ${set}`);
      expectThat(isAddressEqual(fundOf, deployed.fund), `rebalancer.FUND() is ${fundOf}`);
      expectThat(isAddressEqual(router, network.dex.swapRouter), `rebalancer.ROUTER() is ${router}`);
      return `${deployed.rebalancer} trades through ${router}`;
    }),
  );
  for (const [i, a] of network.assets.entries()) {
    if (a.poolFee === undefined) continue;
    results.push(
      await attempt(`route ${a.symbol}`, async () => {
        const route = await client.readContract({
          address: deployed.rebalancer,
          abi: blockEtfRebalancerAbi,
          functionName: "route",
          args: [BigInt(i)],
        });
        expectThat(route.maxTradeValue > 0n, "no route set");
        return `slippage ${route.maxSlippageBps} bps, max trade $${route.maxTradeValue / 10n ** 18n}`;
      }),
    );
  }
  const assets = await client.readContract({
    address: deployed.fund,
    abi: blockEtfAbi,
    functionName: "assets",
  });
  for (const [i, a] of network.assets.entries()) {
    const held = assets[i];
    results.push({
      name: `fund asset ${i} = ${a.symbol}`,
      ok:
        held !== undefined &&
        isAddressEqual(held.token, a.token) &&
        isAddressEqual(held.vToken, a.vToken) &&
        held.weightBps === a.weightBps,
      detail:
        held === undefined
          ? "missing"
          : `token ${held.token}, vToken ${held.vToken}, weight ${held.weightBps} bps`,
    });
    results.push(
      await attempt(`oracle prices ${a.symbol}`, async () => {
        const price = await client.readContract({
          address: deployed.oracle,
          abi: chainlinkOracleAbi,
          functionName: "price",
          args: [a.token],
        });
        return `$${(Number(price) / 1e18).toFixed(4)}`;
      }),
    );
  }
  results.push(
    await attempt("Lens reads the whole fund", async () => {
      const fund = await client.readContract({
        address: deployed.lens,
        abi: blockEtfLensAbi,
        functionName: "getFund",
        args: [deployed.fund],
      });
      expectThat(fund.pricesOk, "a price was refused");
      expectThat(fund.holdingsOk, "a Venus position cannot be valued");
      return `NAV $${(Number(fund.totalValue) / 1e18).toFixed(2)}, ${fund.assets.length} assets`;
    }),
  );
  for (const [name, address] of [
    ["fund", deployed.fund],
    ["oracle", deployed.oracle],
    ["rebalancer", deployed.rebalancer],
  ] as const) {
    results.push(
      await attempt(`${name} ownership handed to ${deployed.owner}`, async () => {
        // Ownable2Step: the three contracts expose the same owner()/pendingOwner().
        const pending = await client.readContract({
          address,
          abi: chainlinkOracleAbi,
          functionName: "pendingOwner",
        });
        const owner = await client.readContract({ address, abi: chainlinkOracleAbi, functionName: "owner" });
        expectThat(
          isAddressEqual(pending, deployed.owner) || isAddressEqual(owner, deployed.owner),
          `owner ${owner}, pending ${pending}`,
        );
        return isAddressEqual(owner, deployed.owner)
          ? "owner"
          : "pending: the timelock/multisig must acceptOwnership()";
      }),
    );
  }
  return results;
}
