import { accessSync, constants, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { type DestinationStream, pino } from "pino";
import roll, { type RollStream } from "pino-roll";
import { KeeperConfigError } from "./config.js";

export type LogFile = { readonly stream: RollStream; readonly close: () => void };

/**
 * The keeper's log file, rotated by size with pino-roll: `keeper.log` is written as `keeper.1.log`, then
 * `keeper.2.log` once the first reaches `maxBytes` (after the write that crosses it), …; only the `keep` newest rotated files are kept besides
 * the current one. Writes are synchronous, so a line logged before an exit is on disk.
 */
export async function openLogFile(file: string, p: { maxBytes: number; keep: number }): Promise<LogFile> {
  let stream: RollStream;
  try {
    // Checked here, so a wrong path is one line at start rather than an error event on the stream later.
    mkdirSync(dirname(file), { recursive: true });
    accessSync(dirname(file), constants.W_OK);
    stream = await roll({
      file,
      size: `${p.maxBytes}b`,
      limit: { count: p.keep },
      sync: true,
    });
  } catch (error: unknown) {
    throw new KeeperConfigError(
      `--log-file: cannot write ${file} in ${dirname(file)} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return {
    stream,
    close: () => {
      stream.flushSync();
      stream.end();
    },
  };
}

/** Where the CLI's JSON lines go: stdout, and the rotating file when there is one. */
export function logDestination(file: LogFile | undefined, level: string): DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true });
  if (file === undefined) return stdout;
  return pino.multistream([
    { stream: stdout, level },
    { stream: file.stream, level },
  ]);
}
