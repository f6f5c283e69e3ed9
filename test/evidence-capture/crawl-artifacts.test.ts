import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlEnvironment, crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import { extractPage } from '../../src/extract/index.js';
import { FixtureSite, page } from '../crawl/fixture-server.js';
import { target, testOptions } from '../crawl/options.js';
import { lumaSpread } from './crop-pixels.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

// The button goes away and the number appears well below it, where the page was blank before.
const REVEAL_HOME = page(`<main><p>Klantenservice</p>
  <button onclick="this.style.display='none';document.getElementById('n').textContent='020 765 4321'">Toon telefoonnummer</button>
  <div style="height:300px"></div><p id="n" style="font-size:28px;min-height:40px"></p></main>`);

let env: CrawlEnvironment;
let site: FixtureSite;
let revealSite: FixtureSite;
let dir: string;
let blank: Page;
beforeAll(async () => {
  env = createCrawlEnvironment();
  site = await new FixtureSite({
    '/': page('<header><a href="/contact">Contact</a></header><main><p>Welkom</p></main>'),
    '/contact': page('<main><p>Bel 020 794 5632 of mail info@winkel.example</p></main>'),
  }).start();
  revealSite = await new FixtureSite({ '/': REVEAL_HOME }).start();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-artifacts-'));
  blank = await (await env.browser()).newPage();
});
afterAll(async () => {
  await blank?.close();
  await site.stop();
  await revealSite.stop();
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('evidence artifacts of a whole crawl', () => {
  it('static mode keeps every page as <sha256>.html.gz, the SHA-256 being the evidence contentHash', async () => {
    const artifactsDir = join(dir, 'static');
    const result = await crawlShop(target(site.url('/')), testOptions({ mode: 'static', artifactsDir }), env);
    expect(result.status).toBe('ok');
    expect(result.pages.length).toBeGreaterThanOrEqual(2);
    for (const snapshot of result.pages) {
      const file = join(artifactsDir, `${snapshot.contentHash}.html.gz`);
      expect(existsSync(file), snapshot.url).toBe(true);
      const html = gunzipSync(readFileSync(file)).toString('utf8');
      expect(html).toBe(snapshot.html);
      expect(sha256(html)).toBe(snapshot.contentHash);
    }
  });

  it('browser mode records a screenshot whose bytes match its recorded SHA-256 on the page with contact details', async () => {
    const artifactsDir = join(dir, 'browser');
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ mode: 'browser', artifactsDir, screenshots: true }),
      env,
    );
    expect(result.status).toBe('ok');
    const contact = result.pages.find((p) => p.finalUrl.endsWith('/contact') && p.viewport !== 'mobile');
    expect(contact?.screenshotPath).toBeTruthy();
    expect(contact?.screenshotCapturedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(sha256(readFileSync(contact!.screenshotPath!))).toBe(contact!.screenshotSha256);
    expect(existsSync(join(artifactsDir, `${contact!.contentHash}.html.gz`))).toBe(true);
  });

  it('shoots a revealed number after the click: its crop shows the number, where the first view was blank', async () => {
    const artifactsDir = join(dir, 'reveal');
    const result = await crawlShop(
      target(revealSite.url('/')),
      testOptions({ mode: 'browser', artifactsDir, screenshots: true, mobilePass: false }),
      env,
    );
    const [first, revealed] = result.pages;
    expect(revealed?.afterInteraction).toBe('clicked "Toon telefoonnummer"');
    expect(first.screenshotSha256).toBeTruthy();
    expect(revealed.screenshotSha256).toBeTruthy();
    expect(revealed.screenshotSha256).not.toBe(first.screenshotSha256);
    expect(sha256(readFileSync(revealed.screenshotPath!))).toBe(revealed.screenshotSha256);
    // The revealed page's HTML is kept too, under its own hash.
    expect(existsSync(join(artifactsDir, `${revealed.contentHash}.html.gz`))).toBe(true);

    const phone = extractPage(
      { url: revealed.url, finalUrl: revealed.finalUrl, html: revealed.html, fetchedWith: 'browser' },
      { country: 'NL' },
    ).sightings.find((s) => s.kind === 'phone');
    expect(phone?.box).toBeDefined();
    const box = phone!.box!;
    expect(await lumaSpread(blank, readFileSync(revealed.screenshotPath!), box)).toBeGreaterThan(64);
    // Where the number is after the click, the first view shows nothing: the crop of old.
    expect(await lumaSpread(blank, readFileSync(first.screenshotPath!), box)).toBeLessThan(16);
  }, 60_000);
});
