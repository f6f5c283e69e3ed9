import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/crawl/browser-launch.js';
import { buildCheckView } from '../../src/report/check-view.js';
import { ownShopPage } from '../../src/report/html/own-shop-page.js';
import { toShopResult } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { HOSTILE, makeRun, RULE_SET, sampleShops } from '../report/fixtures.js';
import { type ServedOwnShops, serveOwnShops } from './own-shops.js';
import { runCli } from './run-cli.js';

const AXE_PATH = join(process.cwd(), 'node_modules/axe-core/axe.min.js');
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
];

let shops: ServedOwnShops;
let browser: Browser;
let dir: string;
const pages: Array<{ name: string; path: string }> = [];

beforeAll(async () => {
  shops = await serveOwnShops();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-check-html-'));
  // A real check in browser mode: evidence crops from real screenshots.
  const result = await runCli(
    [
      'check',
      shops.url('premium-noreply'),
      '--allow-private-hosts',
      '--mode',
      'browser',
      '--country',
      'NL',
      '--output',
      'html',
      '--output-path',
      dir,
    ],
    { timeoutMs: 180_000 },
  );
  expect(result.code, result.stderr).toBe(0);
  pages.push({ name: 'checked shop', path: join(dir, 'shopreach.html') });
  // Hostile text in every field a page shows, and a shop that could not be judged.
  const store = openStore(':memory:');
  const runId = store.createRun(makeRun('hostile'));
  for (const shop of sampleShops()) store.saveShop(runId, shop);
  const run = store.getRun(runId)!;
  for (const key of ['https://evil.example', 'https://down.example']) {
    const view = buildCheckView(toShopResult(store.shop(runId, key)!, run), RULE_SET, {
      advice: { 'contact-within-two-clicks': [`${HOSTILE} on /contact`] },
      adviceEvidence: {},
      findable: { phone: null, email: null },
    });
    const path = join(dir, `${key.replace(/\W+/g, '-')}.html`);
    writeFileSync(path, ownShopPage({ view }));
    pages.push({ name: key, path });
  }
  store.close();
  ({ browser } = await launchBrowser());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shops?.close();
});

describe('the one-shop HTML of check in Chromium', () => {
  for (const viewport of VIEWPORTS) {
    it(`stands alone, shows hostile text as text, and has no axe violation at ${viewport.name} width`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        bypassCSP: true,
      });
      try {
        for (const { name, path } of pages) {
          const page = await context.newPage();
          const requests: string[] = [];
          page.on('request', (req) => {
            if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) requests.push(req.url());
          });
          await page.goto(pathToFileURL(path).href);
          expect(await page.locator('h1').count(), name).toBe(1);
          // No links to a ranking or methodology that is not there.
          expect(await page.locator('a[href$="index.html"], a[href$="methodology.html"]').count(), name).toBe(
            0,
          );
          const injected = await page.evaluate(() => ({
            scripts: document.querySelectorAll('script').length,
            onerror: document.querySelectorAll('[onerror]').length,
          }));
          expect(injected, name).toEqual({ scripts: 0, onerror: 0 });
          if (name === 'https://evil.example')
            expect(await page.locator('main').innerText()).toContain(HOSTILE);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${name} overflows by ${overflow}px`).toBeLessThanOrEqual(1);

          await page.addScriptTag({ path: AXE_PATH });
          const violations = (await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: {
                  run: (ctx: Document) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
                };
              }
            ).axe;
            return (await axe.run(document)).violations.map((v) => `${v.id} (${v.nodes.length})`);
          })) as string[];
          expect(violations, name).toEqual([]);
          expect(requests, name).toEqual([]);
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  }

  it('shows the failures with their advice and a screenshot crop of the evidence', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(pages[0].path).href);
      await expect.poll(() => page.locator('#failures').textContent()).toContain('4 failures');
      const failure = page.locator('#rule-phone-not-premium-rate');
      await expect.poll(() => failure.textContent()).toContain('0900 123 4567 on /, /contact');
      expect(await failure.locator('figure.evidence').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});
