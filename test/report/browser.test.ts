import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/crawl/browser/browser-launch.js';
import { writeReport } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { HOSTILE, makeRun, sampleShops } from './fixtures.js';
import { brokenWords, seriousAxeViolations } from './page-checks.js';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
];

let dir: string;
let browser: Browser;
let pages: { name: string; path: string }[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-report-browser-'));
  const store = openStore(':memory:');
  const runId = store.createRun(makeRun('browser-2026'));
  const shops = sampleShops();
  // Evidence gaps and snapshot links are part of the page under test.
  shops[1].evidence.pages[0].screenshotMissing = { code: 'render-failed', detail: HOSTILE };
  for (const s of shops) store.saveShop(runId, s);
  const earlier = store.createRun(makeRun('browser-2025'));
  for (const s of sampleShops().slice(1)) store.saveShop(earlier, s);
  const artifactsDir = join(dir, 'artifacts');
  mkdirSync(artifactsDir);
  writeFileSync(join(artifactsDir, `${'b'.repeat(64)}.html.gz`), gzipSync(`<p>${HOSTILE}</p>`));
  const { indexPath, files } = writeReport(store, runId, {
    lang: 'en',
    outDir: join(dir, 'report'),
    compareRunId: earlier,
    artifactsDir,
  });
  store.close();
  pages = [
    { name: 'index', path: indexPath },
    { name: 'hostile shop', path: files.find((f) => f.includes('evil.example')) as string },
    { name: 'unrated shop', path: files.find((f) => f.includes('down.example')) as string },
    { name: 'methodology', path: join(dir, 'report', 'methodology.html') },
    { name: 'comparison', path: join(dir, 'report', 'comparison.html') },
    { name: 'review worklist', path: join(dir, 'report', 'review.html') },
    { name: 'ranking by name', path: join(dir, 'report', 'ranking', 'by-name.html') },
  ];
  ({ browser } = await launchBrowser());
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openReportPage(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith('file:') && !req.url().startsWith('data:'))
      problems.push(`network: ${req.url()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(path).href);
  return problems;
}

describe('the HTML report in Chromium', () => {
  for (const viewport of VIEWPORTS) {
    it(`opens cleanly, shows hostile text as text, and passes axe at ${viewport.name} width`, async () => {
      // The report's own CSP forbids every script; axe is the test's, so the context bypasses it.
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        bypassCSP: true,
      });
      try {
        for (const { name, path } of pages) {
          const page = await context.newPage();
          const problems = await openReportPage(page, path);
          expect(await page.locator('h1').count(), name).toBe(1);

          // No element was injected by the hostile name, group or raw sighting text.
          const injected = await page.evaluate(() => ({
            scripts: document.querySelectorAll('script').length,
            images: [...document.querySelectorAll('img')].filter((i) => !i.src.startsWith('data:')).length,
            onerror: document.querySelectorAll('[onerror]').length,
          }));
          expect(injected, name).toEqual({ scripts: 0, images: 0, onerror: 0 });
          if (name === 'hostile shop') {
            // Snapshots are hostile pages: linked for download only, never opened inline.
            expect(await page.locator('a[href$=".html.gz"][download]').count(), name).toBeGreaterThan(0);
            expect(await page.locator('a[href$=".html.gz"]:not([download])').count(), name).toBe(0);
          }
          if (name === 'index' || name === 'hostile shop') {
            const bodyText = await page.locator('main').innerText();
            expect(bodyText, name).toContain(HOSTILE);
          }

          // Nothing wider than the viewport except inside the scrollable table regions.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${name} overflows by ${overflow}px`).toBeLessThanOrEqual(1);

          expect(await seriousAxeViolations(page), name).toEqual([]);
          if (name === 'index' || name === 'ranking by name') {
            expect(await brokenWords(page, 'table.ranking th, table.ranking td'), name).toEqual([]);
          }
          expect(problems, name).toEqual([]);
          await page.close();
        }
      } finally {
        await context.close();
      }
    });
  }

  it('links the index to each shop page and back', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(pages[0].path).href);
      await page.getByRole('link', { name: 'Good Shop' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Good Shop');
      await page.getByRole('link', { name: 'Back to the ranking' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toContain('browser-2026');
    } finally {
      await page.close();
    }
  });
});
