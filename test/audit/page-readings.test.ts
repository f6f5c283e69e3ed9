import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inThreadPool } from '../../src/audit/extract-pool.js';
import { PageReadings } from '../../src/audit/page-readings.js';
import { type CrawlEnvironment, crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import type { PageSnapshot } from '../../src/crawl/types.js';
import { FixtureSite, page } from '../crawl/fixture-server.js';
import { target, testOptions } from '../crawl/options.js';
import { SHIPPED_READABLE } from '../shipped-readable.js';

const ROUTES: Record<string, string> = {
  '/': page('<header><a href="/klantenservice">Klantenservice</a> <a href="/over-ons">Over ons</a></header>'),
  '/klantenservice': page(
    '<main><h1>Vragen?</h1><p>Bel 020 123 4567 — wij helpen graag</p><a href="/over-ons">Over ons</a></main>',
  ),
  '/over-ons': page('<main><h1>Wie wij zijn</h1></main>'),
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let env: CrawlEnvironment;
let site: FixtureSite;
beforeAll(async () => {
  env = createCrawlEnvironment();
  site = await new FixtureSite(ROUTES).start();
});
afterAll(async () => {
  await site.stop();
  await env.close();
});

describe('reading pages while the crawl goes on', () => {
  it('extracts each page as it arrives, and the crawl drops the static HTML it no longer needs', async () => {
    const readings = new PageReadings(inThreadPool(), target(site.url('/')), 'NL', false, SHIPPED_READABLE);
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ maxPages: 5 }),
      env,
      undefined,
      readings,
    );
    expect(result.status).toBe('ok');
    expect(result.pages.map((p) => new URL(p.finalUrl).pathname)).toEqual([
      '/',
      '/klantenservice',
      '/over-ons',
    ]);
    expect(result.pages.every((p) => p.html === '')).toBe(true);
    expect(readings.setting).toMatchObject({ country: 'NL', homeUrl: site.url('/') });
    // Pages after the home page reach the threads undecoded; the reading fills in their hash.
    await Promise.all(result.pages.map((p) => readings.resultFor(p)));
    expect(result.pages.map((p) => p.contentHash)).toEqual(
      ['/', '/klantenservice', '/over-ons'].map((path) => sha256(ROUTES[path])),
    );
    const service = await readings.resultFor(result.pages[1]);
    expect(service?.observations.sightings.map((s) => s.value)).toContain('+31201234567');
    expect(service?.observations.kind).toBe('customer-service');
  });

  it('learns from the thread that an undecoded home page is only a consent wall, and goes no further', async () => {
    const wall = page(`<div id="CybotCookiebotDialog"><h1>Wij gebruiken cookies</h1>
      <p>Om deze site te bezoeken moet u cookies accepteren.</p><button>Alle cookies accepteren</button></div>`);
    const walled = await new FixtureSite({ '/': wall, '/klantenservice': ROUTES['/klantenservice'] }).start();
    try {
      const readings = new PageReadings(
        inThreadPool(),
        target(walled.url('/')),
        undefined,
        false,
        SHIPPED_READABLE,
      );
      const result = await crawlShop(target(walled.url('/')), testOptions(), env, undefined, readings);
      expect(result.status).toBe('consent-wall');
      expect(result.pages).toHaveLength(1);
      expect(result.pages[0].html).toBe('');
      expect(result.pages[0].contentHash).toBe(sha256(wall));
      expect(walled.count('/klantenservice')).toBe(0);
    } finally {
      await walled.stop();
    }
  });

  it('decides the setting from the home page on the thread: its language when the domain names no country', async () => {
    const german = new PageReadings(
      inThreadPool(),
      target('https://shop.example/'),
      undefined,
      false,
      SHIPPED_READABLE,
    );
    const home: PageSnapshot = {
      url: 'https://shop.example/',
      finalUrl: 'https://shop.example/',
      httpStatus: 200,
      contentType: 'text/html; charset=utf-8',
      fetchedWith: 'static',
      html: '',
      depth: 0,
      via: null,
      fetchedAt: '',
      contentHash: '',
    };
    german.onPage(
      home,
      new TextEncoder().encode('<html lang="de-DE"><body><p>Rufen Sie uns an: 030 1234567</p></body></html>'),
    );
    expect(await german.decidedSetting()).toEqual({
      country: 'DE',
      countrySource: 'language',
      language: 'de',
      homeUrl: 'https://shop.example/',
    });
    expect((await german.resultFor(home))?.observations.sightings.map((s) => s.value)).toContain(
      '+49301234567',
    );
  });

  it('keeps the HTML without an observer, as before', async () => {
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 5 }), env);
    expect(result.pages.every((p) => p.html.includes('<html'))).toBe(true);
  });

  it("decides a page's kind again when the crawl later finds a better link to it", async () => {
    const readings = new PageReadings(
      inThreadPool(),
      target('https://winkel.example/'),
      'NL',
      false,
      SHIPPED_READABLE,
    );
    const snapshot = (url: string, html: string, via: PageSnapshot['via']): PageSnapshot => ({
      url,
      finalUrl: url,
      httpStatus: 200,
      contentType: 'text/html',
      fetchedWith: 'static',
      html,
      depth: via ? 1 : null,
      via,
      fetchedAt: '',
      contentHash: '',
    });
    readings.onPage(snapshot('https://winkel.example/', page('<p>Welkom</p>'), null));
    const found = snapshot('https://winkel.example/p/12', page('<h1>Wij helpen je graag</h1>'), null);
    readings.onPage(found);
    expect((await readings.resultFor(found))?.observations.kind).toBe('other');
    found.via = { text: 'Contact', fromUrl: 'https://winkel.example/' };
    found.depth = 1;
    expect((await readings.resultFor(found))?.observations.kind).toBe('contact');
  });
});
