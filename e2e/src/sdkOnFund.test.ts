import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { blockEtfAbi } from "@blocketf/abi";
import {
  buildApprove,
  buildCall,
  buildMint,
  buildMintExactShares,
  buildRedeem,
  decodeBlockEtfError,
  FundPausedError,
  getFund,
  getRebalanceStatus,
  InvalidInputError,
  prepareWrite,
  previewMint,
  previewRedeem,
  SlippageError,
  sendPreparedWrite,
  TransactionRevertedError,
  write,
} from "@blocketf/sdk";
import {
  createFund,
  type DevClients,
  deploy,
  deployFundStack,
  deployReplayFeeds,
  type FundStack,
  setOracleFeeds,
} from "@blocketf/testkit";
import { localChainTest } from "@blocketf/testkit/fixtures";
import { type Abi, type Address, erc20Abi, type Hex, parseEther, parseGwei, zeroAddress } from "viem";
import { describe, expect } from "vitest";

// Test-only tokens: the forge-built MockERC20 (any decimals, public mint). The real-Venus devnet has its own.
const artifact = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), "../../contracts/out/MockERC20.sol/MockERC20.json"),
    "utf8",
  ),
) as { abi: Abi; bytecode: { object: Hex } };
const mockErc20Abi = artifact.abi;

const PRICES = { BTC: 100_000, ETH: 4_000, USDT: 1 } as const;
const DECIMALS = { BTC: 8, ETH: 18, USDT: 18 } as const;
const WEIGHTS = { BTC: 4000, ETH: 3000, USDT: 3000 } as const;

type World = {
  readonly clients: DevClients;
  readonly stack: FundStack;
  readonly fund: Address;
  readonly tokens: Readonly<Record<keyof typeof PRICES, Address>>;
};

/** Mints test tokens through the SDK's `write` (MockERC20's public mint). */
async function mintTo(clients: DevClients, token: Address, to: Address, amount: bigint): Promise<void> {
  await write(clients.wallet, {
    request: buildCall({ address: token, abi: mockErc20Abi, functionName: "mint", args: [to, amount] }),
  });
}

async function send(clients: DevClients, tx: { to: Address; data: Hex; value: bigint }): Promise<void> {
  const { receipt } = await write(clients.wallet, { request: tx });
  expect(receipt.status).toBe("success");
}

// MockERC20 tokens, the fund stack without Venus and a seeded fund, once for the file (testkit's fixtures);
// the tests build on each other's chain.
const test = localChainTest(
  async (chain): Promise<World> => {
    const clients = chain.clients(0);
    const tokens: Partial<Record<keyof typeof PRICES, Address>> = {};
    for (const symbol of Object.keys(PRICES) as (keyof typeof PRICES)[]) {
      tokens[symbol] = await deploy(clients, {
        abi: mockErc20Abi,
        bytecode: artifact.bytecode.object,
        args: [symbol, symbol, DECIMALS[symbol]],
      });
    }
    // No Venus here: this file covers the fund stack and the SDK; the real Venus runs elsewhere.
    const stack = await deployFundStack(clients, { comptroller: zeroAddress, wbnb: zeroAddress });
    const feeds = await deployReplayFeeds(clients, PRICES);
    await setOracleFeeds(
      clients,
      stack.oracle,
      Object.keys(PRICES).map((s) => ({
        token: tokens[s as keyof typeof PRICES] as Address,
        feed: feeds[s] as Address,
        heartbeat: 86_400,
      })),
    );
    const me = clients.account.address;
    const fund = await createFund(
      clients,
      stack,
      {
        name: "Test fund",
        symbol: "TF",
        assets: (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).map((s) => ({
          token: tokens[s] as Address,
          weightBps: WEIGHTS[s],
          bufferBps: 1000,
          vToken: zeroAddress,
        })),
        owner: me,
        guardian: me,
        keeper: me,
        feeRecipient: me,
        managementFeeBps: 0,
        redeemFeeBps: 0,
        seedUsd: parseEther("10000"),
        seedShares: parseEther("100"),
      },
      (token, amount) => mintTo(clients, token, me, amount),
    );
    return { clients, stack, fund, tokens: tokens as World["tokens"] };
  },
  { isolate: false },
);

describe("fund stack on anvil through the SDK", () => {
  test("getFund: NAV equals the seed", async ({ world: { clients, stack, fund } }) => {
    const state = await getFund(clients.publicClient, { lens: stack.lens, fund });
    expect(state.symbol).toBe("TF");
    expect(state.pricesOk).toBe(true);
    expect(state.totalSupply).toBe(parseEther("100"));
    // $10,000 seed split by weight; each amount rounds down, so the NAV is within a dollar of it.
    expect(Number(state.totalValue) / 1e18).toBeGreaterThan(9_999);
    expect(Number(state.totalValue) / 1e18).toBeLessThanOrEqual(10_000);
    expect(state.assets.map((a) => a.weightBps)).toEqual([4000, 3000, 3000]);
  });

  test("getRebalanceStatus: the seed sits at its targets, so no rebalance", async ({
    world: { clients, stack, fund },
  }) => {
    const status = await getRebalanceStatus(clients.publicClient, { lens: stack.lens, fund });
    expect(status.needsRebalance).toBe(false);
    expect(status.triggerIndex).toBe(-1n);
    expect(status.currentWeightsBps.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9_997);
  });

  test("mint and redeem with builders match the previews", async ({
    world: { clients, stack, fund, tokens },
  }) => {
    const me = clients.account.address;
    const maxAmounts = [10n ** 6n, parseEther("0.5"), parseEther("2000")];
    const assets = [tokens.BTC, tokens.ETH, tokens.USDT] as Address[];
    for (const [i, token] of assets.entries()) {
      await mintTo(clients, token, me, maxAmounts[i] ?? 0n);
      await send(clients, buildApprove({ token, spender: fund, amount: maxAmounts[i] ?? 0n }));
    }
    const preview = await previewMint(clients.publicClient, { lens: stack.lens, fund, maxAmounts });
    const sharesBefore = await clients.publicClient.readContract({
      address: fund,
      abi: blockEtfAbi,
      functionName: "balanceOf",
      args: [me],
    });
    await send(clients, buildMint({ fund, maxAmounts, minShares: preview.shares, receiver: me }));
    const sharesAfter = await clients.publicClient.readContract({
      address: fund,
      abi: blockEtfAbi,
      functionName: "balanceOf",
      args: [me],
    });
    expect(sharesAfter - sharesBefore).toBe(preview.shares);

    const owed = await previewRedeem(clients.publicClient, {
      lens: stack.lens,
      fund,
      shares: preview.shares,
    });
    const usdtBefore = await clients.publicClient.readContract({
      address: tokens.USDT as Address,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [me],
    });
    await send(clients, buildRedeem({ fund, shares: preview.shares, receiver: me, minAmounts: owed }));
    const usdtAfter = await clients.publicClient.readContract({
      address: tokens.USDT as Address,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [me],
    });
    expect(usdtAfter - usdtBefore).toBe(owed[2]);
  });

  test("error: a missed slippage bound decodes to SlippageError", async ({
    world: { clients, stack, fund },
  }) => {
    const me = clients.account.address;
    const maxAmounts = [10n ** 5n, parseEther("0.05"), parseEther("200")];
    const preview = await previewMint(clients.publicClient, { lens: stack.lens, fund, maxAmounts });
    const error = await clients.publicClient
      .simulateContract({
        account: clients.account,
        address: fund,
        abi: blockEtfAbi,
        functionName: "mint",
        args: [maxAmounts, preview.shares + 1n, me],
      })
      .then(
        () => undefined,
        (e: unknown) => decodeBlockEtfError(e),
      );
    expect(error).toBeInstanceOf(SlippageError);
    expect(error?.errorName).toBe("MinSharesNotMet");
  });

  test("error: write refuses a mint whose maximum is too low, in the asset's symbol and units", async ({
    world: { clients, fund },
  }) => {
    const me = clients.account.address;
    const shares = parseEther("1");
    const error = await write(clients.wallet, {
      // 1 share of a $10,000 / 100-share fund holds $40 of BTC, 0.0004 BTC (8 decimals); allow 0.0001 BTC.
      request: buildMintExactShares({
        fund,
        shares,
        maxAmounts: [10_000n, parseEther("1"), parseEther("1000")],
        receiver: me,
      }),
      fund,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlippageError);
    expect((error as SlippageError).shortMessage).toMatch(
      /^Minting needs 0\.0004 BTC but at most 0\.0001 BTC was allowed/,
    );
  });

  test("error: a transaction that passed simulation and reverts on-chain is a TransactionRevertedError", async ({
    world: { clients, fund, tokens },
  }) => {
    const me = clients.account.address;
    const maxAmounts = [10n ** 6n, parseEther("0.5"), parseEther("2000")];
    const assets = [tokens.BTC, tokens.ETH, tokens.USDT] as Address[];
    for (const [i, token] of assets.entries()) {
      await mintTo(clients, token, me, maxAmounts[i] ?? 0n);
      await send(clients, buildApprove({ token, spender: fund, amount: maxAmounts[i] ?? 0n }));
    }
    const prepared = await prepareWrite(clients.wallet, {
      request: buildMint({ fund, maxAmounts, minShares: 0n, receiver: me }),
      fund,
    });
    // The state moves between the simulation and the send: the guardian pauses the fund.
    await send(clients, buildCall({ address: fund, abi: blockEtfAbi, functionName: "pause" }));
    const error = await sendPreparedWrite(clients.wallet, { prepared }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionRevertedError);
    expect((error as TransactionRevertedError).gasUsed).toBeLessThan(prepared.gas);
    expect((error as TransactionRevertedError).shortMessage).toMatch(/simulation passed: the state moved/);
    // Simulated again, the same mint now says why.
    expect(
      await prepareWrite(clients.wallet, {
        request: buildMint({ fund, maxAmounts, minShares: 0n, receiver: me }),
      }).catch((e: unknown) => e),
    ).toBeInstanceOf(FundPausedError);
    await send(clients, buildCall({ address: fund, abi: blockEtfAbi, functionName: "unpause" }));
  });

  test("behavior: prepareWrite with an explicit gas limit simulates nothing; sendPreparedWrite sends with the given nonce and fees", async ({
    world: { clients, fund },
  }) => {
    const me = clients.account.address;
    // A mint of shares no one can pay for: a simulation would refuse it, an explicit limit does not look.
    const request = buildMint({ fund, maxAmounts: [0n, 0n, 0n], minShares: parseEther("1"), receiver: me });
    await expect(prepareWrite(clients.wallet, { request, fund })).rejects.toBeInstanceOf(SlippageError);
    const prepared = await prepareWrite(clients.wallet, { request, fund, gas: 400_000n });
    expect({ gas: prepared.gas, gasEstimate: prepared.gasEstimate, returnData: prepared.returnData }).toEqual(
      {
        gas: 400_000n,
        gasEstimate: 400_000n,
        returnData: "0x",
      },
    );
    const nonce = await clients.publicClient.getTransactionCount({ address: me, blockTag: "pending" });
    const { baseFeePerGas } = await clients.publicClient.getBlock();
    const fees = {
      maxPriorityFeePerGas: parseGwei("3"),
      maxFeePerGas: (baseFeePerGas ?? 0n) * 2n + parseGwei("3"),
    };
    const error = await sendPreparedWrite(clients.wallet, { prepared, nonce, fees }).catch((e: unknown) => e);
    // Only the receipt tells: mined, reverted, not out of gas.
    expect(error).toBeInstanceOf(TransactionRevertedError);
    const { receipt } = error as TransactionRevertedError;
    expect(receipt.gasUsed).toBeLessThan(400_000n);
    const tx = await clients.publicClient.getTransaction({ hash: receipt.transactionHash });
    expect({ nonce: tx.nonce, gas: tx.gas, tip: tx.maxPriorityFeePerGas, max: tx.maxFeePerGas }).toEqual({
      nonce,
      gas: 400_000n,
      tip: fees.maxPriorityFeePerGas,
      max: fees.maxFeePerGas,
    });
    await expect(prepareWrite(clients.wallet, { request, gas: 0n })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});
