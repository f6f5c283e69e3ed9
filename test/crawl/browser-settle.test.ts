import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CrawlEnvironment, crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import { slowAnswer } from '../waiting.js';
import { FixtureSite, page } from './fixture-server.js';
import { target, testOptions } from './options.js';

// The footer is filled by a request that the server answers only after 600 ms, well after `load`.
const LATE_FOOTER = page(`<main><p>Welkom</p></main><footer id="f"></footer>
<script>fetch('/contact-block').then((r) => r.text()).then((t) => { document.getElementById('f').textContent = t; });</script>`);

let site: FixtureSite;
let env: CrawlEnvironment;
beforeAll(async () => {
  env = createCrawlEnvironment();
  site = await new FixtureSite({
    '/': LATE_FOOTER,
    '/contact-block': (_req, res) => {
      void slowAnswer(600).then(() =>
        res.writeHead(200, { 'content-type': 'text/plain' }).end('Bel ons: 020 794 5632'),
      );
    },
  }).start();
});
afterAll(async () => {
  await site.stop();
  await env.close();
});

it('waits for a request still in flight after load before reading the page', async () => {
  const result = await crawlShop(
    target(site.url('/')),
    testOptions({ mode: 'browser', maxPages: 1, mobilePass: false }),
    env,
  );
  expect(result.status).toBe('ok');
  expect(result.pages[0].html).toContain('020 794 5632');
});
