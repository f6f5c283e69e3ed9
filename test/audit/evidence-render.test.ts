import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MISSING } from '../../src/audit/evidence-render.js';
import { type ObserveOptions, observeShop } from '../../src/audit/observe-shop.js';
import { BrowserNotFoundError } from '../../src/crawl/browser/browser-launch.js';
import { type CrawlEnvironment, createCrawlEnvironment } from '../../src/crawl/index.js';
import type { CrawlOptions } from '../../src/crawl/types.js';
import { FixtureSite, page } from '../crawl/fixture-server.js';
import { target, testOptions } from '../crawl/options.js';
import { lumaSpread } from '../evidence-capture/crop-pixels.js';
import { SHIPPED_READABLE } from '../shipped-readable.js';

// A number and an address in full-width paragraphs, far from the left edge: a crop of the block
// would show empty paper. The /over-ons page holds no contact detail and wants no screenshot.
const SITE = {
  '/robots.txt': 'User-agent: *\nAllow: /\n',
  '/': page(
    '<header><a href="/contact">Contact</a> <a href="/over-ons">Over ons</a></header><main><h1>Winkel</h1></main>',
  ),
  '/contact': page(`<main><div style="height:900px">Klantenservice</div>
    <p style="text-align:center">Bel ons op 020 123 4567 (ma–vr)</p>
    <p style="text-align:right">Mail: service@winkel.nl</p></main>`),
  '/over-ons': page('<main><p>Sinds 1998.</p></main>'),
};

// A home page that is a wall of 6,000 phone-like numbers (over the candidate-numbers cap) and links
// a plain contact page.
const WALL = Array.from({ length: 6_000 }, (_, i) => `020 ${100 + (i % 900)} ${String(i).padStart(4, '0')}`);
const AMPLIFIER_SITE = {
  '/robots.txt': 'User-agent: *\nAllow: /\n',
  '/': page(`<header><a href="/contact">Contact</a></header><main><p>${WALL.join(' ')}</p></main>`),
  '/contact': page('<main><p>Mail: service@winkel.nl</p></main>'),
};

let env: CrawlEnvironment;
let site: FixtureSite;
let dir: string;
let blank: Page;
beforeAll(async () => {
  env = createCrawlEnvironment();
  site = await new FixtureSite(SITE).start();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-evidence-render-'));
  blank = await (await env.browser()).newPage();
});
afterAll(async () => {
  await blank?.close();
  await site.stop();
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

function observeOptions(mode: ObserveOptions['mode'], crawl: Partial<CrawlOptions>): ObserveOptions {
  const { mode: _mode, ...options } = testOptions({ maxPages: 5, mobilePass: false, ...crawl });
  return { mode, crawl: options, country: 'NL', readable: SHIPPED_READABLE };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pathOf = (url: string) => new URL(url).pathname;

/** An environment whose browser cannot be found, as on a machine with none installed. */
function browserlessEnv(): CrawlEnvironment {
  const real = createCrawlEnvironment();
  return Object.assign(Object.create(real), {
    browser: () => Promise.reject(new BrowserNotFoundError()),
    close: () => real.close(),
  }) as CrawlEnvironment;
}

describe('the evidence render after a static crawl', () => {
  it('shoots the home page and each page with a phone or e-mail, and boxes the text in that shot', async () => {
    const artifactsDir = join(dir, 'static.artifacts');
    const evidence = await observeShop(
      target(site.url('/')),
      observeOptions('static', { artifactsDir, screenshots: true }),
      env,
    );
    expect(evidence.crawl.status).toBe('ok');
    expect(evidence.crawl.modesUsed).toEqual(['static']);
    const byPath = new Map(evidence.pages.map((p) => [pathOf(p.finalUrl), p]));
    for (const path of ['/', '/contact']) {
      const shot = byPath.get(path);
      expect(shot?.fetchedWith, path).toBe('static');
      expect(shot?.screenshotRender, path).toBe('after-crawl');
      expect(sha256(readFileSync(shot?.screenshotPath as string)), path).toBe(shot?.screenshotSha256);
      expect(Date.parse(shot?.screenshotCapturedAt as string)).toBeGreaterThanOrEqual(
        Date.parse(shot?.fetchedAt as string),
      );
    }
    const about = byPath.get('/over-ons');
    expect(about?.screenshotPath).toBeUndefined();
    expect(about?.screenshotMissing).toBeUndefined();

    const contact = byPath.get('/contact');
    const image = readFileSync(contact?.screenshotPath as string);
    const shown = evidence.sightings.filter((s) => s.pageId === contact?.id);
    expect(shown.map((s) => s.value).sort()).toEqual(['+31201234567', 'service@winkel.nl']);
    for (const sighting of shown) {
      const box = sighting.box;
      expect(box, sighting.value).toBeDefined();
      // The text's own box: narrow, below the 900 px block, where the text stands.
      expect(box?.w, sighting.value).toBeLessThan(260);
      expect(box?.y, sighting.value).toBeGreaterThan(900);
      expect(await lumaSpread(blank, image, box as NonNullable<typeof box>), sighting.value).toBeGreaterThan(
        64,
      );
    }
  }, 60_000);

  it('records why there is no screenshot when no browser can be found, and rates the shop all the same', async () => {
    const noBrowser = browserlessEnv();
    try {
      const evidence = await observeShop(
        target(site.url('/')),
        observeOptions('static', { artifactsDir: join(dir, 'none.artifacts'), screenshots: true }),
        noBrowser,
      );
      expect(evidence.crawl.status).toBe('ok');
      const missing = Object.fromEntries(
        evidence.pages.map((p) => [pathOf(p.finalUrl), p.screenshotMissing]),
      );
      expect(missing).toEqual({
        '/': MISSING.noBrowser,
        '/contact': MISSING.noBrowser,
        '/over-ons': undefined,
      });
      expect(evidence.pages.every((p) => p.screenshotPath === undefined)).toBe(true);
    } finally {
      await noBrowser.close();
    }
  }, 60_000);

  it('renders nothing with --no-screenshots, and says so; without an artifacts folder it records nothing', async () => {
    const launches = env.browserLaunches();
    const off = await observeShop(
      target(site.url('/')),
      observeOptions('static', { artifactsDir: join(dir, 'off.artifacts'), screenshots: false }),
      env,
    );
    expect(off.pages.find((p) => pathOf(p.finalUrl) === '/')?.screenshotMissing).toEqual(MISSING.off);
    const bare = await observeShop(target(site.url('/')), observeOptions('static', {}), env);
    expect(bare.pages.some((p) => p.screenshotMissing || p.screenshotPath)).toBe(false);
    expect(env.browserLaunches()).toBe(launches);
  }, 60_000);

  it('does not render again a page that hit the candidate-numbers cap, and says which cap', async () => {
    const wall = await new FixtureSite(AMPLIFIER_SITE).start();
    try {
      const evidence = await observeShop(
        target(wall.url('/')),
        observeOptions('static', { artifactsDir: join(dir, 'wall.artifacts'), screenshots: true }),
        env,
      );
      const byPath = new Map(evidence.pages.map((p) => [pathOf(p.finalUrl), p]));
      const home = byPath.get('/');
      expect(home?.screenshotPath).toBeUndefined();
      expect(home?.screenshotMissing?.code).toBe('over-limit');
      expect(home?.screenshotMissing?.detail).toMatch(/^candidate-numbers \d+\/\d+/);
      // The cap is the page's own: the contact page beside it is still shot.
      expect(byPath.get('/contact')?.screenshotRender).toBe('after-crawl');
    } finally {
      await wall.stop();
    }
  }, 60_000);
});
