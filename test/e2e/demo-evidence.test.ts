import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { launchBrowser } from '../../src/crawl/browser/browser-launch.js';
import { safeFileName } from '../../src/report/file-names.js';
import { openStore } from '../../src/store/index.js';
import type { StoredShop } from '../../src/store/types.js';
import { lumaSpread } from '../evidence-capture/crop-pixels.js';
import { runCli } from './run-cli.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let db: string;
let out: string;
let shops: StoredShop[];
let browser: Browser;
let blank: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-demo-evidence-'));
  db = join(dir, 'demo.sqlite');
  out = join(dir, 'report');
  // `npm run demo` runs the demo in its default mode, auto: static first, the browser where needed.
  const result = await runCli(['demo', '--db', db, '--out', out], { timeoutMs: 240_000 });
  expect(result.code, result.stderr).toBe(0);
  const store = openStore(db);
  try {
    shops = store.shops(store.latestRun()?.id as number);
  } finally {
    store.close();
  }
  ({ browser } = await launchBrowser());
  blank = await browser.newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const rated = () => shops.filter((shop) => shop.status === 'ok' || shop.status === 'partial');
const shopPageOf = (shop: StoredShop) => readFileSync(join(out, 'shops', safeFileName(shop.key)), 'utf8');

/** Each crop of a shop page: its screenshot's bytes and the outlined text's rectangle in that screenshot. */
function cropsOf(
  page: string,
): Array<{ image: Buffer; rect: { x: number; y: number; w: number; h: number } }> {
  const images = new Map<string, Buffer>();
  for (const m of page.matchAll(/\.shot-(p\d+)\{background-image:url\("data:image\/\w+;base64,([^"]+)"\)\}/g))
    images.set(m[1], Buffer.from(m[2], 'base64'));
  const crops = [];
  const crop =
    /class="crop shot-(p\d+)" style="width:(\d+)px;height:(\d+)px;background-position:-(\d+)px -(\d+)px"[^>]*><div class="mark" style="left:(-?\d+)px;top:(-?\d+)px;width:(\d+)px;height:(\d+)px"/g;
  for (const m of page.matchAll(crop)) {
    const [, id, , , left, top, x, y, w, h] = m;
    crops.push({
      image: images.get(id) as Buffer,
      rect: { x: Number(left) + Number(x), y: Number(top) + Number(y), w: Number(w), h: Number(h) },
    });
  }
  return crops;
}

describe('the demo report as evidence', () => {
  it('shows at least one screenshot on every rated shop page, static shops included', () => {
    expect(rated().length).toBeGreaterThanOrEqual(7);
    expect(rated().some((shop) => shop.evidence.crawl.modesUsed.join() === 'static')).toBe(true);
    for (const shop of rated()) {
      const page = shopPageOf(shop);
      expect(page.match(/class="shot-full shot-p\d+"/g)?.length ?? 0, shop.key).toBeGreaterThanOrEqual(1);
      expect(shop.evidence.pages[0].screenshotSha256, shop.key).toBeTruthy();
    }
  });

  it('crops no blank band: inside every outlined text the pixels are not all one colour', async () => {
    let checked = 0;
    for (const shop of rated()) {
      for (const { image, rect } of cropsOf(shopPageOf(shop))) {
        expect(image, shop.key).toBeDefined();
        expect(await lumaSpread(blank, image, rect), `${shop.key} ${JSON.stringify(rect)}`).toBeGreaterThan(
          48,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('links every page row to its snapshot, copied beside the report and matching its SHA-256', () => {
    for (const shop of rated()) {
      const page = shopPageOf(shop);
      for (const evidencePage of shop.evidence.pages) {
        const row = page.split(`<tr id="page-${evidencePage.id}">`)[1]?.split('</tr>')[0] ?? '';
        const href = `../snapshots/${evidencePage.contentHash}.html.gz`;
        expect(row, `${shop.key} ${evidencePage.id}`).toContain(`<a href="${href}" download`);
        const copy = join(out, 'snapshots', `${evidencePage.contentHash}.html.gz`);
        expect(sha256(gunzipSync(readFileSync(copy))), `${shop.key} ${evidencePage.id}`).toBe(
          evidencePage.contentHash,
        );
      }
    }
  });

  it('exports the run as a WARC file in which a WARC reader finds every fetched page, dated and hashed', async () => {
    const warc = join(dir, 'demo.warc.gz');
    const refused = await runCli(['export', '--db', db, '--format', 'warc']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--out');
    const result = await runCli(['export', '--db', db, '--format', 'warc', '--out', warc]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('left out');
    expect(existsSync(`${warc}.partial`)).toBe(false);

    const found = new Map<string, { date: string; digest: string; contentSha: string }>();
    let screenshots = 0;
    for await (const record of new WARCParser([readFileSync(warc)])) {
      const content = await record.readFully();
      if (record.warcType !== 'resource') continue;
      if (record.warcTargetURI?.startsWith('urn:screenshot:')) {
        screenshots++;
        continue;
      }
      found.set(`${record.warcHeader('Shopreach-Shop')} ${record.warcHeader('Shopreach-Page')}`, {
        date: record.warcDate as string,
        digest: record.warcPayloadDigest as string,
        contentSha: sha256(content),
      });
    }
    let pages = 0;
    for (const shop of shops) {
      for (const page of shop.evidence.pages) {
        expect(found.get(`${shop.key} ${page.id}`), `${shop.key} ${page.id}`).toEqual({
          date: page.fetchedAt,
          digest: `sha256:${page.contentHash}`,
          contentSha: page.contentHash,
        });
        pages++;
      }
    }
    expect(found.size).toBe(pages);
    expect(screenshots).toBe(shops.flatMap((s) => s.evidence.pages).filter((p) => p.screenshotPath).length);
  }, 60_000);
});
