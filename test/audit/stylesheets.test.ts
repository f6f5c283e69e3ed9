import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { observeShop } from '../../src/audit/observe-shop.js';
import { MAX_STYLESHEET_BYTES } from '../../src/crawl/fetch/stylesheets.js';
import { type CrawlEnvironment, createCrawlEnvironment } from '../../src/crawl/index.js';
import { FixtureSite, page } from '../crawl/fixture-server.js';
import { target, testOptions } from '../crawl/options.js';
import { SHIPPED_READABLE } from '../shipped-readable.js';

const css = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/css' }).end(body);

let env: CrawlEnvironment;
let other: FixtureSite;
let shop: FixtureSite;
beforeAll(async () => {
  env = createCrawlEnvironment();
  // Another site (another host name): its stylesheet must never be asked for.
  other = await new FixtureSite({ '/cdn.css': css('.footer-mail{display:none}') }, 'localhost').start();
  const head = (extra = '') =>
    `<link rel="stylesheet" href="/theme.css"><link rel="stylesheet" href="${other.url('/cdn.css')}">${extra}`;
  shop = await new FixtureSite({
    '/robots.txt': 'User-agent: *\nAllow: /\n',
    '/theme.css': css('.order-popup{display:none}'),
    '/huge.css': css(`.x{color:red}${' '.repeat(MAX_STYLESHEET_BYTES + 10)}`),
    '/': page(
      `<a href="/contact">Contact</a><div class="order-popup">Mail bestel@winkel.nl</div>
       <p class="footer-mail">Mail info@winkel.nl</p>`,
      head('<link rel="stylesheet" href="/huge.css">'),
    ),
    '/contact': page('<p>Bel 020 123 4567</p><div class="order-popup">Mail order@winkel.nl</div>', head()),
  }).start();
});
afterAll(async () => {
  await shop.stop();
  await other.stop();
  await env.close();
});

describe("static mode with the shop's own stylesheets", () => {
  it('fetches each same-site sheet once, never another site, and applies them', async () => {
    const { mode: _mode, ...crawl } = testOptions({ maxPages: 5 });
    const evidence = await observeShop(
      target(shop.url('/')),
      { mode: 'static', crawl, country: 'NL', readable: SHIPPED_READABLE },
      env,
    );
    expect(evidence.crawl.status).toBe('ok');
    const visible = (value: string) => evidence.sightings.find((s) => s.value === value)?.visible;
    // Hidden by the shop's own sheet, on both pages.
    expect(visible('bestel@winkel.nl')).toBe(false);
    expect(visible('order@winkel.nl')).toBe(false);
    // The other site's sheet was not read: its rule decides nothing.
    expect(visible('info@winkel.nl')).toBe(true);
    expect(visible('+31201234567')).toBe(true);
    expect(shop.count('/theme.css')).toBe(1);
    expect(other.count('/cdn.css')).toBe(0);
    // The oversized sheet was cut off at the limit and the cap recorded.
    expect(evidence.crawl.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'STYLESHEET_LIMIT', url: shop.url('/huge.css') }),
      ]),
    );
  });
});

describe('auto mode, when the CSS leaves the verdict open', () => {
  it('renders the shop whose only phone static mode cannot judge', async () => {
    // The phone is hidden only while the page's root carries a class its scripts remove.
    const pending = await new FixtureSite({
      '/robots.txt': 'User-agent: *\nAllow: /\n',
      '/': page(
        '<p class="service">Bel 020 123 4567</p><p>Mail info@winkel.nl</p>',
        '<style>.is-loading .service{display:none}</style>',
      ).replace('<html', '<html class="is-loading"'),
    }).start();
    try {
      const { mode: _mode, ...crawl } = testOptions({ maxPages: 2 });
      const evidence = await observeShop(
        target(pending.url('/')),
        { mode: 'auto', crawl, country: 'NL', readable: SHIPPED_READABLE },
        env,
      );
      expect(evidence.crawl.status).toBe('ok');
      expect(evidence.crawl.modesUsed).toEqual(['static', 'browser']);
    } finally {
      await pending.stop();
    }
  });
});
