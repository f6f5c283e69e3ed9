import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageLostWithThreadError } from '../../src/audit/extract-pool.js';
import { observeOrLose, observeShop } from '../../src/audit/observe-shop.js';
import type { PageReadings } from '../../src/audit/page-readings.js';
import { type CrawlEnvironment, createCrawlEnvironment } from '../../src/crawl/index.js';
import type { CrawlResult } from '../../src/crawl/types.js';
import { FixtureSite, page } from '../crawl/fixture-server.js';
import { target, testOptions } from '../crawl/options.js';

let env: CrawlEnvironment;
let site: FixtureSite;
beforeAll(async () => {
  env = createCrawlEnvironment();
  site = await new FixtureSite({
    '/robots.txt': 'User-agent: *\nAllow: /\n',
    '/': page('<header><a href="/contact">Contact</a></header><main><h1>Winkel</h1></main>'),
    '/contact': page(
      '<main><p>Bel 020 123 4567</p><p><a href="mailto:service@winkel.nl">service@winkel.nl</a></p></main>',
    ),
  }).start();
});
afterAll(async () => {
  await site.stop();
  await env.close();
});

describe('observeShop with the extraction pool', () => {
  it('extracts every crawled page, each page its own observations', async () => {
    const { mode: _mode, ...crawl } = testOptions({ maxPages: 5 });
    const evidence = await observeShop(target(site.url('/')), { mode: 'static', crawl, country: 'NL' }, env);
    expect(evidence.crawl.status).toBe('ok');
    expect(evidence.pages.map((p) => new URL(p.url).pathname)).toEqual(['/', '/contact']);
    const onContact = evidence.sightings.filter((s) => new URL(s.pageUrl).pathname === '/contact');
    expect(onContact.map((s) => s.value)).toEqual(
      expect.arrayContaining(['+31201234567', 'service@winkel.nl']),
    );
    expect(evidence.sightings.some((s) => new URL(s.pageUrl).pathname === '/')).toBe(false);
  });
});

describe('a page nested deeper than a recursive walk can go', () => {
  it('is rated from what can be read, and the other shops are left alone', async () => {
    const depth = 20_000;
    const nested = await new FixtureSite({
      '/robots.txt': 'User-agent: *\nAllow: /\n',
      // The phone stands beside the nesting, the e-mail at its bottom: every walk of the tree
      // (text, visibility, links, the consent-wall check) goes all the way down.
      '/': page(
        `<p>Bel 020 123 4567</p>${'<div>'.repeat(depth)}<a href="/contact">Contact</a> mail info@diep.nl${'</div>'.repeat(depth)}`,
      ),
      '/contact': page('<p>Klantenservice: 020 765 4321</p>'),
    }).start();
    try {
      const { mode: _mode, ...crawl } = testOptions({ maxPages: 2 });
      const deep = await observeShop(target(nested.url('/')), { mode: 'static', crawl, country: 'NL' }, env);
      expect(deep.crawl.status).toBe('ok');
      expect(deep.crawl.errors).toEqual([]);
      const onHome = deep.sightings.filter((s) => new URL(s.pageUrl).pathname === '/');
      expect(onHome.map((s) => [s.value, s.visible])).toEqual(
        expect.arrayContaining([
          ['+31201234567', true],
          ['info@diep.nl', true],
        ]),
      );
      // The link at the bottom of the nesting was read and followed.
      expect(deep.pages.map((p) => new URL(p.url).pathname)).toEqual(['/', '/contact']);
      const fine = await observeShop(target(site.url('/')), { mode: 'static', crawl, country: 'NL' }, env);
      expect(fine.crawl.status).toBe('ok');
    } finally {
      await nested.stop();
    }
  });
});

describe('a page lost with its extraction thread', () => {
  const home = 'https://winkel.example/';
  const crawl = {
    target: target(home),
    mode: 'static',
    origin: 'https://winkel.example',
    startedAt: '',
    finishedAt: '',
    userAgent: '',
    robots: null,
    status: 'ok',
    errors: [],
    pages: [{ url: home, finalUrl: home, html: '', fetchedWith: 'static' }],
  } as unknown as CrawlResult;
  // Readings whose only page went down with a dying thread.
  const readings = {
    optionCountry: 'NL',
    decidedSetting: async () => null,
    resultFor: async () => {
      throw new PageLostWithThreadError(home);
    },
  } as unknown as PageReadings;

  it("makes the shop's crawl an error with the reason, instead of stopping the run", async () => {
    const { crawl: read, observation } = await observeOrLose(crawl, crawl.target, readings);
    expect(read.status).toBe('error');
    expect(read.pages).toEqual([]);
    expect(read.errors).toEqual([
      expect.objectContaining({ url: home, stage: 'extract', code: 'EXTRACT_THREAD_DIED' }),
    ]);
    expect(observation.observed).toEqual([]);
  });

  it('makes a page whose extraction failed an error of its shop too, with the reason', async () => {
    const broken = {
      ...readings,
      resultFor: async () => {
        throw new RangeError('Maximum call stack size exceeded\n    at textOf (dom.js:1:1)');
      },
    } as unknown as PageReadings;
    const { crawl: read } = await observeOrLose(crawl, crawl.target, broken);
    expect(read.status).toBe('error');
    expect(read.errors).toEqual([
      {
        url: home,
        stage: 'extract',
        code: 'EXTRACT_FAILED',
        message: 'a page could not be extracted: Maximum call stack size exceeded',
      },
    ]);
  });
});
