import { type Anvil, rawRpc, startAnvil } from "@blocketf/testkit";
import { type Address, createPublicClient, http, numberToHex, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isAnvilVersion, type SettleChain, settledRead } from "../ponder/src/lib/settle.js";

/** A chain double: `heads` are the successive answers of head(); reads are counted. */
function fakeChain(p: { anvil: boolean; heads: bigint[] }) {
  const calls = { head: 0, sleep: 0 };
  const chain: SettleChain = {
    isAnvil: async () => p.anvil,
    head: async () => p.heads[Math.min(calls.head++, p.heads.length - 1)] ?? 0n,
    settleMs: 500,
    sleep: async () => {
      calls.sleep++;
    },
  };
  let reads = 0;
  const read = async () => ++reads;
  return { chain, read, calls, reads: () => reads };
}

describe("settledRead (chain double)", () => {
  test("default: a real node's block is read once, with no wait", async () => {
    const f = fakeChain({ anvil: false, heads: [10n] });
    expect(await settledRead(f.chain, 10n, f.read)).toBe(1);
    expect([f.reads(), f.calls.sleep, f.calls.head]).toEqual([1, 0, 0]);
  });
  test("default: on anvil a block below the head is final: read once, no wait", async () => {
    const f = fakeChain({ anvil: true, heads: [11n] });
    expect(await settledRead(f.chain, 10n, f.read)).toBe(1);
    expect([f.reads(), f.calls.sleep]).toEqual([1, 0]);
  });
  test("behavior: on anvil a read at the head stands when the head stays put for the settle time", async () => {
    const f = fakeChain({ anvil: true, heads: [10n, 10n] });
    expect(await settledRead(f.chain, 10n, f.read)).toBe(1);
    expect([f.reads(), f.calls.sleep]).toEqual([1, 1]);
  });
  test("behavior: on anvil a read at the head is made again once a later block exists", async () => {
    const f = fakeChain({ anvil: true, heads: [10n, 11n] });
    expect(await settledRead(f.chain, 10n, f.read)).toBe(2);
    expect([f.reads(), f.calls.sleep]).toEqual([2, 1]);
  });
  test("isAnvilVersion: anvil's client version only", () => {
    expect(isAnvilVersion("anvil/v1.4.3")).toBe(true);
    expect(isAnvilVersion("Geth/v1.5.3-stable/linux-amd64/go1.24.1")).toBe(false);
  });
});

// anvil's own behaviour, which settledRead exists for: reads at the head while transactions are being
// mined. A stream of value transfers raises a balance by 1 wei a block; readers read it at the head as
// they go, plainly and through settledRead; afterwards every read is compared with the block's final state.
describe("settledRead on anvil", () => {
  const SENDER: Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  const RECEIVER: Address = "0x000000000000000000000000000000000000bEEF";
  let anvil: Anvil;
  let client: PublicClient;
  beforeAll(async () => {
    anvil = await startAnvil({ pruneHistory: 4096 });
    client = createPublicClient({ transport: http(anvil.rpcUrl) });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  test("behavior: no settled read sees a later block's state; plain reads at the head do", async () => {
    const chain: SettleChain = {
      isAnvil: async () => isAnvilVersion(await client.request({ method: "web3_clientVersion" })),
      head: () => client.getBlockNumber({ cacheTime: 0 }),
      settleMs: 100,
    };
    const balanceAt = (blockNumber: bigint) => () => client.getBalance({ address: RECEIVER, blockNumber });
    let sending = true;
    const plain: [bigint, bigint][] = [];
    const settled: [bigint, bigint][] = [];
    const sender = (async () => {
      for (let i = 0; i < 1_200; i++) {
        await rawRpc(anvil.rpcUrl, "eth_sendTransaction", [
          { from: SENDER, to: RECEIVER, value: numberToHex(1) },
        ]);
      }
      sending = false;
    })();
    const reader = async (out: [bigint, bigint][], read: (n: bigint) => Promise<bigint>) => {
      while (sending) {
        const n = await chain.head();
        out.push([n, await read(n)]);
      }
    };
    await Promise.all([
      sender,
      reader(plain, (n) => balanceAt(n)()),
      reader(plain, (n) => balanceAt(n)()),
      reader(settled, (n) => settledRead(chain, n, balanceAt(n))),
      reader(settled, (n) => settledRead(chain, n, balanceAt(n))),
      reader(settled, (n) => settledRead(chain, n, balanceAt(n))),
    ]);
    const wrong = async (reads: [bigint, bigint][]) => {
      let count = 0;
      for (const [n, value] of reads) if ((await balanceAt(n)()) !== value) count++;
      return count;
    };
    const wrongPlain = await wrong(plain);
    const wrongSettled = await wrong(settled);
    console.info(
      `anvil reads at the head: ${wrongPlain} of ${plain.length} plain reads saw a later block; ` +
        `${wrongSettled} of ${settled.length} settled reads`,
    );
    expect(settled.length, "settled reads made").toBeGreaterThan(50);
    expect(wrongSettled, "settled reads that saw a later block").toBe(0);
    // anvil's race itself (if this fails, anvil no longer has it and settledRead may go).
    expect(wrongPlain, "plain reads at the head that saw a later block").toBeGreaterThan(0);
  });
});
