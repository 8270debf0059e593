// The USDT router through the SDK, on the real parts (Venus's core pool and a real V3 DEX from their
// published artifacts): quotes, the one write action, typed errors in symbols and human units, a
// holder's position and cost basis.
import { blockEtfAbi, blockEtfRouterAbi, iVTokenAbi } from "@blocketf/abi";
import {
  buildApprove,
  buildMintWithStable,
  buildRedeemToStable,
  buildSweep,
  DeadlinePassedError,
  deadlineIn,
  deployRouter,
  getCostBasis,
  getPosition,
  minusSlippage,
  padGasLimit,
  previewRedeem,
  quoteMintWithStable,
  quoteRedeemToStable,
  SharesExceedSupplyError,
  SlippageError,
  write,
} from "@blocketf/sdk";
import {
  type Anvil,
  acquireToken,
  BASKET,
  type DevClients,
  deployLocalDex,
  deployLocalStack,
  devClients,
  type LocalStack,
  pauseVenusAction,
  startAnvil,
  TEST_PRICES_USD,
  VenusAction,
  wireRebalancer,
} from "@blocketf/testkit";
import { type Address, encodeFunctionData, erc20Abi, type Hex, parseEther, parseEventLogs } from "viem";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

let anvil: Anvil;
let admin: DevClients;
let user: DevClients;
let stack: LocalStack;
let router: Address;
let snapshot: Hex;
let fromBlock: bigint;

const STABLE_IN = parseEther("10000");

async function balance(token: Address, who: Address): Promise<bigint> {
  return admin.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [who],
  });
}

async function deadline(seconds = 600): Promise<bigint> {
  const block = await admin.publicClient.getBlock();
  return deadlineIn(seconds, Number(block.timestamp));
}

/** The user mints from USDT through the router with the SDK: quote, approve, write. */
async function mintWithStable() {
  const me = user.account.address;
  const quote = await quoteMintWithStable(user.publicClient, {
    router,
    fund: stack.fund,
    stableIn: STABLE_IN,
  });
  await write(user.wallet, {
    request: buildApprove({ token: stack.tokens.USDT, spender: router, amount: STABLE_IN }),
  });
  const minted = await write(user.wallet, {
    request: buildMintWithStable({
      router,
      fund: stack.fund,
      stableIn: STABLE_IN,
      minShares: minusSlippage(quote.shares, 50n),
      receiver: me,
      deadline: await deadline(),
    }),
    fund: stack.fund,
  });
  return { quote, minted };
}

beforeAll(async () => {
  anvil = await startAnvil();
  admin = devClients(anvil.rpcUrl, 0);
  user = devClients(anvil.rpcUrl, 3);
  stack = await deployLocalStack(admin, devClients(anvil.rpcUrl, 1), devClients(anvil.rpcUrl, 2), {
    pricesUsd: TEST_PRICES_USD,
    heartbeat: 2 * 86_400,
  });
  const { dex } = await deployLocalDex(admin, stack, TEST_PRICES_USD);
  await wireRebalancer(admin, {
    fund: stack.fund,
    router: dex.router,
    tokens: stack.tokens,
    keeper: admin.account.address,
  });
  router = await deployRouter(admin);
  await acquireToken(user, stack.tokens, stack.tokens.USDT, 10n * STABLE_IN);
  fromBlock = await admin.publicClient.getBlockNumber();
  snapshot = await admin.test.snapshot();
}, 180_000);

beforeEach(async () => {
  await admin.test.revert({ id: snapshot });
  snapshot = await admin.test.snapshot();
});

afterAll(async () => {
  await anvil?.stop();
});

describe("the USDT router through the SDK", () => {
  test("behavior: quote, mint with write, position; redeem to USDT with write", async () => {
    const me = user.account.address;
    const usdtBefore = await balance(stack.tokens.USDT, me);
    const { quote, minted } = await mintWithStable();
    const [event] = parseEventLogs({
      abi: blockEtfRouterAbi,
      eventName: "MintWithStable",
      logs: minted.receipt.logs,
    });
    // Executed in the next block, the mint gives what the quote said (no market moved in between).
    expect(event?.args.shares).toBe(quote.shares);
    expect(usdtBefore - (await balance(stack.tokens.USDT, me))).toBe(quote.stableSpent);
    expect(minted.gas).toBe(padGasLimit(minted.gasEstimate));

    const position = await getPosition(user.publicClient, {
      lens: stack.fundStack.lens,
      fund: stack.fund,
      holder: me,
    });
    expect(position.shares).toBe(quote.shares);
    expect(position.redeemable).toHaveLength(BASKET.length);
    // The shares are worth what was paid, less the pools' fees and impact (well under 1 %).
    const paid = quote.stableSpent;
    expect(position.valueUsd).toBeLessThanOrEqual(paid);
    expect(position.valueUsd).toBeGreaterThan((paid * 99n) / 100n);

    const basis = await getCostBasis(user.publicClient, {
      lens: stack.fundStack.lens,
      fund: stack.fund,
      holder: me,
      fromBlock,
    });
    expect(basis.shares).toBe(position.shares);
    expect(basis.transfers).toBe(1);
    // Valued at the NAV of the mint's block, which is the NAV now (nothing moved since).
    expect(basis.costUsd).toBe(position.valueUsd);

    const shares = position.shares;
    const { stableOut: out, vTokens } = await quoteRedeemToStable(user.publicClient, {
      router,
      fund: stack.fund,
      shares,
    });
    expect(vTokens.every((v) => v === 0n)).toBe(true);
    await write(user.wallet, {
      request: buildApprove({ token: stack.fund, spender: router, amount: shares }),
    });
    const before = await balance(stack.tokens.USDT, me);
    await write(user.wallet, {
      request: buildRedeemToStable({
        router,
        fund: stack.fund,
        shares,
        minStableOut: minusSlippage(out, 50n),
        receiver: me,
        deadline: await deadline(),
      }),
      fund: stack.fund,
    });
    expect((await balance(stack.tokens.USDT, me)) - before).toBe(out);
    expect(await balance(stack.fund, me)).toBe(0n);
  }, 60_000);

  test("behavior: Venus's ETH redeem paused → the redeem quote carries the vETH, and its stableOut is a valid minimum", async () => {
    const me = admin.account.address;
    await write(admin.wallet, { request: buildSweep({ fund: stack.fund }), fund: stack.fund });
    await pauseVenusAction(
      { publicClient: admin.publicClient, walletClient: admin.wallet },
      stack.venus,
      stack.vTokens.ETH,
      VenusAction.REDEEM,
      true,
    );
    // Half the seed: far beyond the idle buffers, so every asset reaches Venus.
    const shares = (await balance(stack.fund, me)) / 2n;
    const quote = await quoteRedeemToStable(admin.publicClient, { router, fund: stack.fund, shares });
    const eth = BASKET.indexOf("ETH");
    expect(quote.vTokens[eth]).toBeGreaterThan(0n);
    expect(quote.vTokens.filter((v) => v > 0n)).toHaveLength(1);
    await write(admin.wallet, {
      request: buildApprove({ token: stack.fund, spender: router, amount: shares }),
    });
    const [usdtBefore, vEthBefore] = [
      await balance(stack.tokens.USDT, me),
      await balance(stack.vTokens.ETH, me),
    ];
    await write(admin.wallet, {
      request: buildRedeemToStable({
        router,
        fund: stack.fund,
        shares,
        minStableOut: quote.stableOut,
        receiver: me,
        deadline: await deadline(),
      }),
      fund: stack.fund,
    });
    // Mined a block after the quote: a block more of Venus interest, so at least the quote (the minimum
    // held) and within 0.01 % of it; the forge tests assert equality in the same block.
    const out = (await balance(stack.tokens.USDT, me)) - usdtBefore;
    expect(out).toBeGreaterThanOrEqual(quote.stableOut);
    expect(out).toBeLessThan(quote.stableOut + quote.stableOut / 10_000n);
    const vEth = (await balance(stack.vTokens.ETH, me)) - vEthBefore;
    const quotedVEth = quote.vTokens[eth] ?? 0n;
    expect(vEth > quotedVEth ? vEth - quotedVEth : quotedVEth - vEth).toBeLessThan(quotedVEth / 10_000n);
  }, 60_000);

  test("error: a minimum above the quote is a SlippageError in the fund's share symbol, before anything is sent", async () => {
    const me = user.account.address;
    const quote = await quoteMintWithStable(user.publicClient, {
      router,
      fund: stack.fund,
      stableIn: STABLE_IN,
    });
    await write(user.wallet, {
      request: buildApprove({ token: stack.tokens.USDT, spender: router, amount: STABLE_IN }),
    });
    const nonce = await user.publicClient.getTransactionCount({ address: me });
    const error = await write(user.wallet, {
      request: buildMintWithStable({
        router,
        fund: stack.fund,
        stableIn: STABLE_IN,
        minShares: quote.shares * 2n,
        receiver: me,
        deadline: await deadline(),
      }),
      fund: stack.fund,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlippageError);
    expect((error as SlippageError).shortMessage).toMatch(
      /^Minting gives [\d,.]+ CT5U but at least [\d,.]+ CT5U was required/,
    );
    expect(await user.publicClient.getTransactionCount({ address: me })).toBe(nonce);
  }, 60_000);

  test("error: a redeem minimum above what the pools pay is a SlippageError in USDT", async () => {
    const { quote } = await mintWithStable();
    const shares = quote.shares;
    const { stableOut: out, vTokens } = await quoteRedeemToStable(user.publicClient, {
      router,
      fund: stack.fund,
      shares,
    });
    expect(vTokens.every((v) => v === 0n)).toBe(true);
    await write(user.wallet, {
      request: buildApprove({ token: stack.fund, spender: router, amount: shares }),
    });
    const error = await write(user.wallet, {
      request: buildRedeemToStable({
        router,
        fund: stack.fund,
        shares,
        minStableOut: out + parseEther("1"),
        receiver: user.account.address,
        deadline: await deadline(),
      }),
      fund: stack.fund,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlippageError);
    expect((error as SlippageError).shortMessage).toMatch(
      /^Redeeming pays [\d,.]+ USDT but at least [\d,.]+ USDT was required/,
    );
  }, 60_000);

  test("error: a deadline already past is a DeadlinePassedError", async () => {
    await write(user.wallet, {
      request: buildApprove({ token: stack.tokens.USDT, spender: router, amount: STABLE_IN }),
    });
    const error = await write(user.wallet, {
      request: buildMintWithStable({
        router,
        fund: stack.fund,
        stableIn: STABLE_IN,
        minShares: 0n,
        receiver: user.account.address,
        deadline: await deadline(-60),
      }),
      fund: stack.fund,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlinePassedError);
  }, 60_000);

  test("error: previewRedeem of more than the supply is a SharesExceedSupplyError", async () => {
    const supply = await admin.publicClient.readContract({
      address: stack.fund,
      abi: blockEtfAbi,
      functionName: "totalSupply",
    });
    const error = await previewRedeem(user.publicClient, {
      lens: stack.fundStack.lens,
      fund: stack.fund,
      shares: supply + 1n,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SharesExceedSupplyError);
    expect((error as SharesExceedSupplyError).shortMessage).toMatch(
      /CT5U is more than the 100 CT5U in existence/,
    );
  }, 60_000);

  test("behavior: write sends with the padded estimate; a mint mined a block after Venus accrued fits in it", async () => {
    // Every Venus market accrues in the latest block before the estimate, as the devnet's replayer leaves
    // the chain each day; the mint is then mined in the next block.
    await admin.test.setAutomine(false);
    for (const symbol of BASKET) {
      await admin.wallet.sendTransaction({
        to: stack.vTokens[symbol],
        data: encodeFunctionData({ abi: iVTokenAbi, functionName: "accrueInterest" }),
        gas: 300_000n,
      });
    }
    await admin.test.mine({ blocks: 1 });
    await admin.test.setAutomine(true);
    const { minted } = await mintWithStable();
    expect(minted.receipt.status).toBe("success");
    expect(minted.gas).toBe(padGasLimit(minted.gasEstimate));
    expect(minted.receipt.gasUsed).toBeLessThan(minted.gas);
    console.log(
      `router mint: estimate ${minted.gasEstimate}, limit ${minted.gas}, used ${minted.receipt.gasUsed}`,
    );
  }, 60_000);
});
