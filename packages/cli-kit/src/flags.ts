import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors.js";

/** A command's flags, as `util.parseArgs` takes them. */
export type FlagOptions = NonNullable<ParseArgsConfig["options"]>;

/** The typed values of `options` (a string or boolean per flag given, `undefined` for one absent). */
export type FlagValues<O extends FlagOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>["values"];

/**
 * Parses `argv` with Node's `util.parseArgs` in strict mode: an unknown flag, a missing value, a value
 * given to a boolean flag or a stray argument is a `UsageError` of one line naming it (never ignored: a
 * typo such as `--chek-only` must not run the command it meant to stop).
 */
export function parseFlags<const O extends FlagOptions>(argv: readonly string[], options: O): FlagValues<O> {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error: unknown) {
    throw usageOf(error);
  }
}

/**
 * Like `parseFlags`, for commands with subcommands: the first argument is the command when it does not
 * start with `-`, else `fallback`; it must be one of `commands`.
 */
export function parseCommand<const O extends FlagOptions, const C extends string>(
  argv: readonly string[],
  commands: readonly C[],
  fallback: C,
  options: O,
): { command: C; flags: FlagValues<O> } {
  const first = argv[0];
  const named = first !== undefined && !first.startsWith("-");
  const command = named ? first : fallback;
  if (!(commands as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command "${command}": one of ${commands.join(", ")} (see --help)`);
  }
  return { command: command as C, flags: parseFlags(named ? argv.slice(1) : argv, options) };
}

/** Node's parseArgs errors (several lines of advice) as one line naming the flag. */
function usageOf(error: unknown): unknown {
  if (!(error instanceof TypeError)) return error;
  const code = (error as { code?: unknown }).code;
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`unknown option ${quoted} (see --help)`, { cause: error });
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return new UsageError(`unexpected argument "${quoted}" (see --help)`, { cause: error });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const flag = quoted.split(" ")[0] ?? quoted;
      const message = error.message.includes("does not take an argument")
        ? `${flag} takes no value`
        : error.message.includes("ambiguous")
          ? `${flag} needs a value (one starting with "-" is written ${flag}=-…)`
          : `${flag} needs a value`;
      return new UsageError(`${message} (see --help)`, { cause: error });
    }
    default:
      return new UsageError(`${error.message.split("\n")[0]} (see --help)`, { cause: error });
  }
}
