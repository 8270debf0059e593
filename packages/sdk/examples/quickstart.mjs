// Mint the devnet's fund from USDT through the router, then redeem half of it back to USDT.
// Run against a running devnet (`npm start`), with an account the faucet has funded:
//   npm run faucet -- --to 0x90F79bf6EB2c4f870365E785982E1f101E93b906
//   node quickstart.mjs path/to/deployments/local.json
import { readFileSync } from "node:fs";
import {
  buildApprove,
  buildMintWithStable,
  buildRedeemToStable,
  deadlineIn,
  getFund,
  getFundTokens,
  getPosition,
  localChain,
  localNetwork,
  minusSlippage,
  quoteMintWithStable,
  quoteRedeemToStable,
  SlippageError,
  supplyApy,
  write,
} from "@blocketf/sdk";
import { createWalletClient, formatUnits, http, parseUnits } from "viem";
import { privateKeyToAccount } from "viem/accounts";

const network = localNetwork(JSON.parse(readFileSync(process.argv[2] ?? "deployments/local.json", "utf8")));
// anvil's dev account #3 (the devnet's "user"): a public test key, never for real funds.
const account = privateKeyToAccount(
  process.env.PRIVATE_KEY ?? "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
);
const client = createWalletClient({ account, chain: localChain(network), transport: http(network.rpcUrl) });
const { fund, lens, router } = network;
const usd = (d18) => `$${Number(formatUnits(d18, 18)).toFixed(2)}`;

// Read: the fund, its NAV, what each asset earns on Venus (with the devnet's own blocks per year).
const state = await getFund(client, { lens, fund });
console.log(`${state.symbol}: NAV ${usd(state.totalValue)}, ${usd(state.navPerShare)} per share`);
for (const a of state.assets) {
  const apy = supplyApy(a.supplyRatePerBlock, network.venusBlocksPerYear);
  console.log(
    `  ${a.symbol.padEnd(5)} weight ${a.weightBps / 100} %, Venus supply APY ${(apy * 100).toFixed(2)} %`,
  );
}

// Quote, approve, mint: each write is simulated, gas-estimated, padded, sent and confirmed.
const { stable, share } = await getFundTokens(client, { fund });
const stableIn = parseUnits("1000", stable.decimals);
const quote = await quoteMintWithStable(client, { router, fund, stableIn });
await write(client, { request: buildApprove({ token: stable.address, spender: router, amount: stableIn }) });
const minted = await write(client, {
  request: buildMintWithStable({
    router,
    fund,
    stableIn,
    minShares: minusSlippage(quote.shares, 50n), // 0.5 % below the quote
    receiver: account.address,
    deadline: deadlineIn(600),
  }),
  fund, // reverts are explained in this fund's symbols and units
});
console.log(
  `minted ${formatUnits(quote.shares, share.decimals)} ${share.symbol} for ${formatUnits(quote.stableSpent, stable.decimals)} ${stable.symbol} (gas ${minted.receipt.gasUsed})`,
);

// A bound the pools cannot meet is a typed error with a message to show as it is; nothing is sent.
const position = await getPosition(client, { lens, fund, holder: account.address });
const half = position.shares / 2n;
const { stableOut: out } = await quoteRedeemToStable(client, { router, fund, shares: half });
await write(client, { request: buildApprove({ token: fund, spender: router, amount: half }) });
const redeem = (minStableOut) =>
  write(client, {
    request: buildRedeemToStable({
      router,
      fund,
      shares: half,
      minStableOut,
      receiver: account.address,
      deadline: deadlineIn(600),
    }),
    fund,
  });
try {
  await redeem(out * 2n);
} catch (error) {
  if (!(error instanceof SlippageError)) throw error;
  console.log(`refused: ${error.shortMessage}`);
}
await redeem(minusSlippage(out, 50n));
console.log(
  `redeemed ${formatUnits(half, share.decimals)} ${share.symbol} for ${formatUnits(out, stable.decimals)} ${stable.symbol}`,
);

const after = await getPosition(client, { lens, fund, holder: account.address });
console.log(
  `position: ${formatUnits(after.shares, share.decimals)} ${share.symbol} worth ${usd(after.valueUsd)}`,
);
