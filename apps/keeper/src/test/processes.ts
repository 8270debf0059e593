// The keeper as an operator runs it (a child process printing JSON lines) and a failing RPC, for the
// integration tests.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export type Entry = {
  msg: string;
  action?: string;
  reason?: string;
  status?: string;
  block?: string;
  [k: string]: unknown;
};

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const REPO = fileURLToPath(new URL("../../../../", import.meta.url));

export type SpawnKeeperOptions = {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Through `npm run start -w @blocketf/keeper --` from the repository root, as the README says. */
  readonly viaNpm?: boolean;
};

/** The keeper as an operator runs it: a child process printing JSON lines (stderr kept as text). */
export function spawnKeeper(args: readonly string[], options: SpawnKeeperOptions = {}) {
  const env = { ...process.env, ...options.env };
  const child: ChildProcess = options.viaNpm
    ? spawn("npm", ["run", "start", "-w", "@blocketf/keeper", "--", ...args], {
        cwd: REPO,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawn(process.execPath, ["--import", "tsx", MAIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  const lines: Entry[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const waiters: { match: (l: Entry) => boolean; resolve: (l: Entry) => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    if (!line.startsWith("{")) return; // npm's own header
    const entry = JSON.parse(line) as Entry;
    lines.push(entry);
    for (const w of [...waiters]) {
      if (w.match(entry)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(entry);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    stderr: () => stderr,
    /** Resolves on the next line (from now) that matches. */
    until: (match: (l: Entry) => boolean, timeoutMs = 60_000) =>
      new Promise<Entry>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no matching keeper line; last: ${JSON.stringify(lines.at(-1))}; stderr: ${stderr}`),
            ),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
      }),
  };
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A JSON-RPC proxy to anvil that answers 503 while `failing`. */
export async function failingProxy(
  target: string,
): Promise<{ url: string; failing: boolean; close: () => Promise<void> }> {
  const state = { failing: false };
  const server: Server = createServer((req, res) => {
    if (state.failing) {
      res.writeHead(503).end("unavailable");
      return;
    }
    const upstream = httpRequest(
      target,
      { method: "POST", headers: { "content-type": "application/json" } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { "content-type": "application/json" });
        up.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get failing() {
      return state.failing;
    },
    set failing(value: boolean) {
      state.failing = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
