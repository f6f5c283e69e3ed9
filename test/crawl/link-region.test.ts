import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/crawl/browser-launch.js';
import { readRenderedPage } from '../../src/crawl/browser-read.js';
import { crawlShop } from '../../src/crawl/index.js';
import { extractLinks, linksInDocument, resolveLinks } from '../../src/crawl/link-extract.js';
import { betterVia } from '../../src/crawl/link-region.js';
import { parseHtml } from '../../src/extract/dom.js';
import { useCrawlTestBed } from './crawl-env.js';
import { FixtureSite, page } from './fixture-server.js';
import { target, testOptions } from './options.js';

/** One link in each kind of place a theme puts links. */
const PLACES = page(`
  <div class="announcement-bar"><a href="/sale-info">Sale info</a></div>
  <header class="site-header"><a href="/">Logo</a>
    <nav><a href="/klantenservice">Klantenservice</a></nav>
    <div class="footer-like-widget"><a href="/in-header">Still the header</a></div></header>
  <div class="menu-drawer"><a href="/drawer">Drawer link</a></div>
  <div id="shopify-section-header"><div class="topbar"><a href="/topbar">Topbar</a></div></div>
  <main><a href="/product">A product</a>
    <article><p><a href="/in-article">In the text</a></p></article>
    <div class="footer"><a href="/class-in-main">A footer class inside main</a></div></main>
  <aside><a href="/aside">Sidebar</a></aside>
  <div role="dialog"><a href="/newsletter">Newsletter</a></div>
  <div class="site-footer"><ul class="policies"><li><a href="/policies/legal-notice">Legal notice</a></li></ul></div>
  <footer><nav><a href="/footer-nav">Footer menu</a></nav><a href="/contact">Contact</a></footer>
  <div role="contentinfo"><a href="/role-footer">Role footer</a></div>
  <div><a href="/loose">Loose</a></div>`);

const EXPECTED: Record<string, string> = {
  '/sale-info': 'body',
  '/': 'header',
  '/klantenservice': 'nav',
  '/in-header': 'header',
  '/drawer': 'nav',
  '/topbar': 'header',
  '/product': 'body',
  '/in-article': 'body',
  '/class-in-main': 'body',
  '/aside': 'body',
  '/newsletter': 'body',
  '/policies/legal-notice': 'footer',
  '/footer-nav': 'nav',
  '/contact': 'footer',
  '/role-footer': 'footer',
  '/loose': 'body',
};

const PAGE_URL = 'https://shop.test/start';
const regionsOf = (links: Array<{ url: string; region?: string }>) =>
  Object.fromEntries(links.map((link) => [new URL(link.url).pathname, link.region ?? 'body']));

describe('link regions, static', () => {
  it('places each link by the landmarks, roles and class words around it', () => {
    expect(regionsOf(extractLinks(PLACES, PAGE_URL, false))).toEqual(EXPECTED);
  });

  it('places them the same over the extraction parse as over the markup', () => {
    expect(linksInDocument(parseHtml(PLACES), PAGE_URL, false)).toEqual(
      extractLinks(PLACES, PAGE_URL, false),
    );
  });

  it('ignores the classes of <html> and <body> (page state, not a region)', () => {
    const html = '<html class="menu-open"><body class="footer-visible"><a href="/x">X</a></body></html>';
    expect(extractLinks(html, PAGE_URL, false)).toEqual([{ url: 'https://shop.test/x', text: 'X' }]);
  });

  it('ends every landmark it entered: a link after a closed footer is in the body again', () => {
    const html =
      '<footer><a href="/a">A</a></footer><p><a href="/b">B</a></p><footer><p>unclosed <a href="/c">C</a>';
    expect(regionsOf(extractLinks(html, PAGE_URL, false))).toEqual({
      '/a': 'footer',
      '/b': 'body',
      '/c': 'footer',
    });
  });

  it('keeps a link in the chrome as the way to a page over one in the body', () => {
    const body = { text: 'Contact', fromUrl: PAGE_URL, region: 'body' as const };
    const footer = { text: 'Klantenservice', fromUrl: PAGE_URL, region: 'footer' as const };
    const unknown = { text: 'Contact', fromUrl: PAGE_URL };
    expect(betterVia(footer, body)).toBe(true);
    expect(betterVia(body, footer)).toBe(false);
    expect(betterVia(body, unknown)).toBe(true);
    expect(betterVia({ ...footer, region: 'nav' }, footer)).toBe(false);
  });
});

describe('link regions, browser', () => {
  let browser: Browser;
  let site: FixtureSite;
  beforeAll(async () => {
    browser = (await launchBrowser()).browser;
    site = await new FixtureSite({ '/start': PLACES }).start();
  });
  afterAll(async () => {
    await site?.stop();
    await browser?.close();
  });

  it('places each rendered link as the static reader does, with its box on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    const url = site.url('/start');
    await tab.goto(url);
    const read = await readRenderedPage(tab);
    await context.close();
    const links = resolveLinks(read.links, url, url);
    expect(regionsOf(links)).toEqual(EXPECTED);
    for (const link of links) {
      expect(link.box, link.url).toEqual({
        x: expect.any(Number),
        y: expect.any(Number),
        width: expect.any(Number),
        height: expect.any(Number),
      });
      expect(link.box?.width, link.url).toBeGreaterThan(0);
    }
    const boxOf = (path: string) => links.find((link) => new URL(link.url).pathname === path)?.box;
    // Document order is layout order here: the footer's links sit below the header's.
    expect(boxOf('/contact')?.y ?? 0).toBeGreaterThan(boxOf('/klantenservice')?.y ?? Infinity);
  });
});

describe('link regions in the crawl', () => {
  const bed = useCrawlTestBed();
  const routes = {
    '/': page(`<main><a href="/contact">Contact</a></main>
      <footer><a href="/contact/">Contact us</a> <a href="/over-ons">Over ons</a></footer>`),
    '/contact': page('<p>Bel 020 123 4567</p>'),
    '/over-ons': page('<p>Over ons</p>'),
  };

  it('static mode: records the footer link as the way to a page also linked from the body', async () => {
    const site = await bed.serve(routes);
    const result = await crawlShop(target(site.url('/')), testOptions(), bed.env());
    const contact = result.pages.find((p) => new URL(p.finalUrl).pathname === '/contact');
    expect(contact?.via).toEqual({ text: 'Contact us', fromUrl: site.url('/'), region: 'footer' });
    expect(site.count('/contact') + site.count('/contact/')).toBe(1);
  });

  it('browser mode: records the region and the box of the link', async () => {
    const site = await bed.serve(routes);
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ mode: 'browser', pageTimeoutMs: 3000, mobilePass: false }),
      bed.env(),
    );
    const about = result.pages.find((p) => new URL(p.finalUrl).pathname === '/over-ons');
    expect(about?.via).toMatchObject({ text: 'Over ons', region: 'footer' });
    expect(about?.via?.box).toEqual({
      x: expect.any(Number),
      y: expect.any(Number),
      width: expect.any(Number),
      height: expect.any(Number),
    });
    const contact = result.pages.find((p) => new URL(p.finalUrl).pathname.startsWith('/contact'));
    expect(contact?.via).toMatchObject({ text: 'Contact us', region: 'footer' });
  });
});
