// pino-roll 4 ships no types: the part of its API the keeper uses (pino-roll.js's JSDoc).
declare module "pino-roll" {
  import type { EventEmitter } from "node:events";

  export type PinoRollOptions = {
    /** Base path; pino-roll writes `<name>.1.<ext>`, `<name>.2.<ext>`, … */
    readonly file: string;
    /** Rotate at this size: a number of MB, or a string with a unit (`"1024b"`, `"10k"`, `"10m"`). */
    readonly size?: string | number;
    readonly limit?: { readonly count?: number; readonly removeOtherLogFiles?: boolean };
    readonly symlink?: boolean;
    readonly mkdir?: boolean;
    readonly sync?: boolean;
  };

  /** A sonic-boom stream. */
  export type RollStream = EventEmitter & {
    readonly file: string;
    write(line: string): boolean;
    flushSync(): void;
    end(): void;
  };

  export default function build(options: PinoRollOptions): Promise<RollStream>;
}
