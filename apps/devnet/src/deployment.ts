import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { blockEtfAbi } from "@blocketf/abi";
import { deployRebalancer, v3Path } from "@blocketf/sdk";
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

/** {USD} Value of each devnet pool: $5M full range, half in the asset, half in USDT. */
const POOL_TVL_USD = 5_000_000;

/**
 * The devnet rebalancer's routes: one hop through each asset's pool, 1 % slippage bound per swap (pool fee
 * included), and at most 0.1 % of the pool's value per step. Sized from the pool, not guessed: a trade of
 * `x` in a full-range pool with `R` of each side moves the price by about `x / R`, so $5,000 against $2.5M
 * costs ~0.2 % plus the fee (≤ 0.25 %) per swap — inside the 1 % swap bound, and a sell and a buy together
 * stay under the fund's 1 % loss bound. (2 % of TVL, $100,000, would cost ~4 % per swap and always revert.)
 */
const ROUTE_SLIPPAGE_BPS = 100;
const ROUTE_MAX_TRADE_USD = POOL_TVL_USD / 1000;

/** anvil's dev key index of the keeper (0 deployer, 1 lender, 2 borrower, 3 user): its own nonces. */
export const KEEPER_KEY_INDEX = 4;

export type LocalDeployment = {
  chainId: number;
  rpcUrl: string;
  fund: Address;
  factory: Address;
  lens: Address;
  oracle: Address;
  venusLib: Address;
  rebalanceLib: Address;
  /** The fund's BlockETFRebalancer (routes through `dex.pools`); its keeper is `accounts.keeper`. */
  rebalancer: Address;
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
  const rebalancer = await wireRebalancer(admin, {
    fund: stack.fund,
    router: dex.router,
    tokens: stack.tokens,
    keeper: clients.keeper.account.address,
  });
  return {
    chainId: admin.chain.id,
    rpcUrl: admin.chain.rpcUrls.default.http[0] ?? "",
    fund: stack.fund,
    factory: stack.fundStack.factory,
    lens: stack.fundStack.lens,
    oracle: stack.fundStack.oracle,
    venusLib: stack.fundStack.venusLib,
    rebalanceLib: stack.fundStack.rebalanceLib,
    rebalancer,
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
      keeper: clients.keeper.account.address,
    },
    replay: { from: config.from, weightsBps: { ...config.weightsBps }, nextDay: 1 },
  };
}

/**
 * Deploys the fund's rebalancer with a route through each asset's devnet pool, makes it the fund's
 * rebalancer and `keeper` the fund's keeper (the deployer owns the fund on the devnet).
 */
export async function wireRebalancer(
  admin: DevClients,
  p: { fund: Address; router: Address; tokens: Readonly<Record<BasketSymbol, Address>>; keeper: Address },
): Promise<Address> {
  const stableIndex = BASKET.indexOf("USDT");
  const maxTradeValue = parseEther(String(ROUTE_MAX_TRADE_USD));
  const routes = BASKET.flatMap((symbol, index) =>
    symbol === "USDT"
      ? []
      : [
          {
            index,
            route: {
              sellPath: v3Path(p.tokens[symbol], FEE[symbol], p.tokens.USDT),
              buyPath: v3Path(p.tokens.USDT, FEE[symbol], p.tokens[symbol]),
              maxSlippageBps: ROUTE_SLIPPAGE_BPS,
              maxTradeValue,
            },
          },
        ],
  );
  const rebalancer = await deployRebalancer(admin, {
    fund: p.fund,
    router: p.router,
    stableIndex,
    owner: admin.account.address,
    routes,
  });
  const hash = await admin.wallet.writeContract({
    address: p.fund,
    abi: blockEtfAbi,
    functionName: "setKeeper",
    args: [p.keeper],
  });
  const receipt = await admin.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`fund.setKeeper reverted (tx ${hash})`);
  return rebalancer;
}
