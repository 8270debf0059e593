// Development aid: screenshots of a running app (`npx tsx apps/web/test/shot.ts <url> <out dir> [path…]`).
import { chromium } from "playwright-core";

const [url = "http://127.0.0.1:5173", out = ".web-test", ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") console.log(`console.${m.type()}: ${m.text()}`);
});
page.on("pageerror", (e) => console.log(`pageerror: ${e.message}`));
for (const path of paths.length === 0 ? ["/"] : paths) {
  await page.goto(`${url}${path}`);
  await page.waitForTimeout(6000);
  const name = path === "/" ? "fund" : path.slice(1);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
}
await browser.close();
