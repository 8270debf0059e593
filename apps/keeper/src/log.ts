import { type DestinationStream, type Logger as PinoLogger, pino } from "pino";

/**
 * JSON-line logs through pino: one object per line with `level` (its name), `time` (ISO), the logger's
 * bindings (chain, fund), `msg` and the fields. Bigints are written as decimal strings; errors as their
 * name and short message. The private key never reaches a logger: the config keeps only the account's
 * address.
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

function wrap(p: PinoLogger<never>): Logger {
  const at =
    (level: LogLevel) =>
    (msg: string, fields: Record<string, unknown> = {}): void =>
      p[level](fields, msg);
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (bindings) => wrap(p.child(jsonable(bindings) as Record<string, unknown>)),
  };
}

/** A logger writing JSON lines to `destination` (pino's stdout, a multistream, a test's array). */
export function createPinoLogger(
  destination: DestinationStream,
  options: { level?: LogLevel; bindings?: Record<string, unknown> } = {},
): Logger {
  const base = pino(
    {
      level: options.level ?? "info",
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => jsonable(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
  return wrap(
    options.bindings === undefined ? base : base.child(jsonable(options.bindings) as Record<string, unknown>),
  );
}

/**
 * A logger handing each JSON line (with its newline) to `write`; stdout (synchronous, so no line is lost
 * on exit) when omitted. The devnet passes its own `write` to tee the keeper's lines.
 */
export function createLogger(
  write?: (line: string) => void,
  options: { level?: LogLevel; bindings?: Record<string, unknown> } = {},
): Logger {
  const destination: DestinationStream =
    write === undefined ? pino.destination({ dest: 1, sync: true }) : { write };
  return createPinoLogger(destination, options);
}
