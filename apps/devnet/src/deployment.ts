import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  acquireToken,
  BASKET,
  type BasketSymbol,
  createPoolWithLiquidity,
  DEVNET_BLOCKS_PER_DAY,
  type DevClients,
  deployDex,
  deployLocalStack,
} from "@blocketf/testkit";
import { type Address, parseEther } from "viem";
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

/** PancakeSwap V3 fee tier of each asset's pool against USDT (data/pancakeswap_fee_reference.csv). */
const FEE: Readonly<Record<Exclude<BasketSymbol, "USDT">, number>> = {
  BTCB: 500,
  ETH: 500,
  WBNB: 100,
  XRP: 2500,
  SOL: 2500,
};

export type LocalDeployment = {
  chainId: number;
  rpcUrl: string;
  fund: Address;
  factory: Address;
  lens: Address;
  oracle: Address;
  venusLib: Address;
  rebalanceLib: Address;
  tokens: Record<BasketSymbol, Address>;
  feeds: Record<BasketSymbol, Address>;
  venus: {
    comptroller: Address;
    oracle: Address;
    vTokens: Record<BasketSymbol, Address>;
    blocksPerDay: number;
  };
  dex: {
    kind: "uniswap-v3 (PancakeSwap V3 interfaces)";
    factory: Address;
    router: Address;
    quoter: Address;
    positionManager: Address;
    pools: Record<Exclude<BasketSymbol, "USDT">, { pool: Address; fee: number }>;
  };
  accounts: { deployer: Address; lender: Address; borrower: Address; user: Address };
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
  clients: { admin: DevClients; lender: DevClients; borrower: DevClients; user: DevClients },
  config: DevnetConfig,
  prices: Readonly<Record<BasketSymbol, number>>,
): Promise<LocalDeployment> {
  const { admin } = clients;
  const stack = await deployLocalStack(admin, clients.lender, clients.borrower, {
    pricesUsd: prices,
    weightsBps: config.weightsBps,
    heartbeat: 2 * 86_400,
  });
  const dex = await deployDex({ client: admin.wallet, wbnb: stack.tokens.WBNB });
  const pools = {} as LocalDeployment["dex"]["pools"];
  for (const symbol of BASKET) {
    if (symbol === "USDT") continue;
    const fee = FEE[symbol];
    // The deployer provides $5M of full-range liquidity: half in the asset, half in USDT.
    const amountA = parseEther((2_500_000 / prices[symbol]).toFixed(12));
    const amountB = parseEther("2500000");
    await acquireToken(admin, stack.tokens, stack.tokens[symbol], amountA);
    await acquireToken(admin, stack.tokens, stack.tokens.USDT, amountB);
    const pool = await createPoolWithLiquidity({
      client: admin.wallet,
      dex,
      tokenA: stack.tokens[symbol],
      tokenB: stack.tokens.USDT,
      fee,
      priceAInB: prices[symbol],
      decimalsA: 18,
      decimalsB: 18,
      amountA,
      amountB,
    });
    pools[symbol] = { pool, fee };
  }
  return {
    chainId: admin.chain.id,
    rpcUrl: admin.chain.rpcUrls.default.http[0] ?? "",
    fund: stack.fund,
    factory: stack.fundStack.factory,
    lens: stack.fundStack.lens,
    oracle: stack.fundStack.oracle,
    venusLib: stack.fundStack.venusLib,
    rebalanceLib: stack.fundStack.rebalanceLib,
    tokens: { ...stack.tokens },
    feeds: { ...stack.feeds },
    venus: {
      comptroller: stack.venus.comptroller,
      oracle: stack.venus.oracle,
      vTokens: { ...stack.vTokens },
      blocksPerDay: DEVNET_BLOCKS_PER_DAY,
    },
    dex: {
      kind: "uniswap-v3 (PancakeSwap V3 interfaces)",
      factory: dex.factory,
      router: dex.router,
      quoter: dex.quoter,
      positionManager: dex.positionManager,
      pools,
    },
    accounts: {
      deployer: admin.account.address,
      lender: clients.lender.account.address,
      borrower: clients.borrower.account.address,
      user: clients.user.account.address,
    },
    replay: { from: config.from, weightsBps: { ...config.weightsBps }, nextDay: 1 },
  };
}
