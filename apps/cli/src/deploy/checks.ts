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
import { type Address, erc20Abi, getAddress, isAddressEqual, type PublicClient, zeroAddress } from "viem";
import type { NetworkConfig } from "./network.js";

/** One named on-chain check and what it found. */
export type CheckResult = { readonly name: string; readonly ok: boolean; readonly detail: string };

/** Some checks failed: the deployment must not go ahead (or must not be trusted). */
export class ChecksFailedError extends Error {
  override readonly name = "ChecksFailedError";
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

/** Each asset's V3 pool against the stablecoin exists at the configured fee tier and holds liquidity. */
async function poolChecks(client: PublicClient, network: NetworkConfig): Promise<CheckResult[]> {
  const stable = network.assets.find((a) => a.symbol === network.stableSymbol);
  if (stable === undefined) {
    return [{ name: "stablecoin sleeve", ok: false, detail: `no ${network.stableSymbol} in the basket` }];
  }
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
        const liquidity = await client.readContract({
          address: pool,
          abi: iPancakeV3PoolAbi,
          functionName: "liquidity",
        });
        expectThat(liquidity > 0n, `pool ${pool} has no liquidity in range`);
        return `${pool}, fee ${fee / 10_000} %, liquidity ${liquidity}`;
      }),
    );
  }
  return results;
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
