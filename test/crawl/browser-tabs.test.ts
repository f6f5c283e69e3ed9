import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/crawl/browser/browser-launch.js';
import { createTabPool } from '../../src/crawl/browser/browser-tabs.js';
import { crawlShop } from '../../src/crawl/index.js';
import { useCrawlTestBed } from './crawl-env.js';
import { page } from './fixture-server.js';
import { target, testOptions } from './options.js';

// sessionStorage belongs to one tab: the count shows how many pages this tab has shown.
const COUNTED = (links: string) =>
  page(`<main>${links}<p id="n"></p></main>
<script>sessionStorage.n = String(Number(sessionStorage.n || 0) + 1);
document.getElementById('n').textContent = 'pages in this tab: ' + sessionStorage.n;</script>`);

describe('tab pool', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('hands back the idle tab, but not for the page it already shows, and keeps at most two idle', async () => {
    const context = await browser.newContext();
    const tabs = createTabPool(context);
    const first = await tabs.take('about:blank#a');
    await first.page.goto('data:text/html,<p>one</p>');
    tabs.giveBack(first);
    const again = await tabs.take('data:text/html,<p>two</p>');
    expect(again.page).toBe(first.page);
    expect(again.uses).toBe(1);
    tabs.giveBack(again);
    // Navigating to the document the tab shows, with another fragment, would only scroll.
    const other = await tabs.take('data:text/html,<p>one</p>#below');
    expect(other.page).not.toBe(first.page);
    await expect.poll(() => first.page.isClosed()).toBe(true);
    const third = await tabs.take('about:blank');
    const fourth = await tabs.take('about:blank');
    tabs.giveBack(other);
    tabs.giveBack(third);
    tabs.giveBack(fourth);
    await expect.poll(() => fourth.page.isClosed()).toBe(true);
    expect(context.pages()).toHaveLength(2);
    await context.close();
  });
});

describe('rendering a shop in one tab', () => {
  const bed = useCrawlTestBed();

  it("renders a shop's pages one after the other in the same tab", async () => {
    const site = await bed.serve({
      '/': COUNTED('<a href="/contact">Contact</a> <a href="/over-ons">Over ons</a>'),
      '/contact': COUNTED('<p>Bel 020 794 5632</p>'),
      '/over-ons': COUNTED('<p>Over ons</p>'),
    });
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ mode: 'browser', maxPages: 3, mobilePass: false }),
      bed.env(),
    );
    expect(result.status).toBe('ok');
    const counts = result.pages.map((p) => /pages in this tab: (\d+)/.exec(p.html)?.[1]);
    expect(counts).toEqual(['1', '2', '3']);
  });

  it('does not reuse a tab whose page started a script that never ends after it was read', async () => {
    const site = await bed.serve({
      '/': page(`<a href="/contact">Contact</a>
        <script>addEventListener('load', () => setTimeout(() => { for (;;) {} }, 400));</script>`),
      '/contact': COUNTED('<p>Bel 020 794 5632</p>'),
    });
    // The pause between the two pages lets the home page's loop start before the tab is reused.
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({
        mode: 'browser',
        maxPages: 2,
        mobilePass: false,
        hostDelayMs: 900,
        pageTimeoutMs: 3_000,
      }),
      bed.env(),
    );
    expect(result.errors).toEqual([]);
    expect(result.pages.map((p) => new URL(p.finalUrl).pathname)).toEqual(['/', '/contact']);
    expect(result.pages[1].html).toContain('pages in this tab: 1');
  });

  it('opens a fresh tab after a page that did not finish rendering', async () => {
    const site = await bed.serve({
      '/': COUNTED('<a href="/contact">Contact</a> <a href="/stuck">Klantenservice</a>'),
      '/stuck': page('<p>Bezig…</p><script>for (;;) {}</script>'),
      '/contact': COUNTED('<p>Bel 020 794 5632</p>'),
    });
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ mode: 'browser', maxPages: 3, mobilePass: false, pageTimeoutMs: 1_500 }),
      bed.env(),
    );
    const byPath = new Map(result.pages.map((p) => [new URL(p.finalUrl).pathname, p.html]));
    expect(result.errors.some((e) => e.url.endsWith('/stuck'))).toBe(true);
    expect(byPath.get('/')).toContain('pages in this tab: 1');
    // The contact page is found either before the stuck page (same tab: 2) or after it (a new tab: 1).
    const contactCount = /pages in this tab: (\d+)/.exec(byPath.get('/contact') ?? '')?.[1];
    expect(['1', '2']).toContain(contactCount);
  });
});
