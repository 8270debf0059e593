import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

/** anvil did not answer on its port in time, or exited early. */
export class AnvilStartError extends Error {
  override readonly name = "AnvilStartError";
}

export type AnvilOptions = {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  readonly chainId?: number;
  /** Seconds between blocks; undefined = automine (one block per transaction). */
  readonly blockTime?: number;
  /** Load a state dumped by `--dump-state` (or by `anvil_dumpState`). */
  readonly loadState?: string;
  /** Write the state here on exit. */
  readonly dumpState?: string;
  /** Initial timestamp of the chain, unix seconds. */
  readonly timestamp?: number;
  /** Milliseconds to wait for the RPC to answer. */
  readonly startTimeoutMs?: number;
  /**
   * Block states kept in memory for calls at past blocks (default 256; none on disk either way). An
   * indexer backfilling history reads every block it indexes: each state costs ~0.4 MB with the full stack.
   */
  readonly pruneHistory?: number;
  /**
   * Keep older block states on disk instead: anvil holds the most recent in memory and moves older ones
   * to `dir` (2-4 MB a block with the full stack; the caller removes it), deleting the oldest past `max`
   * (measured: `max` 15,000 left the last 15,010 blocks readable; every one when not given). For a
   * backfill over a chain longer than memory holds. Excludes `pruneHistory`.
   */
  readonly statesOnDisk?: { readonly dir: string; readonly max?: number };
};

export type Anvil = {
  readonly rpcUrl: string;
  readonly port: number;
  readonly chainId: number;
  /** Stops anvil (SIGTERM; a dump-state, if asked for, is written on the way out). */
  readonly stop: () => Promise<void>;
};

/**
 * The anvil binary shipped by the `@foundry-rs/anvil` npm package (a real binary in the platform package,
 * no download). Spawned directly, not through the package's node wrapper, so that stopping it stops
 * anvil itself and its `--dump-state` is written before `stop()` resolves.
 */
export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const platformPackage = `@foundry-rs/anvil-${process.platform}-${arch}`;
  try {
    return join(dirname(require.resolve(`${platformPackage}/package.json`)), "bin", "anvil");
  } catch {
    throw new AnvilStartError(
      `${platformPackage} is not installed: run npm ci (anvil ships as an npm binary)`,
    );
  }
}

/** Nothing answers on the port yet (another devnet or anvil would be reused by mistake otherwise). */
async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answers(rpcUrl: string): Promise<boolean> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts anvil and resolves once its RPC answers. */
export async function startAnvil(options: AnvilOptions = {}): Promise<Anvil> {
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const chainId = options.chainId ?? 31337;
  const args = ["--port", String(port), "--chain-id", String(chainId), "--silent"];
  if (options.statesOnDisk !== undefined) {
    if (options.pruneHistory !== undefined)
      throw new AnvilStartError("statesOnDisk and pruneHistory exclude each other");
    // anvil keeps its last 500 states in memory and moves older ones to --cache-path, up to
    // --max-persisted-states of them (3,600 by default), deleting the oldest past that.
    const max = options.statesOnDisk.max ?? 2 ** 31 - 1;
    args.push("--max-persisted-states", String(max), "--cache-path", options.statesOnDisk.dir);
  } else {
    // Keep the last 256 block states in memory and none on disk: by default anvil writes evicted
    // historical states under ~/.foundry/anvil/tmp and leaves them there when killed, which filled this
    // machine's disk with 79 GB over a day of test runs. Nothing here reads state older than that.
    args.push("--prune-history", String(options.pruneHistory ?? 256));
  }
  if (options.blockTime !== undefined) args.push("--block-time", String(options.blockTime));
  if (options.loadState !== undefined) args.push("--load-state", options.loadState);
  if (options.dumpState !== undefined) args.push("--dump-state", options.dumpState);
  if (options.timestamp !== undefined) args.push("--timestamp", String(options.timestamp));

  if (!(await portIsFree(port))) {
    throw new AnvilStartError(
      `port ${port} is in use (another devnet or anvil?): stop it or choose another port`,
    );
  }
  const child: ChildProcess = spawn(anvilBinary(), args, { stdio: ["ignore", "ignore", "pipe"] });
  // If this process exits for any reason, anvil goes with it (it would otherwise hold the port).
  const killOnExit = (): void => {
    child.kill("SIGTERM");
  };
  process.once("exit", killOnExit);
  child.once("exit", () => process.removeListener("exit", killOnExit));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 15_000);
  while (!(await answers(rpcUrl))) {
    if (child.exitCode !== null)
      throw new AnvilStartError(`anvil exited with ${child.exitCode}: ${stderr.trim()}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new AnvilStartError(
        `anvil did not answer on ${rpcUrl} within ${options.startTimeoutMs ?? 15_000} ms`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  };
  return { rpcUrl, port, chainId, stop };
}
