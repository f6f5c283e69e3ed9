import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserPageFetcher } from '../../src/crawl/browser/browser-page-fetcher.js';
import type { FetchedPageWithArtifacts } from '../../src/crawl/browser/screenshot.js';
import { type CrawlEnvironment, createCrawlEnvironment } from '../../src/crawl/index.js';
import type { CrawlOptions } from '../../src/crawl/types.js';
import { extractPage } from '../../src/extract/index.js';
import { writeReport } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { FixtureSite, page } from '../crawl/fixture-server.js';
import { testOptions } from '../crawl/options.js';
import { makeOutcome, makeRun } from '../report/fixtures.js';

const HOME = page(`
  <header><h1>Fixture Shop</h1><a href="/contact">Contact</a></header>
  <main><div style="height:1600px;background:#e8f0fe">Lots of products</div></main>
  <footer><p>Bel ons: <a href="tel:+31201234567">020 123 4567</a></p><p>Mail: info@fixture-shop.nl</p></footer>`);

let env: CrawlEnvironment;
let site: FixtureSite;
let dir: string;
beforeAll(async () => {
  env = createCrawlEnvironment();
  site = await new FixtureSite({ '/': HOME, '/plain': page('<p>No contact details here.</p>') }).start();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-capture-'));
});
afterAll(async () => {
  await site.stop();
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

async function fetchAll(options: CrawlOptions, paths: string[]): Promise<FetchedPageWithArtifacts[]> {
  const fetcher = await createBrowserPageFetcher(await env.browser(), options, env.scheduler, () => 0, {
    onWedged: () => {},
  });
  try {
    const signal = new AbortController().signal;
    const pages: FetchedPageWithArtifacts[] = [];
    for (const path of paths) pages.push(await fetcher.fetch(site.url(path), signal));
    return pages;
  } finally {
    await fetcher.close();
  }
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('evidence capture in browser mode', () => {
  it('stores a content-addressed screenshot and page snapshot, boxes the footer phone, and the report crops it', async () => {
    const artifactsDir = join(dir, 'shop.sqlite.artifacts');
    const [home, plain] = await fetchAll(
      testOptions({ mode: 'browser', pageTimeoutMs: 5_000, artifactsDir, screenshots: true }),
      ['/', '/plain'],
    );

    // The screenshot: its bytes hash to the recorded SHA-256, which is also its file name.
    expect(home.screenshotPath).toBeDefined();
    const bytes = readFileSync(home.screenshotPath as string);
    expect(sha256(bytes)).toBe(home.screenshotSha256);
    expect(basename(home.screenshotPath as string)).toBe(`${home.screenshotSha256}.jpg`);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(Date.parse(home.screenshotCapturedAt as string)).toBeGreaterThan(Date.now() - 120_000);
    // The page snapshot: gzipped under the hash the crawl records as contentHash.
    const snapshotFile = join(artifactsDir, `${sha256(home.html)}.html.gz`);
    expect(gunzipSync(readFileSync(snapshotFile)).toString('utf8')).toBe(home.html);
    // A page without contact candidates that is not the home page: snapshot, no screenshot.
    expect(plain.screenshotPath).toBeUndefined();
    expect(existsSync(join(artifactsDir, `${sha256(plain.html)}.html.gz`))).toBe(true);

    // Extraction reads the box of the footer phone: below the 1600 px block, inside the screenshot.
    const observed = extractPage(
      { url: home.requestedUrl, finalUrl: home.finalUrl, html: home.html, fetchedWith: 'browser' },
      { country: 'NL' },
    );
    const phone = observed.sightings.find((s) => s.kind === 'phone' && s.value === '+31201234567');
    expect(phone?.box).toBeDefined();
    const box = phone?.box as NonNullable<typeof phone>['box'] & object;
    expect(box.y).toBeGreaterThan(1600);
    expect(box.w).toBeGreaterThan(20);
    const email = observed.sightings.find((s) => s.kind === 'email');
    expect(email?.box).toBeDefined();

    // The report: one crop per boxed sighting, with the screenshot's hash and time.
    const store = openStore(':memory:');
    try {
      const runId = store.createRun(makeRun('capture'));
      const shop = makeOutcome({ key: 'https://capture.example', name: 'Capture Shop' });
      const contactPage = shop.evidence.pages[1];
      contactPage.screenshotPath = home.screenshotPath;
      contactPage.screenshotSha256 = home.screenshotSha256;
      contactPage.screenshotCapturedAt = home.screenshotCapturedAt;
      shop.evidence.sightings[0].box = box;
      store.saveShop(runId, shop);
      const { files } = writeReport(store, runId, { lang: 'en', outDir: join(dir, 'report') });
      const html = readFileSync(files.find((f) => f.includes('capture.example')) as string, 'utf8');
      expect(html).toContain('class="crop shot-p2"');
      expect(html).toContain(
        `<code>${home.screenshotSha256}</code> · Captured at ${home.screenshotCapturedAt}`,
      );
      expect(html).toContain('matches the SHA-256 recorded at capture time');
    } finally {
      store.close();
    }
  }, 60_000);

  it('takes no screenshot with screenshots off, and writes nothing without an artifacts folder', async () => {
    const artifactsDir = join(dir, 'off.artifacts');
    const [off] = await fetchAll(
      testOptions({ mode: 'browser', pageTimeoutMs: 5_000, artifactsDir, screenshots: false }),
      ['/'],
    );
    expect(off.screenshotPath).toBeUndefined();
    expect(existsSync(join(artifactsDir, `${sha256(off.html)}.html.gz`))).toBe(true);
    const [none] = await fetchAll(testOptions({ mode: 'browser', pageTimeoutMs: 5_000 }), ['/']);
    expect(none.screenshotPath).toBeUndefined();
    expect(none.html).toContain('data-sr-box=');
  }, 60_000);
});
