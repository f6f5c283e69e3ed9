import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeShop } from '../../src/audit/observe-shop.js';
import { type CrawlEnvironment, createCrawlEnvironment } from '../../src/crawl/index.js';
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
