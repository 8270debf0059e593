// The indexer's test chain: anvil with the real stack (Venus's core pool and a V3 DEX from their published
// artifacts, the fund, its rebalancer, the USDT router), and the holder actions that produce its history.
import {
  blockEtfAbi,
  blockEtfLensAbi,
  blockEtfRebalancerAbi,
  blockEtfRouterAbi,
  blockEtfRouterBytecode,
} from "@blocketf/abi";
import { buildApprove, buildMint, buildRedeem, previewMint, previewRedeem } from "@blocketf/sdk";
import {
  type Anvil,
  acquireToken,
  type BasketSymbol,
  type DevClients,
  deploy,
  deployLocalDex,
  deployLocalStack,
  devClients,
  type LocalPools,
  type LocalStack,
  moveOracles,
  movePool,
  type PooledSymbol,
  sendPadded,
  startAnvil,
  TEST_PRICES_USD,
  venusArtifacts,
  wireRebalancer,
} from "@blocketf/testkit";
import { type Address, formatEther, type Hex, maxUint256, numberToHex, pad, parseEther } from "viem";
import type { IndexerDeployment } from "../config.js";

export type TestChain = {
  readonly anvil: Anvil;
  readonly admin: DevClients;
  /** anvil's account #3: the holder. */
  readonly user: DevClients;
  /** Receives a share transfer (no key needed). */
  readonly friend: Address;
  /** anvil's account #4: the fund's keeper. */
  readonly keeper: DevClients;
  readonly stack: LocalStack;
  readonly pools: LocalPools;
  readonly swapRouter: Address;
  readonly rebalancer: Address;
  readonly router: Address;
  readonly deployment: IndexerDeployment;
};

/** Starts anvil and deploys everything; `chainId` apart so that test chains never share a sync cache. */
export async function startTestChain(p: { chainId: number; pruneHistory?: number }): Promise<TestChain> {
  const anvil = await startAnvil({ chainId: p.chainId, pruneHistory: p.pruneHistory ?? 4096 });
  const c = (i: number) => devClients(anvil.rpcUrl, i, p.chainId);
  const admin = c(0);
  const stack = await deployLocalStack(admin, c(1), c(2), {
    pricesUsd: TEST_PRICES_USD,
    heartbeat: 2 * 86_400,
  });
  const { dex, pools } = await deployLocalDex(admin, stack, TEST_PRICES_USD);
  const keeper = c(4);
  const rebalancer = await wireRebalancer(admin, {
    fund: stack.fund,
    router: dex.router,
    tokens: stack.tokens,
    keeper: keeper.account.address,
    stepInterval: 0,
  });
  const router = await deploy(admin, { abi: blockEtfRouterAbi, bytecode: blockEtfRouterBytecode });
  return {
    anvil,
    admin,
    user: c(3),
    friend: "0x000000000000000000000000000000000000F00D",
    keeper,
    stack,
    pools,
    swapRouter: dex.router,
    rebalancer,
    router,
    deployment: {
      chainId: p.chainId,
      rpcUrl: anvil.rpcUrl,
      factory: stack.fundStack.factory,
      lens: stack.fundStack.lens,
      router,
      startBlock: 0,
    },
  };
}

/** Sends a built transaction with the same gas margin as testkit's sendPadded (anvil estimates at latest). */
async function send(who: DevClients, tx: { to: Address; data: Hex }): Promise<bigint> {
  const estimate = await who.publicClient.estimateGas({ account: who.account, to: tx.to, data: tx.data });
  const hash = await who.wallet.sendTransaction({
    to: tx.to,
    data: tx.data,
    gas: (estimate * 13n) / 10n + 100_000n,
  });
  const receipt = await who.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction to ${tx.to} reverted (${hash})`);
  return receipt.blockNumber;
}

async function call(
  who: DevClients,
  request: Parameters<DevClients["wallet"]["writeContract"]>[0],
): Promise<bigint> {
  const receipt = await sendPadded(who, request);
  if (receipt.status !== "success") throw new Error(`${String(request.functionName)} reverted`);
  return receipt.blockNumber;
}

/** Gives `who` the basket amounts for about `usd` of the fund and approves the fund for them. */
async function fundedBasket(t: TestChain, who: DevClients, usd: number): Promise<bigint[]> {
  const f = await who.publicClient.readContract({
    address: t.stack.fundStack.lens,
    abi: blockEtfLensAbi,
    functionName: "getFund",
    args: [t.stack.fund],
  });
  const maxAmounts = f.assets.map((a) => (a.holdings * parseEther(String(usd))) / f.totalValue + 1n);
  for (const [i, a] of f.assets.entries()) {
    await acquireToken(who, t.stack.tokens, a.token, maxAmounts[i] ?? 0n);
    await send(who, buildApprove({ token: a.token, spender: t.stack.fund, amount: maxUint256 }));
  }
  return maxAmounts;
}

/** An in-kind mint of about `usd`; returns its block and the shares. */
export async function mintInKind(t: TestChain, who: DevClients, usd: number) {
  const maxAmounts = await fundedBasket(t, who, usd);
  const preview = await previewMint(who.publicClient, {
    lens: t.stack.fundStack.lens,
    fund: t.stack.fund,
    maxAmounts,
  });
  const block = await send(
    who,
    buildMint({ fund: t.stack.fund, maxAmounts, minShares: 0n, receiver: who.account.address }),
  );
  return { block, shares: preview.shares };
}

/** A mint paid in USDT through the router. */
export async function mintWithUsdt(t: TestChain, who: DevClients, usdt: bigint): Promise<bigint> {
  await acquireToken(who, t.stack.tokens, t.stack.tokens.USDT, usdt);
  await send(who, buildApprove({ token: t.stack.tokens.USDT, spender: t.router, amount: usdt }));
  return call(who, {
    address: t.router,
    abi: blockEtfRouterAbi,
    functionName: "mintWithStable",
    args: [t.stack.fund, usdt, 0n, who.account.address, maxUint256],
  });
}

export async function redeemInKind(t: TestChain, who: DevClients, shares: bigint): Promise<bigint> {
  const owed = await previewRedeem(who.publicClient, {
    lens: t.stack.fundStack.lens,
    fund: t.stack.fund,
    shares,
  });
  return send(
    who,
    buildRedeem({
      fund: t.stack.fund,
      shares,
      receiver: who.account.address,
      minAmounts: owed.map(() => 0n),
    }),
  );
}

export async function redeemToUsdt(t: TestChain, who: DevClients, shares: bigint): Promise<bigint> {
  await send(who, buildApprove({ token: t.stack.fund, spender: t.router, amount: shares }));
  return call(who, {
    address: t.router,
    abi: blockEtfRouterAbi,
    functionName: "redeemToStable",
    args: [t.stack.fund, shares, 0n, who.account.address, maxUint256],
  });
}

export async function transferShares(t: TestChain, from: DevClients, to: Address, shares: bigint) {
  return call(from, {
    address: t.stack.fund,
    abi: blockEtfAbi,
    functionName: "transfer",
    args: [to, shares],
  });
}

export async function sweep(t: TestChain): Promise<bigint> {
  return call(t.admin, { address: t.stack.fund, abi: blockEtfAbi, functionName: "sweep" });
}

/** The indexers' snapshot grid in these tests (blocks; the grid starts at block 0). */
export const TEST_SNAPSHOT_INTERVAL = 100;

/**
 * Applies an anvil state cheat (setCode, setStorageAt) where no indexer reads. anvil applies a cheat to
 * the latest block's state, and that block keeps it: a read at that block made before the cheat and one
 * made after give different answers, so an indexer that snapshots the block would see one or the other by
 * timing, and the chain read back later would disagree with it. The cheat goes onto a fresh empty block
 * off the snapshot grid (no event, no snapshot there), and the next block is mined at once.
 */
export async function cheat(t: TestChain, apply: () => Promise<unknown>): Promise<void> {
  if ((await mine(t, 1)) % BigInt(TEST_SNAPSHOT_INTERVAL) === 0n) await mine(t, 1);
  await apply();
  await mine(t, 1);
}

/** Mines `blocks` empty blocks (Venus accrues interest per block). */
export async function mine(t: TestChain, blocks: number): Promise<bigint> {
  await t.admin.test.mine({ blocks });
  return t.admin.publicClient.getBlockNumber({ cacheTime: 0 });
}

export async function setManagementFee(t: TestChain, bps: number): Promise<bigint> {
  return call(t.admin, {
    address: t.stack.fund,
    abi: blockEtfAbi,
    functionName: "setManagementFee",
    args: [bps],
  });
}

export async function pauseAndUnpause(t: TestChain): Promise<void> {
  await call(t.admin, { address: t.stack.fund, abi: blockEtfAbi, functionName: "pause" });
  await call(t.admin, { address: t.stack.fund, abi: blockEtfAbi, functionName: "unpause" });
}

/** Every pool moved back to the fund's oracle price of its asset (what arbitrageurs do between blocks). */
export async function arbitrage(t: TestChain): Promise<void> {
  const f = await t.admin.publicClient.readContract({
    address: t.stack.fundStack.lens,
    abi: blockEtfLensAbi,
    functionName: "getFund",
    args: [t.stack.fund],
  });
  for (const a of f.assets) {
    const symbol = a.symbol as PooledSymbol;
    if (!(symbol in t.pools)) continue;
    await movePool(
      t.admin,
      { stack: t.stack, pools: t.pools, router: t.swapRouter },
      symbol,
      Number(formatEther(a.price)),
    );
  }
}

/** BTC jumps `factor`× (feed, Venus's oracle and its pool) and the keeper sends rebalance steps. */
export async function shockAndRebalance(t: TestChain, factor: number, maxSteps = 4): Promise<number> {
  const price = TEST_PRICES_USD.BTCB * factor;
  await moveOracles(t.admin, t.stack, "BTCB", price);
  await movePool(t.admin, { stack: t.stack, pools: t.pools, router: t.swapRouter }, "BTCB", price);
  // The fund's own least time between two steps of an episode (its episode bounds).
  const { minStepInterval } = await t.admin.publicClient.readContract({
    address: t.stack.fund,
    abi: blockEtfAbi,
    functionName: "rebalanceEpisode",
  });
  let steps = 0;
  for (; steps < maxSteps; steps++) {
    // Each step after the fund's interval (gas is estimated at the latest block's time), in blocks where
    // arbitrage has brought every pool back to the oracle (a route's bound is its fee plus 25 bps).
    if (steps > 0) await t.admin.test.increaseTime({ seconds: minStepInterval });
    await arbitrage(t);
    await call(t.keeper, { address: t.rebalancer, abi: blockEtfRebalancerAbi, functionName: "rebalance" });
    const rebalancing = await t.admin.publicClient.readContract({
      address: t.stack.fund,
      abi: blockEtfAbi,
      functionName: "rebalancing",
    });
    if (!rebalancing) return steps + 1;
  }
  return steps;
}

/**
 * Venus can no longer value `symbol`'s market: the market's interest rate model is swapped for a contract
 * that reverts on every call (`PUSH1 0 PUSH1 0 REVERT`), so the market cannot accrue and
 * `exchangeRateCurrent` reverts — the failure the guardian's write-off is for. The devnet's markets share
 * their rate models, so the model is swapped in this market's storage (anvil_setStorageAt on the slot that
 * holds it), not in the model's code. Returns what puts the model back.
 * Both the swap and its undo are cheats (see `cheat`).
 */
export async function breakVenusRate(t: TestChain, symbol: BasketSymbol): Promise<() => Promise<void>> {
  const vToken = t.stack.vTokens[symbol];
  const c = t.admin.publicClient;
  const model = await c.readContract({
    address: vToken,
    abi: venusArtifacts.vBep20DelegateAbi,
    functionName: "interestRateModel",
  });
  const word = pad(model.toLowerCase() as Hex);
  let slot: Hex | undefined;
  for (let i = 0; i < 64 && slot === undefined; i++) {
    const at = numberToHex(i, { size: 32 });
    if ((await c.getStorageAt({ address: vToken, slot: at })) === word) slot = at;
  }
  if (slot === undefined) throw new Error(`no storage slot of ${vToken} holds its rate model ${model}`);
  const broken: Address = "0x00000000000000000000000000000000000bad01";
  await cheat(t, async () => {
    await t.admin.test.setCode({ address: broken, bytecode: "0x60006000fd" });
    await t.admin.test.setStorageAt({ address: vToken, index: slot, value: pad(broken) });
  });
  const swapped = await c.readContract({
    address: vToken,
    abi: venusArtifacts.vBep20DelegateAbi,
    functionName: "interestRateModel",
  });
  if (swapped.toLowerCase() !== broken) throw new Error(`the rate model of ${vToken} was not swapped`);
  return async () => {
    await cheat(t, () => t.admin.test.setStorageAt({ address: vToken, index: slot, value: word }));
  };
}

/** The guardian (here the owner) writes off asset `index`'s Venus position. */
export async function writeOffVenus(t: TestChain, index: number): Promise<bigint> {
  return call(t.admin, {
    address: t.stack.fund,
    abi: blockEtfAbi,
    functionName: "writeOffVenus",
    args: [BigInt(index)],
  });
}

/** The owner supplies asset `index` to Venus again (a written-off position then counts again). */
export async function setYieldEnabled(t: TestChain, index: number, enabled: boolean): Promise<bigint> {
  return call(t.admin, {
    address: t.stack.fund,
    abi: blockEtfAbi,
    functionName: "setYieldEnabled",
    args: [BigInt(index), enabled],
  });
}

export async function setEpisodeBounds(
  t: TestChain,
  b: { minStepInterval: number; maxDuration: number; maxSteps: number; maxLossBps: number },
): Promise<bigint> {
  return call(t.admin, {
    address: t.stack.fund,
    abi: blockEtfAbi,
    functionName: "setEpisodeBounds",
    args: [b.minStepInterval, b.maxDuration, b.maxSteps, b.maxLossBps],
  });
}
