import {
  blockEtfAbi,
  blockEtfFactoryAbi,
  blockEtfFactoryBytecode,
  blockEtfFactoryLinkReferences,
  blockEtfLensAbi,
  blockEtfLensBytecode,
  blockEtfLensLinkReferences,
  blockEtfRebalancerAbi,
  blockEtfRebalancerBytecode,
  blockEtfRouterAbi,
  blockEtfRouterBytecode,
  chainlinkOracleAbi,
  chainlinkOracleBytecode,
  linkBytecode,
  rebalanceLibAbi,
  rebalanceLibBytecode,
  redeemLibAbi,
  redeemLibBytecode,
  redeemLibLinkReferences,
  venusLibAbi,
  venusLibBytecode,
} from "@blocketf/abi";
import { type Address, decodeFunctionResult, type Hex, isAddressEqual, zeroHash } from "viem";
import { readContract } from "viem/actions";
import { write } from "../actions/write.js";
import { buildCall } from "../builders/call.js";
import { buildApprove } from "../builders/fund.js";
import { buildSetRoute, type Route } from "../builders/rebalancer.js";
import { type DeployClients, deploy } from "./clients.js";

/** The fund's contracts shared by every fund on a chain. */
export type FundStack = {
  readonly venusLib: Address;
  readonly rebalanceLib: Address;
  readonly redeemLib: Address;
  readonly factory: Address;
  readonly oracle: Address;
  readonly lens: Address;
};

/**
 * Deploys the linked libraries (VenusLib, in the factory's BlockETF code, RedeemLib and the Lens;
 * RebalanceLib and RedeemLib, in BlockETF), the factory, oracle and Lens.
 */
export async function deployFundStack(
  clients: DeployClients,
  p: { comptroller: Address; wbnb: Address; oracleOwner?: Address },
): Promise<FundStack> {
  const venusLib = await deploy(clients, { abi: venusLibAbi, bytecode: venusLibBytecode });
  const rebalanceLib = await deploy(clients, { abi: rebalanceLibAbi, bytecode: rebalanceLibBytecode });
  const redeemLib = await deploy(clients, {
    abi: redeemLibAbi,
    bytecode: linkBytecode(redeemLibBytecode, redeemLibLinkReferences, { VenusLib: venusLib }),
  });
  const libraries = { VenusLib: venusLib, RebalanceLib: rebalanceLib, RedeemLib: redeemLib };
  const factory = await deploy(clients, {
    abi: blockEtfFactoryAbi,
    bytecode: linkBytecode(blockEtfFactoryBytecode, blockEtfFactoryLinkReferences, libraries),
    args: [p.comptroller, p.wbnb],
  });
  const oracle = await deploy(clients, {
    abi: chainlinkOracleAbi,
    bytecode: chainlinkOracleBytecode,
    args: [p.oracleOwner ?? clients.account.address],
  });
  const lens = await deploy(clients, {
    abi: blockEtfLensAbi,
    bytecode: linkBytecode(blockEtfLensBytecode, blockEtfLensLinkReferences, libraries),
  });
  return { venusLib, rebalanceLib, redeemLib, factory, oracle, lens };
}

/** Points the oracle at the feeds: `feeds[i]` prices `tokens[i]`. */
export async function setOracleFeeds(
  clients: DeployClients,
  oracle: Address,
  entries: ReadonlyArray<{ token: Address; feed: Address; heartbeat: number }>,
): Promise<void> {
  const configs = entries.map((e) => ({
    token: e.token,
    aggregator: e.feed,
    heartbeat: e.heartbeat,
    minPrice: 1n,
    maxPrice: 2n ** 255n,
  }));
  await write(clients.wallet, {
    request: buildCall({
      address: oracle,
      abi: chainlinkOracleAbi,
      functionName: "setFeeds",
      args: [configs],
    }),
  });
}

export type FundAssetSpec = { token: Address; weightBps: number; bufferBps: number; vToken: Address };

export type CreateFundSpec = {
  name: string;
  symbol: string;
  assets: readonly FundAssetSpec[];
  owner: Address;
  guardian: Address;
  keeper: Address;
  feeRecipient: Address;
  managementFeeBps: number;
  redeemFeeBps: number;
  /** D18{USD} Value of the seed, split by target weight at oracle prices. */
  seedUsd: bigint;
  /** {share} Shares the seed mints (1e9 of them are locked). */
  seedShares: bigint;
  salt?: Hex;
};

/**
 * Creates and seeds a fund through the factory. `acquire(token, amount)` must leave `amount` of `token`
 * in the deployer's wallet (a faucet, a wrap, a transfer from a whale …).
 */
export async function createFund(
  clients: DeployClients,
  stack: FundStack,
  spec: CreateFundSpec,
  acquire: (token: Address, amount: bigint) => Promise<void>,
): Promise<Address> {
  const assets = spec.assets.map((a) => ({ ...a, weightBps: a.weightBps, bufferBps: a.bufferBps }));
  const amounts = await readContract(clients.wallet, {
    address: stack.factory,
    abi: blockEtfFactoryAbi,
    functionName: "previewSeedAmounts",
    args: [assets, stack.oracle, spec.seedUsd],
  });
  for (const [i, asset] of assets.entries()) {
    const amount = amounts[i] ?? 0n;
    await acquire(asset.token, amount);
    await write(clients.wallet, {
      request: buildApprove({ token: asset.token, spender: stack.factory, amount }),
    });
  }
  const params = {
    name: spec.name,
    symbol: spec.symbol,
    assets,
    owner: spec.owner,
    guardian: spec.guardian,
    keeper: spec.keeper,
    feeRecipient: spec.feeRecipient,
    managementFeeBps: spec.managementFeeBps,
    redeemFeeBps: spec.redeemFeeBps,
    oracle: stack.oracle,
  };
  const { returnData } = await write(clients.wallet, {
    request: buildCall({
      address: stack.factory,
      abi: blockEtfFactoryAbi,
      functionName: "createFund",
      args: [params, amounts, spec.seedShares, clients.account.address, spec.salt ?? zeroHash],
    }),
  });
  // The fund's address as the factory returned it in the simulation of the very transaction sent.
  return decodeFunctionResult({ abi: blockEtfFactoryAbi, functionName: "createFund", data: returnData });
}

export type RebalancerSpec = {
  fund: Address;
  /** V3 SwapRouter (PancakeSwap V3 on BNB Chain). */
  router: Address;
  /** Index of the stablecoin sleeve in the fund. */
  stableIndex: number;
  /** Owner of the rebalancer (routes and delays). */
  owner: Address;
  /** Route of each non-stable asset by basket index. */
  routes: ReadonlyArray<{ index: number; route: Route }>;
  /** {s} Minimum time between steps; the contract's default (60 s) when omitted. */
  stepInterval?: number;
};

/**
 * Deploys the fund's BlockETFRebalancer, sets every route (the deployer must own it: pass
 * `owner = clients.account.address`, or set routes later from the owner) and, when the deployer owns the
 * fund, makes it the fund's rebalancer.
 */
export async function deployRebalancer(clients: DeployClients, spec: RebalancerSpec): Promise<Address> {
  const rebalancer = await deploy(clients, {
    abi: blockEtfRebalancerAbi,
    bytecode: blockEtfRebalancerBytecode,
    args: [spec.fund, spec.router, BigInt(spec.stableIndex), spec.owner],
  });
  const me = clients.account.address;
  if (isAddressEqual(spec.owner, me)) {
    for (const { index, route } of spec.routes) {
      await write(clients.wallet, { request: buildSetRoute({ rebalancer, index, route }) });
    }
    if (spec.stepInterval !== undefined) {
      await write(clients.wallet, {
        request: buildCall({
          address: rebalancer,
          abi: blockEtfRebalancerAbi,
          functionName: "setStepInterval",
          args: [spec.stepInterval],
        }),
      });
    }
  }
  const fundOwner = await readContract(clients.wallet, {
    address: spec.fund,
    abi: blockEtfAbi,
    functionName: "owner",
  });
  if (isAddressEqual(fundOwner, me)) {
    await write(clients.wallet, {
      request: buildCall({
        address: spec.fund,
        abi: blockEtfAbi,
        functionName: "setRebalancer",
        args: [rebalancer],
      }),
    });
  }
  return rebalancer;
}

/** Deploys the USDT router (BlockETFRouter): stateless, one per chain serves every fund through its rebalancer's routes. */
export async function deployRouter(clients: Pick<DeployClients, "wallet">): Promise<Address> {
  return deploy(clients, { abi: blockEtfRouterAbi, bytecode: blockEtfRouterBytecode });
}
