import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { type KeeperConfig, parseKeeperArgs } from "./config.js";
import { Keeper } from "./keeper.js";
import { createLogger } from "./log.js";

const A = "0x00000000000000000000000000000000000000f1";

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("Keeper.connect", () => {
  test("behavior: an unreachable RPC is retried with backoff, each line naming the URL; /health says starting", async () => {
    const rpc = `http://127.0.0.1:${await closedPort()}`;
    const config = parseKeeperArgs(["--rpc", rpc, "--fund", A, "--lens", A, "--rebalancer", A, "--dry-run"], {
      env: {},
    }) as KeeperConfig;
    const lines: Record<string, unknown>[] = [];
    const keeper = new Keeper(config, {
      logger: createLogger((l) => lines.push(JSON.parse(l) as Record<string, unknown>), { level: "debug" }),
    });
    const connecting = keeper.connect().then(
      () => "connected",
      (e: unknown) => e,
    );
    while (lines.filter((l) => l.msg === "connect").length < 2) await new Promise((r) => setTimeout(r, 50));
    expect(keeper.health().body.status).toBe("starting");
    await keeper.stop();
    expect(await connecting).not.toBe("connected");
    const [first, second] = lines.filter((l) => l.msg === "connect");
    expect(first).toMatchObject({ level: "warn", decision: "retry", rpc, attempt: 1 });
    expect(second).toMatchObject({ attempt: 2 });
    expect(first?.error).toMatchObject({ name: "NetworkError" });
    expect(JSON.stringify(first?.error)).toContain(`127.0.0.1:${rpc.split(":")[2]}`);
  });
});
