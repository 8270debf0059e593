// The app in Debian's Chromium against one devnet, as a holder uses it: connect anvil's dev account, take
// the faucet's tokens, mint with USDT and in kind, watch NAV and interest move over replayed days, redeem
// to USDT and in kind while Venus's BTCB market refuses withdrawals, meet a slippage refusal, on a phone,
// and pass axe-core's accessibility check. Screenshots of each page go to apps/web/.web-test/screenshots.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { blockEtfAbi } from "@blocketf/abi";
import { KEEPER_KEY_INDEX } from "@blocketf/devnet";
import {
  buildCall,
  buildRebalance,
  getFund,
  getRebalanceEpisode,
  getRebalanceRule,
  getRebalancerState,
  write,
} from "@blocketf/sdk";
import { devClients, movePool, type PooledSymbol, VenusAction, venusArtifacts } from "@blocketf/testkit";
import type { Page } from "playwright-core";
import { type Address, erc20Abi, formatEther, getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startWebStack, type WebStack } from "./stack.js";

const SHOTS = new URL("../.web-test/screenshots/", import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// anvil's account #6: the app's first dev account.
const HOLDER = getAddress("0x976EA74026E726554dB657fA54763abd0C3a0aa9");

let stack: WebStack;
let page: Page;

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

async function go(p: Page, path: string): Promise<void> {
  await p.goto(`${stack.web.url}${path}`);
  await p.locator("main").waitFor();
}

const balanceOf = (token: Address, who: Address) =>
  stack.admin.publicClient.readContract({
    address: token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [who],
  });
const shares = () => balanceOf(stack.deployment.fund, HOLDER);

async function setSlippage(p: Page, percent: string): Promise<void> {
  await p.locator("details.settings > summary").click();
  await p.getByLabel("Slippage tolerance (%)").fill(percent);
  await p.locator("details.settings > summary").click();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  stack = await startWebStack({ from: "2025-01-01", warmupDays: 4 });
  page = await stack.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(60_000);
}, 600_000);

afterAll(async () => {
  await stack?.stop();
});

describe("the web app in Chromium", () => {
  test("the fund page shows NAV, APY and where each asset sits", async () => {
    await go(page, "/");
    await page.getByTestId("nav").waitFor();
    expect(await page.getByTestId("nav").textContent()).toMatch(/^\$[\d,]+\.\d{4}$/);
    expect(await page.getByTestId("apy-now").textContent()).toMatch(/^\d+\.\d\d %$/);
    await expect.poll(() => page.getByTestId("asset-BTCB").textContent()).toMatch(/Earning/);
    await page.getByTestId("nav-summary").waitFor();
    await shot(page, "fund");
  });

  test("connect the dev account and take the faucet's tokens", async () => {
    await page.getByRole("button", { name: "Connect wallet" }).click();
    await page.getByRole("button", { name: /Dev account #6/ }).click();
    await expect.poll(() => page.getByTestId("account").textContent()).toContain("0x976E");
    await page.getByRole("button", { name: "Get test tokens" }).click();
    await expect
      .poll(() => page.getByTestId("faucet-status").textContent(), { timeout: 60_000 })
      .toMatch(/^Received BTCB/);
    expect(await balanceOf(stack.deployment.tokens.USDT, HOLDER)).toBeGreaterThan(9_000n * 10n ** 18n);
  });

  test("mint with USDT and see the shares in the portfolio", async () => {
    await page.getByRole("link", { name: "Mint" }).click();
    await page.getByTestId("mint-stable-amount").fill("2000");
    await page.getByTestId("mint-quote").waitFor();
    await shot(page, "mint-usdt");
    await page.locator("#mint-stable-submit").click();
    await page.getByTestId("tx-done").waitFor({ timeout: 90_000 });
    expect(await shares()).toBeGreaterThan(10n ** 18n);
    await page.getByRole("link", { name: "Portfolio" }).click();
    await expect.poll(() => page.getByTestId("my-shares").textContent()).toMatch(/^[1-9][\d.,]* CT5U$/);
    await shot(page, "portfolio");
  });

  test("mint in kind: each asset approved in turn, then the mint", async () => {
    const before = await shares();
    await page.getByRole("link", { name: "Mint" }).click();
    await page.getByRole("button", { name: "In kind (every asset)" }).click();
    await page.getByTestId("mint-kind-shares").fill("0.5");
    await page.getByTestId("mint-kind-table").waitFor();
    await shot(page, "mint-in-kind");
    await page.locator("#mint-kind-submit").click();
    await page.getByTestId("tx-done").waitFor({ timeout: 120_000 });
    expect(await shares()).toBe(before + 5n * 10n ** 17n);
  });

  test("a slippage refusal is a sentence saying what to do", async () => {
    const before = await shares();
    await page.getByTestId("mint-kind-shares").fill("0.2");
    await setSlippage(page, "0");
    await page.getByTestId("mint-kind-table").waitFor();
    // Interest accrues every block: a day later the same shares need a little more of each asset.
    await stack.admin.test.mine({ blocks: 100 });
    await page.locator("#mint-kind-submit").click();
    const error = page.getByTestId("tx-error");
    await error.waitFor({ timeout: 90_000 });
    expect(await error.textContent()).toMatch(
      /needs [\d.,]+ \w+ but at most [\d.,]+ \w+ was allowed\. Raise the slippage tolerance or retry\./,
    );
    await shot(page, "slippage-refusal");
    expect(await shares()).toBe(before);
    await setSlippage(page, "0.5");
  });

  test("replayed days move NAV and interest in the charts", async () => {
    await go(page, "/");
    const navBefore = await page.getByTestId("nav-summary").textContent();
    const interestBefore = await page.getByTestId("interest-summary").textContent();
    await stack.sweep();
    await stack.replay(5);
    await stack.catchUp();
    await go(page, "/");
    await expect
      .poll(() => page.getByTestId("nav-summary").textContent(), { timeout: 30_000 })
      .not.toBe(navBefore);
    const interestAfter = await page.getByTestId("interest-summary").textContent();
    const total = (s: string | null) => Number(/\$([\d,.]+) by/.exec(s ?? "")?.[1]?.replace(/,/g, "") ?? "0");
    expect(total(interestAfter)).toBeGreaterThan(total(interestBefore));
    expect(await page.getByTestId("nav-summary").textContent()).toMatch(/to \$[\d,.]+ on 2025-01-1\d/);
    await shot(page, "fund-after-replay");
  });

  test("a price shock is rebalanced in bounded steps: the fund page shows the episode and its steps against their bound", async () => {
    // BTC +40 % for a day (feeds and pools together): BTCB's weight leaves the ±5 % band.
    await stack.replay(1, (p) => ({ ...p, BTCB: p.BTCB * 1.4 }));
    const { rebalancer, fund, lens } = stack.deployment;
    const client = stack.admin.publicClient;
    const keeper = devClients(stack.anvil.rpcUrl, KEEPER_KEY_INDEX);
    // The fund's own least time between two steps of an episode, and the rebalancer's: the longer binds.
    const { episode } = await getRebalanceEpisode(client, { lens, fund });
    const { stepInterval } = await getRebalancerState(client, {
      rebalancer,
      caller: keeper.account.address,
    });
    const interval = Math.max(episode.minStepInterval, stepInterval);
    const step = () => write(keeper.wallet, { request: buildRebalance({ rebalancer }), fund });
    // Between two steps arbitrageurs bring the pools back to the oracle (a route's bound is its fee plus
    // 25 bps on the devnet, which a pool the last step moved would exceed).
    const arbitrage = async () => {
      const f = await getFund(client, { lens, fund });
      const { dex, tokens } = stack.deployment;
      for (const a of f.assets) {
        if (!(a.symbol in dex.pools)) continue;
        await movePool(
          stack.admin,
          { stack: { tokens }, pools: dex.pools, router: dex.router },
          a.symbol as PooledSymbol,
          Number(formatEther(a.price)),
        );
      }
    };

    // The first step starts an episode; the page says where it stands.
    await step();
    let steps = 1;
    expect(
      (await getRebalanceRule(client, { fund })).rebalancing,
      "one bounded step does not finish it",
    ).toBe(true);
    await stack.catchUp();
    await go(page, "/");
    await expect.poll(() => page.getByTestId("rebalance-state").textContent()).toBe("In progress");
    const words = page.getByTestId("rebalance-episode");
    await expect
      .poll(() => words.textContent())
      .toMatch(
        new RegExp(
          `in progress since [\\d-]+ [\\d:]+ UTC: 1 of at most ${episode.maxSteps} steps taken, \\$[\\d,.]+ of its \\$[\\d,.]+ loss budget \\([\\d.]+ %\\) lost so far\\.`,
        ),
      );
    const text = (await words.textContent()) ?? "";
    expect(text).toMatch(/Its deadline is [\d-]+ [\d:]+ UTC \(in \d+ h( \d+ min)?\); no step after it\./);
    expect(text).toMatch(/The next step may run at [\d-]+ [\d:]+ UTC \(in \d+ (s|min)\)\./);
    await shot(page, "fund-rebalance-in-progress");

    // The rest of the episode, each step after the interval the fund and the rebalancer require.
    for (; steps < episode.maxSteps; steps++) {
      if (!(await getRebalanceRule(client, { fund })).rebalancing) break;
      await stack.admin.test.increaseTime({ seconds: interval });
      await arbitrage();
      await step();
    }
    const after = await getRebalanceEpisode(client, { lens, fund });
    expect(after.open, "the episode ended").toBe(false);
    expect(after.episode.steps).toBe(steps);
    expect(after.episode.lost).toBeLessThanOrEqual(after.episode.lossBudget);
    await stack.catchUp();
    await go(page, "/");
    await expect
      .poll(() => page.getByTestId("rebalance-steps").textContent(), { timeout: 30_000 })
      .toMatch(/keeper/);
    expect(await page.getByTestId("rebalance-state").textContent()).toBe("Not due");
    await expect
      .poll(() => words.textContent(), { timeout: 30_000 })
      .toMatch(
        new RegExp(
          `No rebalance episode is in progress\\. The last one, started [\\d-]+ [\\d:]+ UTC, ended on [\\d-]+ [\\d:]+ UTC: it completed: every weight came back near its target, after ${steps} steps? \\(of at most ${episode.maxSteps}\\), having lost \\$[\\d,.]+ of its \\$[\\d,.]+ loss budget`,
        ),
      );
    await expect
      .poll(() => page.getByTestId("weights-summary").textContent())
      .toMatch(/\d+ rebalance steps?, marked/);
    await shot(page, "fund-after-rebalance");
  });

  test("redeem to USDT", async () => {
    const before = await shares();
    const usdt = await balanceOf(stack.deployment.tokens.USDT, HOLDER);
    await page.getByRole("link", { name: "Redeem" }).click();
    await page.getByTestId("redeem-shares").fill("0.4");
    await page.getByTestId("redeem-quote").waitFor();
    await shot(page, "redeem-usdt");
    await page.locator("#redeem-stable-submit").click();
    await page.getByTestId("tx-done").waitFor({ timeout: 90_000 });
    expect(await shares()).toBe(before - 4n * 10n ** 17n);
    expect(await balanceOf(stack.deployment.tokens.USDT, HOLDER)).toBeGreaterThan(usdt);
  });

  test("redeem in kind while Venus's BTCB market refuses withdrawals: told first, paid in vBTCB", async () => {
    const { fund, venus } = stack.deployment;
    const owner = stack.admin.wallet;
    // No idle BTCB left in the fund (buffer 0, swept), and Venus's BTCB market paused for redeem.
    await write(owner, {
      request: buildCall({ address: fund, abi: blockEtfAbi, functionName: "setBuffer", args: [0n, 0] }),
      fund,
    });
    await stack.sweep();
    await write(owner, {
      request: buildCall({
        address: venus.comptroller,
        abi: venusArtifacts.diamondConsolidatedAbi,
        functionName: "_setActionsPaused",
        args: [[venus.vTokens.BTCB], [VenusAction.REDEEM], true],
      }),
    });
    await go(page, "/redeem");
    await page.getByRole("button", { name: "In kind (every asset)" }).click();
    await page.getByTestId("redeem-shares").fill("0.5");
    const notice = page.getByTestId("venus-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /BTCB: Venus has paused withdrawals from this market\..*[\d.,]+ vBTCB/,
    );
    await shot(page, "redeem-venus-paused");
    await page.locator("#redeem-kind-submit").click();
    await page.getByTestId("tx-done").waitFor({ timeout: 90_000 });
    expect(await balanceOf(venus.vTokens.BTCB, HOLDER)).toBeGreaterThan(0n);
    await go(page, "/");
    await expect.poll(() => page.getByTestId("asset-BTCB").textContent()).toMatch(/Withdrawals paused/);
    await page.getByTestId("nav-summary").waitFor();
    await shot(page, "fund-venus-paused");
  });

  test("activity and claim pages", async () => {
    await stack.catchUp();
    await go(page, "/activity");
    await expect
      .poll(() => page.getByTestId("activity-table").textContent(), { timeout: 30_000 })
      .toMatch(/through the router/);
    const feed = (await page.getByTestId("activity-table").textContent()) ?? "";
    expect(feed).toMatch(/A rebalance began with \$[\d,.]+ over its targets to sell: at most \d+ steps/);
    expect(feed).toMatch(/The rebalance completed: every weight came back near its target after \d+ steps?/);
    expect(feed).toMatch(
      /Venus could not pay BTCB \(withdrawals paused\) to 0x976e…0aa9: they received [\d.,]+ vBTCB/i,
    );
    await shot(page, "activity");
    await go(page, "/claim");
    await page.getByRole("heading", { name: "Claim" }).waitFor();
    await shot(page, "claim");
  });

  test("a phone-sized screen: no sideways scrolling, every page readable", async () => {
    const phone = await stack.browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    for (const path of ["/", "/mint", "/redeem", "/portfolio", "/activity"]) {
      await phone.goto(`${stack.web.url}${path}`);
      await phone.locator("main h1").first().waitFor();
      // The page's own content, not its loading state, is what must fit (and what the shot shows).
      await expect.poll(() => phone.locator("main output.loading").count(), { timeout: 30_000 }).toBe(0);
      await phone.waitForTimeout(500);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
      await shot(phone, `phone${path === "/" ? "-fund" : path.replace("/", "-")}`);
    }
    await phone.close();
  });

  test("accessibility: axe-core finds no WCAG 2 A/AA violation on any page", async () => {
    const found: string[] = [];
    for (const path of ["/", "/mint", "/redeem", "/portfolio", "/activity", "/claim"]) {
      await go(page, path);
      await page.locator("main h1").first().waitFor();
      await page.waitForTimeout(1_000);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      found.push(...violations.map((v) => `${path} ${v}`));
    }
    expect(found).toEqual([]);
  });
});
