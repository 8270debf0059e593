// Web app benchmark: `npm run bench:web [-- --runs N]`. Not a timed test: it prints figures and writes
// bench/results/web.json.
//
// 1. First page JS: the production bundle's entry script and every chunk it preloads (what a browser must
//    fetch before the fund page renders), gzip-compressed (zlib default level, as web servers send it);
//    lazy chunks (charts, other pages) are listed apart. Target: ≤ 250 kB.
// 2. Time to the first rendered NAV: Debian's headless Chromium (playwright-core) opens the fund page of a
//    devnet (deployed as `npm start` does, a few days replayed, the indexer running) in a fresh browser
//    context each run (cold HTTP cache); from navigation start to the NAV per share on screen, by the
//    page's own clock (performance.now()).
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { startWebStack } from "../apps/web/test/stack.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const resultFile = join(root, "bench", "results", "web.json");
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { runs: { type: "string", default: "7" } },
});
const runs = Number(values.runs);

const kB = (bytes: number) => Math.round(bytes / 100) / 10;

function bundleSizes(outDir: string) {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const firstPage = [
    ...html.matchAll(/<script type="module"[^>]* src="\/([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)"/g),
  ].map((m) => m[1] ?? "");
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]* href="\/([^"]+)"/g)].map((m) => m[1] ?? "");
  const size = (file: string) => {
    const bytes = readFileSync(join(outDir, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes).length };
  };
  const all = readdirSync(join(outDir, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !firstPage.includes(f)).map(size);
  const first = firstPage.map(size);
  return {
    firstPageJs: first,
    firstPageJsGzipKB: kB(first.reduce((s, f) => s + f.gzip, 0)),
    firstPageJsMinifiedKB: kB(first.reduce((s, f) => s + f.bytes, 0)),
    cssGzipKB: kB(css.map(size).reduce((s, f) => s + f.gzip, 0)),
    lazyChunks: lazy.sort((a, b) => b.gzip - a.gzip).map((f) => ({ file: f.file, gzipKB: kB(f.gzip) })),
    lazyJsGzipKB: kB(lazy.reduce((s, f) => s + f.gzip, 0)),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

process.stdout.write("starting a devnet, the indexer and the built app …\n");
const stack = await startWebStack({ from: "2025-01-01", warmupDays: 3 });
try {
  const outDir = join(stack.dir, "dist");
  statSync(join(outDir, "index.html"));
  const sizes = bundleSizes(outDir);
  process.stdout.write(
    `first page JS: ${sizes.firstPageJsGzipKB} kB gzip (${sizes.firstPageJsMinifiedKB} kB minified, ${sizes.firstPageJs.length} file(s)); lazy chunks ${sizes.lazyJsGzipKB} kB gzip\n`,
  );
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(stack.web.url, { waitUntil: "commit" });
    // The NAV per share rendered: "$" followed by digits (the loading state has no such element).
    await page.waitForFunction(
      `document.querySelector('[data-testid="nav"]')?.textContent?.startsWith("$") === true`,
      undefined,
      {
        timeout: 60_000,
        polling: "raf",
      },
    );
    const ms = (await page.evaluate("performance.now()")) as number;
    times.push(Math.round(ms));
    process.stdout.write(`  run ${i + 1}: NAV on screen ${Math.round(ms)} ms after navigation start\n`);
    await context.close();
  }
  const result = {
    command: `npm run bench:web -- --runs ${runs}`,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "",
      loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    },
    browser: `Chromium ${stack.browser.version()} (Debian), headless, playwright-core`,
    bundle: { ...sizes, targetFirstPageJsGzipKB: 250 },
    timeToFirstNav: {
      what: "navigation start → NAV per share rendered on the fund page; fresh browser context (cold cache) each run; app, RPC (anvil) and indexer on this machine",
      runs: times.length,
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      samplesMs: times,
    },
  };
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `time to first NAV: median ${result.timeToFirstNav.medianMs} ms (min ${result.timeToFirstNav.minMs}, max ${result.timeToFirstNav.maxMs}) over ${times.length} runs\nwritten ${resultFile}\n`,
  );
} finally {
  await stack.stop();
}
