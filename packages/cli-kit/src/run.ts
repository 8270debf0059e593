import { UsageError } from "./errors.js";

/**
 * Runs a command's `main` and owns its exit: a `UsageError` is `error: <message>` on one line and exit code
 * 2; any other failure is `<name> failed: <message>` and exit code 1 (the stack only with `DEBUG`).
 * `describe` turns a library's error into its one-line message (e.g. the SDK's `shortMessage`).
 */
export function runMain(
  name: string,
  main: () => Promise<void>,
  describe: (error: unknown) => string = (error) => (error instanceof Error ? error.message : String(error)),
): void {
  main().then(
    () => {
      process.exitCode ??= 0;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`error: ${error.shortMessage}\n`);
        process.exit(2);
      }
      const stack = process.env.DEBUG !== undefined && error instanceof Error ? `\n${error.stack}` : "";
      process.stderr.write(`${name} failed: ${describe(error)}${stack}\n`);
      process.exit(1);
    },
  );
}
