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
  prepareWrite,
  previewMint,
  previewRedeem,
  SlippageError,
  sendPreparedWrite,
  TransactionRevertedError,
  write,
} from "@blocketf/sdk";
import {
  type Anvil,
  createFund,
  type DevClients,
  deploy,
  deployFundStack,
  deployReplayFeeds,
  devClients,
  type FundStack,
  setOracleFeeds,
  startAnvil,
} from "@blocketf/testkit";
import { type Abi, type Address, erc20Abi, type Hex, parseEther, zeroAddress } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

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

let anvil: Anvil;
let clients: DevClients;
let stack: FundStack;
let fund: Address;
const tokens: Record<string, Address> = {};

async function mintTo(token: Address, to: Address, amount: bigint): Promise<void> {
  const hash = await clients.wallet.writeContract({
    address: token,
    abi: mockErc20Abi,
    functionName: "mint",
    args: [to, amount],
  });
  await clients.publicClient.waitForTransactionReceipt({ hash });
}

async function send(tx: { to: Address; data: Hex; value: bigint }): Promise<void> {
  const { receipt } = await write(clients.wallet, { request: tx });
  expect(receipt.status).toBe("success");
}

beforeAll(async () => {
  anvil = await startAnvil();
  clients = devClients(anvil.rpcUrl);
  for (const symbol of Object.keys(PRICES) as (keyof typeof PRICES)[]) {
    tokens[symbol] = await deploy(clients, {
      abi: mockErc20Abi,
      bytecode: artifact.bytecode.object,
      args: [symbol, symbol, DECIMALS[symbol]],
    });
  }
  // No Venus here: this file covers the fund stack and the SDK; the real Venus runs elsewhere.
  stack = await deployFundStack(clients, { comptroller: zeroAddress, wbnb: zeroAddress });
  const feeds = await deployReplayFeeds(clients, PRICES);
  await setOracleFeeds(
    clients,
    stack.oracle,
    Object.keys(PRICES).map((s) => ({
      token: tokens[s] as Address,
      feed: feeds[s] as Address,
      heartbeat: 86_400,
    })),
  );
  const me = clients.account.address;
  fund = await createFund(
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
    (token, amount) => mintTo(token, me, amount),
  );
}, 60_000);

afterAll(async () => {
  await anvil?.stop();
});

describe("fund stack on anvil through the SDK", () => {
  test("getFund: NAV equals the seed", async () => {
    const state = await getFund(clients.publicClient, { lens: stack.lens, fund });
    expect(state.symbol).toBe("TF");
    expect(state.pricesOk).toBe(true);
    expect(state.totalSupply).toBe(parseEther("100"));
    // $10,000 seed split by weight; each amount rounds down, so the NAV is within a dollar of it.
    expect(Number(state.totalValue) / 1e18).toBeGreaterThan(9_999);
    expect(Number(state.totalValue) / 1e18).toBeLessThanOrEqual(10_000);
    expect(state.assets.map((a) => a.weightBps)).toEqual([4000, 3000, 3000]);
  });

  test("getRebalanceStatus: the seed sits at its targets, so no rebalance", async () => {
    const status = await getRebalanceStatus(clients.publicClient, { lens: stack.lens, fund });
    expect(status.needsRebalance).toBe(false);
    expect(status.triggerIndex).toBe(-1n);
    expect(status.currentWeightsBps.map(Number).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(9_997);
  });

  test("mint and redeem with builders match the previews", async () => {
    const me = clients.account.address;
    const maxAmounts = [10n ** 6n, parseEther("0.5"), parseEther("2000")];
    const assets = [tokens.BTC, tokens.ETH, tokens.USDT] as Address[];
    for (const [i, token] of assets.entries()) {
      await mintTo(token, me, maxAmounts[i] ?? 0n);
      await send(buildApprove({ token, spender: fund, amount: maxAmounts[i] ?? 0n }));
    }
    const preview = await previewMint(clients.publicClient, { lens: stack.lens, fund, maxAmounts });
    const sharesBefore = await clients.publicClient.readContract({
      address: fund,
      abi: blockEtfAbi,
      functionName: "balanceOf",
      args: [me],
    });
    await send(buildMint({ fund, maxAmounts, minShares: preview.shares, receiver: me }));
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
    await send(buildRedeem({ fund, shares: preview.shares, receiver: me, minAmounts: owed }));
    const usdtAfter = await clients.publicClient.readContract({
      address: tokens.USDT as Address,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [me],
    });
    expect(usdtAfter - usdtBefore).toBe(owed[2]);
  });

  test("error: a missed slippage bound decodes to SlippageError", async () => {
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

  test("error: write refuses a mint whose maximum is too low, in the asset's symbol and units", async () => {
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

  test("error: a transaction that passed simulation and reverts on-chain is a TransactionRevertedError", async () => {
    const me = clients.account.address;
    const maxAmounts = [10n ** 6n, parseEther("0.5"), parseEther("2000")];
    const assets = [tokens.BTC, tokens.ETH, tokens.USDT] as Address[];
    for (const [i, token] of assets.entries()) {
      await mintTo(token, me, maxAmounts[i] ?? 0n);
      await send(buildApprove({ token, spender: fund, amount: maxAmounts[i] ?? 0n }));
    }
    const prepared = await prepareWrite(clients.wallet, {
      request: buildMint({ fund, maxAmounts, minShares: 0n, receiver: me }),
      fund,
    });
    // The state moves between the simulation and the send: the guardian pauses the fund.
    await send(buildCall({ address: fund, abi: blockEtfAbi, functionName: "pause" }));
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
    await send(buildCall({ address: fund, abi: blockEtfAbi, functionName: "unpause" }));
  });
});
