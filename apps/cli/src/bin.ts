#!/usr/bin/env -S npx tsx
import { main } from "./main.js";

// A closed pipe (`... --json | head`) ends the output, not the program with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
