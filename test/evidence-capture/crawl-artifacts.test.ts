import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlEnvironment, crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import { FixtureSite, page } from '../crawl/fixture-server.js';
import { target, testOptions } from '../crawl/options.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

let env: CrawlEnvironment;
let site: FixtureSite;
let dir: string;
beforeAll(async () => {
  env = createCrawlEnvironment();
  site = await new FixtureSite({
    '/': page('<header><a href="/contact">Contact</a></header><main><p>Welkom</p></main>'),
    '/contact': page('<main><p>Bel 020 794 5632 of mail info@winkel.example</p></main>'),
  }).start();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-artifacts-'));
});
afterAll(async () => {
  await site.stop();
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
});
