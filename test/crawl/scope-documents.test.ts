import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { crawlShop } from '../../src/crawl/index.js';
import { createShopScope, isHelpdeskHost, loadHelpdeskSuffixes } from '../../src/crawl/shop-scope.js';
import { staticConsentWall } from '../../src/crawl/static-consent-wall.js';
import { extractPage, parseHtml } from '../../src/extract/index.js';
import { useCrawlTestBed } from './crawl-env.js';
import { page } from './fixture-server.js';
import { target, testOptions } from './options.js';

const { env: crawlEnv, serve } = useCrawlTestBed();

describe('shop scope', () => {
  const scope = createShopScope('http://shop.nl/', 'https://www.shop.nl/nl/', [
    'zendesk.com',
    'gorgias.help',
  ]);

  it('keeps subdomains of the shop and both the listed and the redirected-to domain', () => {
    const moved = createShopScope('http://shop.nl/', 'https://shop.com/');
    expect(moved.follows('https://shop.nl/contact', 'https://shop.com/')).toBe(true);
    expect(moved.follows('https://klantenservice.shop.com/', 'https://shop.com/')).toBe(true);
    expect(moved.follows('https://other.com/contact', 'https://shop.com/')).toBe(false);
    expect(scope.follows('https://www.shop.nl/en/contact', 'https://www.shop.nl/nl/')).toBe(true);
  });

  it('follows a help-desk host linked from the shop, not one linked from elsewhere', () => {
    expect(scope.follows('https://shop.zendesk.com/hc/nl', 'https://www.shop.nl/nl/')).toBe(true);
    expect(scope.follows('https://shop.zendesk.com/hc/nl/contact', 'https://shop.zendesk.com/hc/nl')).toBe(
      true,
    );
    expect(scope.follows('https://other.zendesk.com/hc', 'https://shop.zendesk.com/hc/nl')).toBe(false);
    expect(scope.follows('https://shop.zendesk.com/hc', 'https://partner.de/')).toBe(false);
    expect(scope.contains('https://shop.gorgias.help/nl')).toBe(true);
    expect(scope.contains('https://evil-zendesk.com/')).toBe(false);
  });

  it('reads the help-desk hosts from the vocabulary', () => {
    const suffixes = loadHelpdeskSuffixes();
    for (const host of [
      'acme.zendesk.com',
      'acme.freshdesk.com',
      'acme.helpscoutdocs.com',
      'acme.kayako.com',
    ]) {
      expect(isHelpdeskHost(host, suffixes)).toBe(true);
    }
    expect(isHelpdeskHost('zendesk.com.evil.net', suffixes)).toBe(false);
  });

  it('follows same-site links after the home page redirected to a language path', async () => {
    const site = await serve({
      '/': (_q, s) => s.writeHead(302, { location: '/nl/' }).end(),
      '/nl/': page('<a href="/nl/klantenservice">Klantenservice</a>'),
      '/nl/klantenservice': page('<p>020 123 4567</p>'),
    });
    const result = await crawlShop(target(site.url('/')), testOptions(), crawlEnv());
    expect(result.status).toBe('ok');
    expect(result.pages.map((p) => p.finalUrl)).toEqual([site.url('/nl/'), site.url('/nl/klantenservice')]);
    expect(result.pages[1].via).toEqual({
      text: 'Klantenservice',
      fromUrl: site.url('/nl/'),
      region: 'body',
    });
  });
});

describe('linked PDFs', () => {
  it('records a labelled PDF as a document page without its body, and skips unlabelled ones', async () => {
    const pdf = (_q: unknown, s: ServerResponse) =>
      s.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 lots of bytes');
    const site = await serve({
      '/': page(`<a href="/files/algemene-voorwaarden.pdf">Algemene voorwaarden (PDF)</a>
        <a href="/files/catalogus-2026.pdf">Catalogus</a>`),
      '/files/algemene-voorwaarden.pdf': pdf,
      '/files/catalogus-2026.pdf': pdf,
    });
    const result = await crawlShop(target(site.url('/')), testOptions(), crawlEnv());
    expect(result.status).toBe('ok');
    const document = result.pages.find((p) => p.finalUrl.endsWith('.pdf'));
    expect(document).toMatchObject({
      contentType: 'application/pdf',
      html: '',
      depth: 1,
      via: { text: 'Algemene voorwaarden (PDF)', fromUrl: site.url('/') },
    });
    expect(site.count('/files/catalogus-2026.pdf')).toBe(0);

    if (!document) throw new Error('no document page');
    const observations = extractPage(document, { country: 'NL', homeUrl: site.url('/') });
    expect(observations.kind).toBe('document');
    expect(observations.sightings).toEqual([]);
    expect(observations.widgets).toEqual([]);
  });

  it('extractPage takes an empty page without crashing', () => {
    const observations = extractPage(
      {
        url: 'https://shop.nl/contact',
        finalUrl: 'https://shop.nl/contact',
        html: '',
        fetchedWith: 'static',
      },
      { country: 'NL' },
    );
    expect(observations.sightings).toEqual([]);
    expect(observations.title).toBeNull();
  });
});

describe('consent walls in static mode', () => {
  const wall = page(`<div id="CybotCookiebotDialog"><h1>Wij gebruiken cookies</h1>
    <p>Om deze site te bezoeken moet u cookies accepteren. <a href="/cookiebeleid">Cookiebeleid</a></p>
    <button>Alle cookies accepteren</button></div>`);

  it('recognises a page that is only a wall', () => {
    expect(staticConsentWall(wall)).toEqual({
      platform: 'Cookiebot',
      action: 'none',
      coveredContactLink: null,
      blocking: true,
      wall: true,
    });
    expect(staticConsentWall(wall.replace('<button>', '<button>Weigeren</button><button>'))).toBeNull();
    expect(
      staticConsentWall(wall.replace('</div>', '</div><a href="/klantenservice">Klantenservice</a>')),
    ).toBeNull();
    expect(staticConsentWall(page('<p>Welkom bij de winkel</p><a href="/contact">Contact</a>'))).toBeNull();
  });

  it('counts the text the same way over a parsed tree as over the markup', () => {
    const longText = 'Wij gebruiken cookies en verkopen schoenen. '.repeat(40);
    const cases = [
      wall,
      wall.replace('<button>', '<button>Weigeren</button><button>'),
      wall.replace('</div>', `</div><p>${longText}</p>`),
      // Text in scripts, styles, templates and the head does not count.
      wall.replace('</div>', `</div><script>var t = "${longText}";</script><template>${longText}</template>`),
      wall.replace('<meta charset="utf-8">', `<meta charset="utf-8"><title>${longText}</title>`),
      wall.replace('</div>', `</div><noscript>${longText}</noscript><style>/* ${longText} */</style>`),
    ];
    for (const html of cases)
      expect(staticConsentWall(html, parseHtml(html))).toEqual(staticConsentWall(html));
    expect(staticConsentWall(cases[2], parseHtml(cases[2]))).toBeNull();
    expect(staticConsentWall(cases[3], parseHtml(cases[3]))).not.toBeNull();
  });

  it('gives such a shop the status consent-wall and goes no further', async () => {
    const site = await serve({ '/': wall, '/contact': page('<p>020 123 4567</p>') });
    const result = await crawlShop(target(site.url('/')), testOptions(), crawlEnv());
    expect(result.status).toBe('consent-wall');
    expect(result.consent?.wall).toBe(true);
    expect(result.pages).toHaveLength(1);
    expect(site.count('/contact')).toBe(0);
  });
});
