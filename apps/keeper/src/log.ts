/**
 * JSON-line logs: one object per line with `level`, `time` (ISO), `msg` and the logger's bindings (chain,
 * fund). Bigints are written as decimal strings; errors as their name and short message. The private key
 * never reaches a logger: the config keeps only the account's address.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

export type Logger = {
  readonly debug: (msg: string, fields?: Record<string, unknown>) => void;
  readonly info: (msg: string, fields?: Record<string, unknown>) => void;
  readonly warn: (msg: string, fields?: Record<string, unknown>) => void;
  readonly error: (msg: string, fields?: Record<string, unknown>) => void;
  readonly child: (bindings: Record<string, unknown>) => Logger;
};

/** A JSON value: bigints as strings, errors as `{ name, message }`, nested arrays and objects walked. */
export function jsonable(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) {
    const shortMessage = (value as { shortMessage?: unknown }).shortMessage;
    return { name: value.name, message: typeof shortMessage === "string" ? shortMessage : value.message };
  }
  if (Array.isArray(value)) return value.map(jsonable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonable(v)]));
  }
  return value;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
  options: { level?: LogLevel; bindings?: Record<string, unknown> } = {},
): Logger {
  const min = RANK[options.level ?? "info"];
  const bindings = options.bindings ?? {};
  const at =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      if (RANK[level] < min) return;
      const entry = { level, time: new Date().toISOString(), ...bindings, msg, ...fields };
      write(`${JSON.stringify(jsonable(entry))}\n`);
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => createLogger(write, { ...options, bindings: { ...bindings, ...more } }),
  };
}
