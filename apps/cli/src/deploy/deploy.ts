import { blockEtfAbi, blockEtfRebalancerAbi, chainlinkOracleAbi } from "@blocketf/abi";
import { UsageError } from "@blocketf/cli-kit";
import {
  buildCall,
  createFund,
  type DeployClients,
  deployFundStack,
  deployRebalancer,
  deployRouter,
  type FundStack,
  routeSlippageBps,
  setOracleFeeds,
  v3Path,
  write,
} from "@blocketf/sdk";
import { type Address, erc20Abi, type Hex, parseEther, zeroHash } from "viem";
import {
  type CheckResult,
  ChecksFailedError,
  operatorChecks,
  postDeployChecks,
  preflightChecks,
} from "./checks.js";
import type { NetworkConfig } from "./network.js";

export type DeployOptions = {
  /** The timelock or multisig that takes ownership of the fund and the oracle (Ownable2Step: it must accept). */
  readonly owner: Address;
  /** Accept an owner without code (a plain key): refused otherwise (see `operatorChecks`). */
  readonly ownerIsEoa: boolean;
  readonly guardian: Address;
  readonly keeper: Address;
  readonly feeRecipient: Address;
  readonly managementFeeBps: number;
  readonly redeemFeeBps: number;
  /** D18{USD} Seed value; the deployer's wallet must hold the seed amounts (see previewSeedAmounts). */
  readonly seedUsd: bigint;
  readonly seedShares: bigint;
  readonly name: string;
  readonly symbol: string;
  readonly salt?: Hex;
};

/** The deployer does not hold what the seed needs. */
export class SeedFundsMissingError extends UsageError {
  override name = "SeedFundsMissingError";
}

export type DeploymentRecord = FundStack & {
  readonly network: string;
  readonly chainId: number;
  readonly fund: Address;
  /** The fund's BlockETFRebalancer (routes through the network's V3 pools). */
  readonly rebalancer: Address;
  /** The USDT router (stateless, serves every fund on the chain). */
  readonly router: Address;
  readonly owner: Address;
  readonly preflight: readonly CheckResult[];
  readonly postDeploy: readonly CheckResult[];
};

function ensure(results: readonly CheckResult[]): void {
  if (results.some((r) => !r.ok)) throw new ChecksFailedError(results);
}

/**
 * The fund's rebalancer with one route per asset through its pool against the stablecoin, set on the fund
 * (the deployer still owns both at this point).
 */
async function deployRebalancerFor(
  clients: DeployClients,
  network: NetworkConfig,
  fund: Address,
): Promise<Address> {
  const stableIndex = network.assets.findIndex((a) => a.symbol === network.stableSymbol);
  const stable = network.assets[stableIndex];
  if (stable === undefined) throw new Error(`no ${network.stableSymbol} in the basket`);
  const routes = network.assets.flatMap((a, index) =>
    a.poolFee === undefined || index === stableIndex
      ? []
      : [
          {
            index,
            route: {
              sellPath: v3Path(a.token, a.poolFee, stable.token),
              buyPath: v3Path(stable.token, a.poolFee, a.token),
              maxSlippageBps: routeSlippageBps({
                feeTiers: [a.poolFee],
                impactAllowanceBps: network.dex.routeImpactAllowanceBps,
              }),
              maxTradeValue: parseEther(String(network.dex.routeMaxTradeUsd)),
            },
          },
        ],
  );
  return deployRebalancer(clients, {
    fund,
    router: network.dex.swapRouter,
    stableIndex,
    owner: clients.account.address,
    routes,
  });
}

/**
 * Deploys BlockETF on a network: preflight checks of every external contract (tokens, Venus markets,
 * feeds, V3 pools and their depth against the step) and of what the operator brings (owner, seed), then VenusLib and RebalanceLib, factory, oracle (feeds and heartbeats from the config)
 * and Lens, the seeded fund, its rebalancer with a route per asset, the USDT router, ownership of the fund,
 * the oracle and the rebalancer handed to `owner`, and post-deploy checks. Stops at the first failed check
 * group.
 */
export async function deployNetwork(
  clients: DeployClients,
  network: NetworkConfig,
  options: DeployOptions,
): Promise<DeploymentRecord> {
  const preflight = [
    ...(await preflightChecks(clients.publicClient, network)),
    ...(await operatorChecks(clients.publicClient, network, {
      owner: options.owner,
      ownerIsEoa: options.ownerIsEoa,
      deployer: clients.account.address,
      seedUsd: options.seedUsd,
    })),
  ];
  ensure(preflight);

  const stack = await deployFundStack(clients, { comptroller: network.comptroller, wbnb: network.wbnb });
  await setOracleFeeds(
    clients,
    stack.oracle,
    network.assets.map((a) => ({ token: a.token, feed: a.feed, heartbeat: a.heartbeat })),
  );
  const me = clients.account.address;
  const fund = await createFund(
    clients,
    stack,
    {
      name: options.name,
      symbol: options.symbol,
      assets: network.assets.map((a) => ({
        token: a.token,
        weightBps: a.weightBps,
        bufferBps: network.spec.bufferBps,
        vToken: a.vToken,
      })),
      owner: me,
      guardian: options.guardian,
      keeper: options.keeper,
      feeRecipient: options.feeRecipient,
      managementFeeBps: options.managementFeeBps,
      redeemFeeBps: options.redeemFeeBps,
      seedUsd: options.seedUsd,
      seedShares: options.seedShares,
      salt: options.salt ?? zeroHash,
    },
    async (token, amount) => {
      const held = await clients.publicClient.readContract({
        address: token,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [me],
      });
      if (held < amount)
        throw new SeedFundsMissingError(
          `the deployer ${me} holds ${held} of ${token}; the seed needs ${amount}`,
        );
    },
  );
  const rebalancer = await deployRebalancerFor(clients, network, fund);
  const router = await deployRouter(clients);
  // Ownable2Step: the owner becomes pending until the timelock/multisig calls acceptOwnership().
  for (const [address, abi] of [
    [rebalancer, blockEtfRebalancerAbi],
    [fund, blockEtfAbi],
    [stack.oracle, chainlinkOracleAbi],
  ] as const) {
    await write(clients.wallet, {
      request: buildCall({ address, abi, functionName: "transferOwnership", args: [options.owner] }),
    });
  }
  const postDeploy = await postDeployChecks(clients.publicClient, network, {
    fund,
    oracle: stack.oracle,
    lens: stack.lens,
    owner: options.owner,
    rebalancer,
  });
  ensure(postDeploy);
  return {
    ...stack,
    network: network.name,
    chainId: network.chainId,
    fund,
    rebalancer,
    router,
    owner: options.owner,
    preflight,
    postDeploy,
  };
}
