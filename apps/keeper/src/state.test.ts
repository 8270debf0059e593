import { createClient, custom } from "viem";
import { describe, expect, test } from "vitest";
import { pinnedTo } from "./state.js";

describe("pinnedTo", () => {
  const calls: Array<{ method: string; params: unknown }> = [];
  const client = createClient({
    transport: custom({
      request: async ({ method, params }: { method: string; params?: unknown }) => {
        calls.push({ method, params });
        return "0x0";
      },
    }),
  });
  const pinned = pinnedTo(client, 0x1234n);
  const request = pinned.request as (args: { method: string; params?: unknown }) => Promise<unknown>;

  test("behavior: state reads at the latest block are read at the pinned block", async () => {
    calls.length = 0;
    await request({
      method: "eth_call",
      params: [{ to: "0x0000000000000000000000000000000000000001" }, "latest"],
    });
    await request({
      method: "eth_getBalance",
      params: ["0x0000000000000000000000000000000000000001", "latest"],
    });
    await request({ method: "eth_call", params: [{ to: "0x0000000000000000000000000000000000000001" }] });
    expect(calls.map((c) => (c.params as unknown[])[1])).toEqual(["0x1234", "0x1234", "0x1234"]);
  });

  test("behavior: an explicit block and the nonce are left alone", async () => {
    calls.length = 0;
    await request({
      method: "eth_call",
      params: [{ to: "0x0000000000000000000000000000000000000001" }, "0x7"],
    });
    await request({
      method: "eth_getTransactionCount",
      params: ["0x0000000000000000000000000000000000000001", "pending"],
    });
    expect(calls.map((c) => (c.params as unknown[])[1])).toEqual(["0x7", "pending"]);
  });
});
