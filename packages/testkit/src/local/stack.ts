import { BASKET, type BasketSymbol, CT5U, specTable, specWeightsBps } from "@blocketf/core";
import { buildCall, write } from "@blocketf/sdk";
import { type Address, isAddressEqual, parseEther } from "viem";
import type { DevClients } from "./chain.js";
import {
  createFund,
  deployFundStack,
  deployReplayFeeds,
  type FundStack,
  setOracleFeeds,
} from "./fund/deployFund.js";
import {
  addBorrower,
  type BscTokens,
  bscVenusMarkets,
  deployBscTokens,
  deployVenus,
  type JumpRateModelConfig,
  supplyToVenus,
  type VenusClients,
  type VenusDeployment,
} from "./venus/deployVenus.js";
import { mockTokenAbi } from "./venus/generated/mockToken.js";
import { wbnbAbi } from "./venus/generated/wbnb.js";
import { rateModelForSupplyApy } from "./venus/rateModel.js";

/**
 * The basket (BSC tokens; BNB is held as WBNB), from the one fund spec (`@blocketf/core` `CT5U`). Each
 * one's Venus market is the ERC-20 market of the same symbol: WBNB's is vWBNB (underlying WBNB), as on BNB
 * Chain's core pool; the native vBNB market is deployed beside it, as BNB Chain keeps it, but no fund uses it.
 */
export { BASKET, type BasketSymbol };
/**
 * Venus markets supplied and borrowed on a local stack: the native vBNB ("BNB") and the basket's. vBNB
 * comes first: its borrower's USDT collateral must be in vUSDT before USDT is borrowed to the target
 * utilisation, or it dilutes it (50 % → 42 %).
 */
const VENUS_MARKETS = ["BNB", ...BASKET] as const;

/**
 * The devnet's time scale: one replayed day is 100 blocks (anvil's cost per block grows with the chain's
 * height, so blocks are precious). Venus caps the borrow rate at 5e12 per block, so at 36,500 blocks a
 * year the rate at 100 % utilisation must stay under 18.25 %/year: the devnet curve is mainnet's
 * stablecoin shape (10 %/year slope to an 80 % kink) with a gentler 50 %/year jump (18 % at 100 %).
 */
export const DEVNET_BLOCKS_PER_DAY = 100;
export const DEVNET_BLOCKS_PER_YEAR = BigInt(DEVNET_BLOCKS_PER_DAY * 365);
export const DEVNET_RATE_MODEL: JumpRateModelConfig = {
  baseRatePerYear: 0n,
  multiplierPerYear: parseEther("0.1"),
  jumpMultiplierPerYear: parseEther("0.5"),
  kink: parseEther("0.8"),
};

/** {USD} Round start prices the tests deploy with (late-2025 orders of magnitude). */
export const TEST_PRICES_USD: Readonly<Record<BasketSymbol, number>> = {
  BTCB: 100_000,
  ETH: 4_000,
  WBNB: 700,
  XRP: 2.5,
  SOL: 200,
  USDT: 1,
};

/** {bps} The spec's target weights (CT5 + a 20 % USDT sleeve). */
export const DEFAULT_WEIGHTS_BPS: Readonly<Record<BasketSymbol, number>> = specWeightsBps(CT5U);

/**
 * {bps} The spec's cash buffer of every asset: kept idle to pay redemptions without Venus, the rest supplied
 * to Venus by sweeps. 2 %: a 90-day devnet replay keeps at least 98.0 % of NAV earning (`npm run
 * bench:earning`); a redemption above the buffer withdraws from Venus, about 144k gas more per market on
 * Venus's own markets (README, "Cash buffer").
 */
export const DEFAULT_BUFFER_BPS: number = CT5U.bufferBps;

/**
 * Each basket market's rate model, from the spec's APY assumptions: it pays `supplyApyPct` at the
 * `utilization` the devnet's borrower keeps (so the devnet earns what the backtester assumes).
 */
export function specRateModels(
  utilization: number,
  blocksPerYear: bigint = DEVNET_BLOCKS_PER_YEAR,
): Readonly<Record<BasketSymbol, JumpRateModelConfig>> {
  return specTable(CT5U, (a) =>
    rateModelForSupplyApy({ supplyApyPct: a.supplyApyPct, utilization, blocksPerYear }),
  );
}

export type LocalStackOptions = {
  /** USD prices at the start, per basket symbol. */
  pricesUsd: Readonly<Record<BasketSymbol, number>>;
  weightsBps?: Readonly<Record<BasketSymbol, number>>;
  /** Venus rate models' blocks per year: the time compression (default DEVNET_BLOCKS_PER_YEAR). */
  blocksPerYear?: bigint;
  /** Venus rate model of every market (default DEVNET_RATE_MODEL). */
  rateModel?: JumpRateModelConfig;
  /** Per-market rate models overriding `rateModel` (e.g. `specRateModels`: the spec's APYs). */
  rateModels?: Partial<Readonly<Record<BasketSymbol, JumpRateModelConfig>>>;
  /** {bps} Cash buffer of every asset (default DEFAULT_BUFFER_BPS, the spec's). */
  bufferBps?: number;
  /** Utilisation the borrowers keep in every market, 1e18-scaled. */
  utilization?: bigint;
  /** D18{USD} Seed value of the fund. */
  seedUsd?: bigint;
  /** Feed heartbeat given to the oracle, seconds. */
  heartbeat?: number;
};

export type LocalStack = {
  readonly tokens: BscTokens;
  readonly venus: VenusDeployment;
  readonly fundStack: FundStack;
  readonly feeds: Readonly<Record<BasketSymbol, Address>>;
  readonly fund: Address;
  /** Basket symbol → the fund's vToken for it. */
  readonly vTokens: Readonly<Record<BasketSymbol, Address>>;
};

const venusClientsOf = (c: DevClients): VenusClients => ({
  publicClient: c.publicClient,
  walletClient: c.wallet,
});

/**
 * Leaves `amount` of `token` in the wallet: MockToken's faucet, or for WBNB wrapping BNB that anvil first
 * credits to the account (local chains only). Sent through the SDK's `write`.
 */
export async function acquireToken(
  clients: DevClients,
  tokens: BscTokens,
  token: Address,
  amount: bigint,
): Promise<void> {
  if (isAddressEqual(token, tokens.WBNB)) {
    const address = clients.account.address;
    const balance = await clients.publicClient.getBalance({ address });
    // Test-only anvil manipulation: the BNB to wrap.
    await clients.test.setBalance({ address, value: balance + amount });
    await write(clients.wallet, {
      request: buildCall({ address: token, abi: wbnbAbi, functionName: "deposit", value: amount }),
    });
  } else {
    await write(clients.wallet, {
      request: buildCall({ address: token, abi: mockTokenAbi, functionName: "faucet", args: [amount] }),
    });
  }
}

/**
 * Deploys the whole local stack on a fresh chain: the BSC tokens, Venus's core pool (7 markets: the
 * basket's six, WBNB's being vWBNB, and the native vBNB) with a liquidity provider (`lender`) and a
 * borrower (`borrower`) keeping every market utilised,
 * the fund's contracts, replay price feeds, and a seeded CT5 + USDT fund on those markets.
 */
export async function deployLocalStack(
  admin: DevClients,
  lender: DevClients,
  borrower: DevClients,
  options: LocalStackOptions,
): Promise<LocalStack> {
  const p = options.pricesUsd;
  const tokens = await deployBscTokens(venusClientsOf(admin));
  const venus = await deployVenus(venusClientsOf(admin), {
    markets: bscVenusMarkets(tokens, {
      BTCB: p.BTCB,
      ETH: p.ETH,
      BNB: p.WBNB,
      XRP: p.XRP,
      SOL: p.SOL,
      USDT: p.USDT,
    }).map((market) => {
      const model = options.rateModels?.[market.symbol as BasketSymbol];
      return model === undefined ? market : { ...market, rateModel: model };
    }),
    blocksPerYear: options.blocksPerYear ?? DEVNET_BLOCKS_PER_YEAR,
    rateModel: options.rateModel ?? DEVNET_RATE_MODEL,
  });

  // $1M of supply in every market from the lender, then the borrower takes it to the target utilisation.
  const utilization = options.utilization ?? parseEther("0.5");
  const priceOf = (symbol: (typeof VENUS_MARKETS)[number]): number => (symbol === "BNB" ? p.WBNB : p[symbol]);
  for (const symbol of VENUS_MARKETS) {
    const amount = parseEther(String(Math.round((1_000_000 / priceOf(symbol)) * 1e6) / 1e6));
    if (symbol === "WBNB") {
      // WBNB has no faucet: wrap BNB, then supply it to vWBNB.
      await acquireToken(lender, tokens, tokens.WBNB, amount);
      await supplyToVenus(venusClientsOf(lender), venus, symbol, amount, { faucet: false });
    } else {
      await supplyToVenus(venusClientsOf(lender), venus, symbol, amount);
    }
  }
  for (const symbol of VENUS_MARKETS) {
    const collateral = symbol === "USDT" ? "BTCB" : "USDT";
    const collateralAmount = parseEther(String(Math.round((4_000_000 / p[collateral]) * 1e6) / 1e6));
    await addBorrower(venusClientsOf(borrower), venus, {
      collateral,
      collateralAmount,
      borrow: symbol,
      utilization,
    });
  }

  const fundStack = await deployFundStack(admin, { comptroller: venus.comptroller, wbnb: tokens.WBNB });
  const feeds = (await deployReplayFeeds(admin, p)) as Record<BasketSymbol, Address>;
  await setOracleFeeds(
    admin,
    fundStack.oracle,
    BASKET.map((s) => ({ token: tokens[s], feed: feeds[s], heartbeat: options.heartbeat ?? 86_400 })),
  );
  const weights = options.weightsBps ?? DEFAULT_WEIGHTS_BPS;
  const vTokens = Object.fromEntries(BASKET.map((s) => [s, venus.vTokens[s] as Address])) as Record<
    BasketSymbol,
    Address
  >;
  const me = admin.account.address;
  const fund = await createFund(
    admin,
    fundStack,
    {
      name: CT5U.name,
      symbol: CT5U.symbol,
      assets: BASKET.map((s) => ({
        token: tokens[s],
        weightBps: weights[s],
        bufferBps: options.bufferBps ?? DEFAULT_BUFFER_BPS,
        vToken: vTokens[s],
      })),
      owner: me,
      guardian: me,
      keeper: me,
      feeRecipient: me,
      managementFeeBps: 0,
      redeemFeeBps: 0,
      seedUsd: options.seedUsd ?? parseEther("100000"),
      seedShares: parseEther("100"),
    },
    (token, amount) => acquireToken(admin, tokens, token, amount),
  );
  return { tokens, venus, fundStack, feeds, fund, vTokens };
}
