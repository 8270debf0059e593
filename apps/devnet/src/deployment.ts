import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deployRouter } from "@blocketf/sdk";
import {
  type BasketSymbol,
  DEVNET_BLOCKS_PER_DAY,
  DEVNET_BLOCKS_PER_YEAR,
  type DevClients,
  deployLocalDex,
  deployLocalStack,
  type LocalPools,
  specRateModels,
  wireRebalancer,
} from "@blocketf/testkit";
import type { Address } from "viem";
import type { DevnetConfig } from "./config.js";

/** The repository root: the default home of `deployments/local.json` and `.devnet/`. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export type DevnetPaths = {
  /** What the devnet deployed, for the SDK, the keeper, the dApp and the README's readers. */
  readonly deploymentFile: string;
  /** anvil's saved chain (git-ignored). */
  readonly stateFile: string;
};

export function devnetPaths(dir: string): DevnetPaths {
  return {
    deploymentFile: join(dir, "deployments", "local.json"),
    stateFile: join(dir, ".devnet", "anvil-state.json"),
  };
}

/** anvil's default chain id: the devnet's. */
export const DEVNET_CHAIN_ID = 31337;

/** anvil's dev key index of the keeper (0 deployer, 1 lender, 2 borrower, 3 user): its own nonces. */
export const KEEPER_KEY_INDEX = 4;
/** anvil's dev key index of Venus's borrower (the replayer's utilisation manager sends from it). */
export const BORROWER_KEY_INDEX = 2;

/** The devnet's DEX: PancakeSwap V3's own contracts (a saved chain with another DEX is deployed again). */
export const DEX_KIND = "pancakeswap-v3";

export type LocalDeployment = {
  chainId: number;
  rpcUrl: string;
  fund: Address;
  factory: Address;
  lens: Address;
  oracle: Address;
  venusLib: Address;
  rebalanceLib: Address;
  redeemLib: Address;
  /** The fund's BlockETFRebalancer (routes through `dex.pools`); its keeper is `accounts.keeper`. */
  rebalancer: Address;
  /** The USDT router (BlockETFRouter): mint from and redeem to USDT through the rebalancer's routes. */
  router: Address;
  tokens: Record<BasketSymbol, Address>;
  feeds: Record<BasketSymbol, Address>;
  venus: {
    comptroller: Address;
    oracle: Address;
    /** The fund's markets: WBNB's is vWBNB (ERC-20, underlying WBNB), as on BNB Chain's core pool. */
    vTokens: Record<BasketSymbol, Address>;
    /** The native vBNB market, listed beside vWBNB as on BNB Chain; no fund uses it. */
    vBNB: Address;
    blocksPerDay: number;
    /** Blocks per year in the rate models (the SDK's `supplyApy` needs it). */
    blocksPerYear: number;
  };
  dex: {
    kind: typeof DEX_KIND;
    /** Our PancakeV3PoolDeployer: every pool address derives from it and BNB Chain's init-code hash. */
    poolDeployer: Address;
    factory: Address;
    router: Address;
    quoter: Address;
    positionManager: Address;
    pools: LocalPools;
  };
  accounts: { deployer: Address; lender: Address; borrower: Address; user: Address; keeper: Address };
  replay: { from: string; weightsBps: Record<BasketSymbol, number>; nextDay: number };
};

export function readDeployment(paths: DevnetPaths): LocalDeployment | undefined {
  if (!existsSync(paths.deploymentFile)) return undefined;
  return JSON.parse(readFileSync(paths.deploymentFile, "utf8")) as LocalDeployment;
}

export function writeDeployment(paths: DevnetPaths, deployment: LocalDeployment): void {
  mkdirSync(dirname(paths.deploymentFile), { recursive: true });
  writeFileSync(paths.deploymentFile, `${JSON.stringify(deployment, null, 2)}\n`);
}

/** Deploys everything on a fresh chain at the first replayed day's prices. */
export async function deployDevnet(
  clients: {
    admin: DevClients;
    lender: DevClients;
    borrower: DevClients;
    user: DevClients;
    keeper: DevClients;
  },
  config: DevnetConfig,
  prices: Readonly<Record<BasketSymbol, number>>,
): Promise<LocalDeployment> {
  const { admin } = clients;
  const stack = await deployLocalStack(admin, clients.lender, clients.borrower, {
    pricesUsd: prices,
    weightsBps: config.weightsBps,
    bufferBps: config.bufferBps,
    // Each market pays the spec's APY assumption at the utilisation the replayer keeps (the backtester's).
    rateModels: specRateModels((config.utilization?.targetBps ?? 5000) / 10_000),
    heartbeat: 2 * 86_400,
  });
  const { dex, pools } = await deployLocalDex(admin, stack, prices);
  const vBnb = stack.venus.vTokens.BNB;
  if (vBnb === undefined) throw new Error("the local Venus has no native vBNB market");
  const rebalancer = await wireRebalancer(admin, {
    fund: stack.fund,
    router: dex.router,
    tokens: stack.tokens,
    keeper: clients.keeper.account.address,
  });
  const router = await deployRouter(admin);
  return {
    chainId: admin.chain.id,
    rpcUrl: admin.chain.rpcUrls.default.http[0] ?? "",
    fund: stack.fund,
    factory: stack.fundStack.factory,
    lens: stack.fundStack.lens,
    oracle: stack.fundStack.oracle,
    venusLib: stack.fundStack.venusLib,
    rebalanceLib: stack.fundStack.rebalanceLib,
    redeemLib: stack.fundStack.redeemLib,
    rebalancer,
    router,
    tokens: { ...stack.tokens },
    feeds: { ...stack.feeds },
    venus: {
      comptroller: stack.venus.comptroller,
      oracle: stack.venus.oracle,
      vTokens: { ...stack.vTokens },
      vBNB: vBnb,
      blocksPerDay: DEVNET_BLOCKS_PER_DAY,
      blocksPerYear: Number(DEVNET_BLOCKS_PER_YEAR),
    },
    dex: {
      kind: DEX_KIND,
      poolDeployer: dex.poolDeployer,
      factory: dex.factory,
      router: dex.router,
      quoter: dex.quoter,
      positionManager: dex.positionManager,
      pools: { ...pools },
    },
    accounts: {
      deployer: admin.account.address,
      lender: clients.lender.account.address,
      borrower: clients.borrower.account.address,
      user: clients.user.account.address,
      keeper: clients.keeper.account.address,
    },
    replay: { from: config.from, weightsBps: { ...config.weightsBps }, nextDay: 1 },
  };
}
