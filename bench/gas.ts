// Gas benchmark of the fund's user operations, rebalances and the USDT router: `npm run bench:gas`.
//
// Runs contracts/test/bench/*.t.sol with `forge test --isolate` (every top-level call is its own
// transaction with cold storage; figures are whole-transaction gas, 21,000 intrinsic and calldata
// included, storage refunds deducted), prints a table against the targets and writes
// bench/results/gas.json (operation -> gas).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const snapshotDir = join(root, "snapshots");
const resultFile = join(root, "bench", "results", "gas.json");

/** Targets from the issue, and what the original V1 core measured (6 assets, no Venus). */
const targets: Record<string, { target?: number; v1?: number; note: string }> = {
  mint: {
    target: 300_000,
    v1: 319_907,
    note: "in-kind mint, 6 assets, every Venus market valued (accrual due)",
  },
  redeemFromBuffer: { target: 350_000, v1: 376_475, note: "redeem served from idle buffers (accrual due)" },
  redeemFromVenus: { note: "redeem that withdraws from all 6 markets" },
  redeemWithVTokenFallback: { note: "redeem with Venus redeem paused: paid in vTokens" },
  sweep: { note: "sweep of all 6 markets (6 Venus mints)" },
  mintMarketsAccrued: { target: 300_000, note: "mint when every market already accrued this block" },
  redeemFromBufferMarketsAccrued: {
    target: 350_000,
    note: "buffer redeem when every market already accrued",
  },
  // RealVenusGasBench.t.sol: the same operations on Venus's own core pool (npm artifacts), not the double.
  mintRealVenus: { target: 300_000, note: "mint, Venus's own VBep20Delegator/VBNB markets (accrual due)" },
  redeemFromBufferRealVenus: { target: 350_000, note: "buffer redeem, Venus's own markets (accrual due)" },
  redeemFromVenusRealVenus: { note: "redeem that withdraws from all 6 markets, Venus's own redeem path" },
  sweepRealVenus: { note: "sweep of all 6 markets, Venus's own mint path (comptroller checks included)" },
  mintVenusOff: { v1: 319_907, note: "same basket, no Venus markets" },
  redeemVenusOff: { v1: 376_475, note: "same basket, no Venus markets" },
  rebalance1x1: { note: "1 sell + 1 buy via V3, Venus withdraw + re-supply, fund checks (6 assets)" },
  rebalance2x2: { target: 900_000, note: "2 sells + 2 buys, Venus withdraw + re-supply (6 assets)" },
  rebalance1x4PriceShock: { note: "BTC +40 %: 1 sell, 4 buys + USDT sleeve filled (6 assets)" },
  rebalance5x5: { note: "5 sells + 5 buys on an 11-asset fund (10 risk assets + USDT)" },
  // RealVenusRebalanceGasBench.t.sol: the same steps on Venus's own core pool (npm artifacts).
  rebalance1x1RealVenus: { note: "1 sell + 1 buy via V3, Venus's own markets (6 assets)" },
  rebalance2x2RealVenus: { target: 900_000, note: "2 sells + 2 buys, Venus's own markets (6 assets)" },
  rebalance1x4PriceShockRealVenus: { note: "BTC +40 %: 1 sell, 4 buys + USDT sleeve, Venus's own markets" },
  poke: { note: "rebalancer.poke(): the fund valued, the rule applied, 'due' recorded (public trigger)" },
  pokeRealVenus: { note: "rebalancer.poke() on Venus's own markets" },
  // Router (RouterGasBench.t.sol): USDT in or out through the devnet-like V3 pools, $1,000 / 1 share.
  routerMint: {
    target: 900_000,
    note: "mintWithStable: 5 exact-output swaps + in-kind mint, Venus on",
  },
  routerMintExactShares: { note: "mintExactSharesWithStable, Venus on" },
  routerRedeem: { note: "redeemToStable: in-kind redeem from buffers + 5 exact-input swaps" },
  routerMintVenusOff: { v1: 1_101_812, note: "mintWithStable, same basket, no Venus markets" },
  routerMintExactSharesVenusOff: { note: "mintExactSharesWithStable, no Venus markets" },
  routerRedeemVenusOff: { note: "redeemToStable, no Venus markets" },
  // RealVenusRouterGasBench.t.sol: the same router calls on Venus's own core pool (npm artifacts).
  routerMintRealVenus: {
    target: 900_000,
    note: "mintWithStable: 5 exact-output swaps + in-kind mint, Venus's own markets",
  },
  routerMintExactSharesRealVenus: { note: "mintExactSharesWithStable, Venus's own markets" },
  routerRedeemRealVenus: { note: "redeemToStable, Venus's own markets" },
};

rmSync(snapshotDir, { recursive: true, force: true });
execFileSync(
  "node",
  ["scripts/forge.mjs", "test", "--match-path", "contracts/test/bench/*.t.sol", "--isolate", "--silent"],
  { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
);

const gas: Record<string, number> = {};
const snapshotFiles = [
  "GasBenchTest.json",
  "GasBenchAccruedTest.json",
  "GasBenchVenusOffTest.json",
  "RealVenusGasBenchTest.json",
  "RebalanceGasBenchTest.json",
  "RebalanceGasBench11Test.json",
  "RealVenusRebalanceGasBenchTest.json",
  "RouterGasBenchTest.json",
  "RouterGasBenchVenusOffTest.json",
  "RealVenusRouterGasBenchTest.json",
];
for (const file of snapshotFiles) {
  const parsed: unknown = JSON.parse(readFileSync(join(snapshotDir, file), "utf8"));
  if (typeof parsed !== "object" || parsed === null) throw new Error(`unexpected snapshot ${file}`);
  for (const [name, value] of Object.entries(parsed)) gas[name] = Number(value);
}

const rows = Object.entries(targets).map(([name, t]) => {
  const used = gas[name];
  if (used === undefined) throw new Error(`missing measurement: ${name}`);
  const verdict = t.target === undefined ? "" : used <= t.target ? "meets" : "over";
  return {
    operation: name,
    gas: used.toLocaleString("en-US"),
    target: t.target?.toLocaleString("en-US") ?? "",
    "vs target": verdict,
    "V1 (no Venus)": t.v1?.toLocaleString("en-US") ?? "",
    what: t.note,
  };
});
console.table(rows);

mkdirSync(dirname(resultFile), { recursive: true });
writeFileSync(resultFile, `${JSON.stringify(gas, null, 2)}\n`);
console.log(`wrote ${join("bench", "results", "gas.json")}`);
