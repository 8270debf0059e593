import { BASKET, type BasketSymbol, type DevClients, venusArtifacts } from "@blocketf/testkit";
import { type Address, encodeFunctionData } from "viem";
import type { LocalDeployment } from "./deployment.js";
import type { BatchCall } from "./oneBlock.js";

const WAD = 10n ** 18n;
const BPS = 10_000n;

/**
 * Utilisation the devnet's borrower keeps in every Venus market: adjusted back to `targetBps` when it
 * leaves `targetBps ± bandBps`.
 */
export type UtilizationBand = { readonly targetBps: number; readonly bandBps: number };

/** A market's stored book, in underlying units {tok}. */
export type MarketBook = {
  readonly cash: bigint;
  readonly borrows: bigint;
  readonly reserves: bigint;
  /** What the devnet's borrower owes (stored). */
  readonly borrowerDebt: bigint;
};

export type Adjustment = {
  readonly kind: "repay" | "borrow";
  /** {tok} */
  readonly amount: bigint;
  /** D18{1} before and after (at the book's figures). */
  readonly fromWad: bigint;
  readonly toWad: bigint;
};

/** D18{1} Venus's utilisation: borrows / (cash + borrows − reserves); 0 for an empty market. */
export function utilizationWad(book: Pick<MarketBook, "cash" | "borrows" | "reserves">): bigint {
  const supplied = book.cash + book.borrows - book.reserves;
  return supplied <= 0n ? 0n : (book.borrows * WAD) / supplied;
}

/**
 * The borrower's move that brings a market outside the band back to the target: repaying `x` leaves
 * (B − x) / (C + B − R), borrowing `x` gives (B + x) / (C + B − R), since cash moves the other way by `x`.
 * `undefined` inside the band. A repay is capped at the borrower's own debt, a borrow at the cash.
 */
export function planUtilization(book: MarketBook, band: UtilizationBand): Adjustment | undefined {
  const supplied = book.cash + book.borrows - book.reserves;
  if (supplied <= 0n) return undefined;
  const now = utilizationWad(book);
  const target = (BigInt(band.targetBps) * WAD) / BPS;
  const width = (BigInt(band.bandBps) * WAD) / BPS;
  // {tok} = D18{1} * {tok} / D18
  const wanted = (target * supplied) / WAD;
  if (now > target + width) {
    const amount = min(book.borrows - wanted, book.borrowerDebt);
    if (amount <= 0n) return undefined;
    return { kind: "repay", amount, fromWad: now, toWad: ((book.borrows - amount) * WAD) / supplied };
  }
  if (now < target - width) {
    const amount = min(wanted - book.borrows, book.cash);
    if (amount <= 0n) return undefined;
    return { kind: "borrow", amount, fromWad: now, toWad: ((book.borrows + amount) * WAD) / supplied };
  }
  return undefined;
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * Every basket market's book with interest accrued to the latest block (simulated `totalBorrowsCurrent` and
 * `borrowBalanceCurrent`; reserves grow by the accrued interest × the reserve factor, as `accrueInterest`
 * does), so a market nobody touched still shows its debt.
 */
export async function readBooks(
  clients: DevClients,
  deployment: LocalDeployment,
): Promise<Record<BasketSymbol, MarketBook>> {
  const borrower = deployment.accounts.borrower;
  const { publicClient } = clients;
  const entries = await Promise.all(
    BASKET.map(async (symbol) => {
      const read = {
        address: deployment.venus.vTokens[symbol],
        abi: venusArtifacts.vBep20DelegateAbi,
      } as const;
      const [cash, stored, reserves, reserveFactor, borrows, borrowerDebt] = await Promise.all([
        publicClient.readContract({ ...read, functionName: "getCash" }),
        publicClient.readContract({ ...read, functionName: "totalBorrows" }),
        publicClient.readContract({ ...read, functionName: "totalReserves" }),
        publicClient.readContract({ ...read, functionName: "reserveFactorMantissa" }),
        publicClient.simulateContract({ ...read, functionName: "totalBorrowsCurrent" }).then((r) => r.result),
        publicClient
          .simulateContract({ ...read, functionName: "borrowBalanceCurrent", args: [borrower] })
          .then((r) => r.result),
      ]);
      // {tok} = {tok} + {tok} * D18{1} / D18
      const reservesNow = reserves + ((borrows - stored) * reserveFactor) / WAD;
      return [symbol, { cash, borrows, reserves: reservesNow, borrowerDebt }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<BasketSymbol, MarketBook>;
}

export type PlannedAdjustment = Adjustment & { readonly symbol: BasketSymbol };

// Fixed gas limits (the batch is prepared before anything in it is mined): measured ~30k faucet, ~46k
// approve, ~90–160k repay and borrow with a day's accrual; padded generously.
const GAS = { faucet: 150_000n, approve: 100_000n, repay: 500_000n, borrow: 700_000n } as const;

/**
 * The borrower's calls that bring every market back inside the band (at most one per market per day), to
 * run in the day's block after the price moves. A borrow the borrower's collateral would not cover at the
 * latest prices is left out and reported in `skipped`.
 */
export async function utilizationCalls(
  borrower: DevClients,
  deployment: LocalDeployment,
  band: UtilizationBand,
): Promise<{ calls: BatchCall[]; planned: PlannedAdjustment[]; skipped: PlannedAdjustment[] }> {
  const books = await readBooks(borrower, deployment);
  const calls: BatchCall[] = [];
  const planned: PlannedAdjustment[] = [];
  const skipped: PlannedAdjustment[] = [];
  const { vBep20DelegateAbi, wbnbAbi, mockTokenAbi, diamondConsolidatedAbi } = venusArtifacts;
  const me = borrower.account.address;
  for (const symbol of BASKET) {
    const adjustment = planUtilization(books[symbol], band);
    if (adjustment === undefined) continue;
    const vToken = deployment.venus.vTokens[symbol];
    const step = { ...adjustment, symbol };
    if (adjustment.kind === "borrow") {
      const [, , shortfall] = await borrower.publicClient.readContract({
        address: deployment.venus.comptroller,
        abi: diamondConsolidatedAbi,
        functionName: "getHypotheticalAccountLiquidity",
        args: [me, vToken, 0n, adjustment.amount],
      });
      if (shortfall > 0n) {
        skipped.push(step);
        continue;
      }
      calls.push({
        from: borrower,
        to: vToken,
        data: encodeFunctionData({
          abi: vBep20DelegateAbi,
          functionName: "borrow",
          args: [adjustment.amount],
        }),
        gas: GAS.borrow,
        label: `borrow ${symbol}`,
      });
    } else {
      const token: Address = deployment.tokens[symbol];
      if (symbol === "WBNB") {
        // WBNB (vWBNB's underlying) has no faucet: anvil credits the BNB (local chains only), wrapped here.
        const balance = await borrower.publicClient.getBalance({ address: me });
        await borrower.test.setBalance({ address: me, value: balance + adjustment.amount });
      }
      calls.push(
        symbol === "WBNB"
          ? {
              from: borrower,
              to: token,
              data: encodeFunctionData({ abi: wbnbAbi, functionName: "deposit" }),
              value: adjustment.amount,
              gas: GAS.faucet,
              label: `wrap ${symbol}`,
            }
          : {
              from: borrower,
              to: token,
              data: encodeFunctionData({
                abi: mockTokenAbi,
                functionName: "faucet",
                args: [adjustment.amount],
              }),
              gas: GAS.faucet,
              label: `faucet ${symbol}`,
            },
        {
          from: borrower,
          to: token,
          data: encodeFunctionData({
            abi: mockTokenAbi,
            functionName: "approve",
            args: [vToken, adjustment.amount],
          }),
          gas: GAS.approve,
          label: `approve ${symbol}`,
        },
        {
          from: borrower,
          to: vToken,
          data: encodeFunctionData({
            abi: vBep20DelegateAbi,
            functionName: "repayBorrow",
            args: [adjustment.amount],
          }),
          gas: GAS.repay,
          label: `repay ${symbol}`,
        },
      );
    }
    planned.push(step);
  }
  return { calls, planned, skipped };
}

const pct = (wad: bigint): string => (Number((wad * 10_000n) / WAD) / 100).toFixed(1);

/** "10.0–50.3 %": the lowest and highest utilisation over the markets, for the day's log line. */
export function utilizationRange(utilization: Readonly<Record<BasketSymbol, bigint>>): string {
  const values = Object.values(utilization).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${pct(values[0] ?? 0n)}–${pct(values.at(-1) ?? 0n)} %`;
}

/** "+ETH 51.2→50.0%" (a borrow) or "-ETH …" (a repay), compact for the day's log line. */
export function formatAdjustment(a: PlannedAdjustment): string {
  return `${a.kind === "borrow" ? "+" : "-"}${a.symbol} ${pct(a.fromWad)}→${pct(a.toWad)}%`;
}
