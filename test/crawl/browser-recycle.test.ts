import { afterAll, beforeAll, expect, it } from 'vitest';
import { crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import { FixtureSite, page } from './fixture-server.js';
import { target, testOptions } from './options.js';

let site: FixtureSite;
beforeAll(async () => {
  site = await new FixtureSite({ '/': page('<main><p>Bel 020 794 5632</p></main>') }).start();
});
afterAll(async () => {
  await site.stop();
});

it('recycles the browser after the set number of shops, and the shops after it still crawl', async () => {
  const env = createCrawlEnvironment({ recycleBrowserAfterShops: 2 });
  try {
    const options = testOptions({ mode: 'browser', maxPages: 1, mobilePass: false });
    const first = await env.browser();
    const statuses: string[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await crawlShop(target(site.url(`/?shop=${i}`)), options, env)).status);
    expect(statuses).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    // 1 (the probe above) + 5 shops = 6 uses: a fresh browser for uses 3 and 5.
    expect(env.browserLaunches()).toBe(3);
    expect(await env.browser()).not.toBe(first);
  } finally {
    await env.close();
  }
});
