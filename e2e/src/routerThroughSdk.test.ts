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
  acquireToken,
  BASKET,
  type DevClients,
  type LocalStack,
  pauseVenusAction,
  TEST_PRICES_USD,
  VenusAction,
  wireRebalancer,
} from "@blocketf/testkit";
import { deployTestStack, localChainTest } from "@blocketf/testkit/fixtures";
import { type Address, encodeFunctionData, erc20Abi, parseEther, parseEventLogs } from "viem";
import { describe, expect } from "vitest";

const STABLE_IN = parseEther("10000");

async function balance(world: World, token: Address, who: Address): Promise<bigint> {
  const { admin } = world;
  return admin.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [who],
  });
}

async function deadline(world: World, seconds = 600): Promise<bigint> {
  const { admin } = world;
  const block = await admin.publicClient.getBlock();
  return deadlineIn(seconds, Number(block.timestamp));
}

/** The user mints from USDT through the router with the SDK: quote, approve, write. */
async function mintWithStable(world: World) {
  const { user, stack, router } = world;
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
      deadline: await deadline(world),
    }),
    fund: stack.fund,
  });
  return { quote, minted };
}

type World = {
  readonly admin: DevClients;
  readonly user: DevClients;
  readonly stack: LocalStack;
  readonly router: Address;
  /** The first block after the setup. */
  readonly fromBlock: bigint;
};

// The local stack, its DEX, rebalancer and USDT router, and a user holding USDT, once for the file
// (testkit's fixtures); every test starts from this state.
const test = localChainTest(async (chain): Promise<World> => {
  const { admin, stack, dex } = await deployTestStack(chain, {
    pricesUsd: TEST_PRICES_USD,
    heartbeat: 2 * 86_400,
    dex: true,
  });
  const user = chain.clients(3);
  await wireRebalancer(admin, {
    fund: stack.fund,
    router: dex.router,
    tokens: stack.tokens,
    keeper: admin.account.address,
  });
  const router = await deployRouter(admin);
  await acquireToken(user, stack.tokens, stack.tokens.USDT, 10n * STABLE_IN);
  const fromBlock = await admin.publicClient.getBlockNumber();
  return { admin, user, stack, router, fromBlock };
});

describe("the USDT router through the SDK", () => {
  test("behavior: quote, mint with write, position; redeem to USDT with write", async ({ world }) => {
    const { user, stack, router, fromBlock } = world;
    const me = user.account.address;
    const usdtBefore = await balance(world, stack.tokens.USDT, me);
    const { quote, minted } = await mintWithStable(world);
    const [event] = parseEventLogs({
      abi: blockEtfRouterAbi,
      eventName: "MintWithStable",
      logs: minted.receipt.logs,
    });
    // Executed in the next block, the mint gives what the quote said (no market moved in between).
    expect(event?.args.shares).toBe(quote.shares);
    expect(usdtBefore - (await balance(world, stack.tokens.USDT, me))).toBe(quote.stableSpent);
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
    const before = await balance(world, stack.tokens.USDT, me);
    await write(user.wallet, {
      request: buildRedeemToStable({
        router,
        fund: stack.fund,
        shares,
        minStableOut: minusSlippage(out, 50n),
        receiver: me,
        deadline: await deadline(world),
      }),
      fund: stack.fund,
    });
    expect((await balance(world, stack.tokens.USDT, me)) - before).toBe(out);
    expect(await balance(world, stack.fund, me)).toBe(0n);
  }, 60_000);

  test("behavior: Venus's ETH redeem paused → the redeem quote carries the vETH, and its stableOut is a valid minimum", async ({
    world,
  }) => {
    const { admin, stack, router } = world;
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
    const shares = (await balance(world, stack.fund, me)) / 2n;
    const quote = await quoteRedeemToStable(admin.publicClient, { router, fund: stack.fund, shares });
    const eth = BASKET.indexOf("ETH");
    expect(quote.vTokens[eth]).toBeGreaterThan(0n);
    expect(quote.vTokens.filter((v) => v > 0n)).toHaveLength(1);
    await write(admin.wallet, {
      request: buildApprove({ token: stack.fund, spender: router, amount: shares }),
    });
    const [usdtBefore, vEthBefore] = [
      await balance(world, stack.tokens.USDT, me),
      await balance(world, stack.vTokens.ETH, me),
    ];
    await write(admin.wallet, {
      request: buildRedeemToStable({
        router,
        fund: stack.fund,
        shares,
        minStableOut: quote.stableOut,
        receiver: me,
        deadline: await deadline(world),
      }),
      fund: stack.fund,
    });
    // Mined a block after the quote: a block more of Venus interest, so at least the quote (the minimum
    // held) and within 0.01 % of it; the forge tests assert equality in the same block.
    const out = (await balance(world, stack.tokens.USDT, me)) - usdtBefore;
    expect(out).toBeGreaterThanOrEqual(quote.stableOut);
    expect(out).toBeLessThan(quote.stableOut + quote.stableOut / 10_000n);
    const vEth = (await balance(world, stack.vTokens.ETH, me)) - vEthBefore;
    const quotedVEth = quote.vTokens[eth] ?? 0n;
    expect(vEth > quotedVEth ? vEth - quotedVEth : quotedVEth - vEth).toBeLessThan(quotedVEth / 10_000n);
  }, 60_000);

  test("error: a minimum above the quote is a SlippageError in the fund's share symbol, before anything is sent", async ({
    world,
  }) => {
    const { user, stack, router } = world;
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
        deadline: await deadline(world),
      }),
      fund: stack.fund,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlippageError);
    expect((error as SlippageError).shortMessage).toMatch(
      /^Minting gives [\d,.]+ CT5U but at least [\d,.]+ CT5U was required/,
    );
    expect(await user.publicClient.getTransactionCount({ address: me })).toBe(nonce);
  }, 60_000);

  test("error: a redeem minimum above what the pools pay is a SlippageError in USDT", async ({ world }) => {
    const { user, stack, router } = world;
    const { quote } = await mintWithStable(world);
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
        deadline: await deadline(world),
      }),
      fund: stack.fund,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlippageError);
    expect((error as SlippageError).shortMessage).toMatch(
      /^Redeeming pays [\d,.]+ USDT but at least [\d,.]+ USDT was required/,
    );
  }, 60_000);

  test("error: a deadline already past is a DeadlinePassedError", async ({ world }) => {
    const { user, stack, router } = world;
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
        deadline: await deadline(world, -60),
      }),
      fund: stack.fund,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlinePassedError);
  }, 60_000);

  test("error: previewRedeem of more than the supply is a SharesExceedSupplyError", async ({ world }) => {
    const { admin, user, stack } = world;
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

  test("behavior: write sends with the padded estimate; a mint mined a block after Venus accrued fits in it", async ({
    world,
  }) => {
    const { admin, stack } = world;
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
    const { minted } = await mintWithStable(world);
    expect(minted.receipt.status).toBe("success");
    expect(minted.gas).toBe(padGasLimit(minted.gasEstimate));
    expect(minted.receipt.gasUsed).toBeLessThan(minted.gas);
    console.log(
      `router mint: estimate ${minted.gasEstimate}, limit ${minted.gas}, used ${minted.receipt.gasUsed}`,
    );
  }, 60_000);
});
