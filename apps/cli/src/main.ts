import { UsageError } from "@blocketf/cli-kit";
import { type ParsedCommandLine, parseCommandLine } from "./cli/args.js";
import { HELP } from "./cli/help.js";
import { reportCommand } from "./cli/reportCommand.js";
import { runCommand } from "./cli/runCommand.js";
import { sweepCommand } from "./cli/sweepCommand.js";

/** Runs the CLI; returns the exit code (2 for bad input, printed as one line). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const parsed: ParsedCommandLine = parseCommandLine(argv);
    if (parsed.flags.help === true || parsed.command === "help") {
      process.stdout.write(HELP);
      return 0;
    }
    switch (parsed.command) {
      case "sweep":
        await sweepCommand(parsed.flags);
        return 0;
      case "report":
        await reportCommand(parsed.flags);
        return 0;
      default:
        runCommand(parsed.flags);
        return 0;
    }
  } catch (error: unknown) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.shortMessage}\n`);
      return 2;
    }
    throw error;
  }
}
