import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/crawl/browser/browser-launch.js';
import { writeReport } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { ROOT, runCli } from '../e2e/run-cli.js';
import { storeMarketRun } from './market-run.js';
import { brokenWords, seriousAxeViolations } from './page-checks.js';

/** The methodology must fit a printed appendix: the 41,000 px page of every rule per profile is gone. */
const MAX_METHODOLOGY_HEIGHT = 8_000;

let dir: string;
let browser: Browser;
/** The report of `shopreach demo`, and one of a five-market run judged by the shipped profiles. */
const reports: Record<'demo' | 'markets', string> = { demo: '', markets: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-publication-browser-'));
  reports.demo = join(dir, 'demo');
  const demo = await runCli(
    ['demo', '--mode', 'static', '--db', join(dir, 'demo.sqlite'), '--out', reports.demo],
    {
      timeoutMs: 150_000,
    },
  );
  expect(demo.code, demo.stderr).toBe(0);
  reports.markets = join(dir, 'markets');
  const store = openStore(':memory:');
  writeReport(store, storeMarketRun(store).runId, { lang: 'en', outDir: reports.markets });
  store.close();
  ({ browser } = await launchBrowser());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Absolute paths of the machine that wrote the report, in any common form. */
function absolutePaths(text: string): string[] {
  const named = [dir, ROOT, homedir(), tmpdir()].filter((p) => p.length > 1 && text.includes(p));
  const shaped = [
    ...text.matchAll(/(?:^|[\s"'(>=])((?:\/(?:home|tmp|usr|var|Users|root|work|mnt)\/|[A-Z]:\\)[^\s"'<]*)/g),
  ].map((m) => m[1]);
  return [...named, ...shaped];
}

describe.each(['demo', 'markets'] as const)('the %s report as a publication', (name) => {
  it('has a methodology under 8,000 px at 1280 px wide that names no local path', async () => {
    const file = join(reports[name], 'methodology.html');
    expect(absolutePaths(readFileSync(file, 'utf8'))).toEqual([]);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(pathToFileURL(file).href);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(MAX_METHODOLOGY_HEIGHT);
      expect(await page.locator('section[aria-labelledby="dispute"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('keeps every word of the ranking whole at 375 px, and every new page passes axe', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, bypassCSP: true });
    try {
      for (const file of ['index.html', 'methodology.html', 'review.html']) {
        const page = await context.newPage();
        await page.goto(pathToFileURL(join(reports[name], file)).href);
        if (file === 'index.html') {
          expect(await page.locator('table.ranking tbody tr').count()).toBeGreaterThan(3);
          expect(await brokenWords(page, 'table.ranking th, table.ranking td')).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, 'only the table region scrolls sideways').toBeLessThanOrEqual(1);
        }
        expect(await seriousAxeViolations(page), `${name} ${file}`).toEqual([]);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });
});
