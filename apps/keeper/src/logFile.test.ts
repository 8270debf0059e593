import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createPinoLogger } from "./log.js";
import { openLogFile } from "./logFile.js";

const settle = () => new Promise((r) => setTimeout(r, 50));

describe("openLogFile", () => {
  test("behavior: the log file rotates by size and keeps only the newest rotated files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-log-"));
    const file = await openLogFile(join(dir, "keeper.log"), { maxBytes: 2048, keep: 2 });
    const log = createPinoLogger(file.stream, { level: "info" });
    for (let i = 0; i < 200; i++) {
      log.info("skip", { decision: "skip", reason: "within-threshold", i, pad: "x".repeat(40) });
      if (i % 20 === 19) await settle(); // rotation and clean-up run on the stream's events
    }
    await settle();
    file.close();
    const files = readdirSync(dir).sort();
    // ~200 lines × ~120 bytes ≈ 24 KB in 2 KB files: many rotations, only the current + 2 kept.
    expect(files.length).toBe(3);
    expect(files.every((f) => /^keeper\.\d+\.log$/.test(f))).toBe(true);
    const entries: { msg: string; i: number }[] = [];
    for (const f of files) {
      const text = readFileSync(join(dir, f), "utf8");
      expect(Buffer.byteLength(text)).toBeLessThan(2 * 2048);
      for (const line of text.split("\n").filter((l) => l !== "")) entries.push(JSON.parse(line));
    }
    expect(entries.every((e) => e.msg === "skip")).toBe(true);
    // The newest lines are kept, the oldest rotated away.
    expect(Math.max(...entries.map((e) => e.i))).toBe(199);
    expect(Math.min(...entries.map((e) => e.i))).toBeGreaterThan(0);
  });

  test("error: an unwritable path is a KeeperConfigError naming --log-file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "keeper-log-"));
    writeFileSync(join(dir, "file"), "");
    await expect(openLogFile(join(dir, "file", "keeper.log"), { maxBytes: 1024, keep: 1 })).rejects.toThrow(
      /^--log-file: cannot write .*file\/keeper.log/,
    );
  });
});
