import { describe, expect, it } from 'vitest';
import { crawlShop } from '../../src/crawl/index.js';
import { isCatalogueUrl, loadLinkWords, rankLink } from '../../src/crawl/link-rank.js';
import type { CrawlReading, PageObserver, PageSnapshot } from '../../src/crawl/types.js';
import { pageKey, requestUrl } from '../../src/crawl/url-alias.js';
import { loadWellKnownPaths, recogniseSystems, wellKnownPathsFor } from '../../src/crawl/well-known-paths.js';
import { useCrawlTestBed } from './crawl-env.js';
import type { Handler } from './fixture-server.js';
import { page } from './fixture-server.js';
import { target, testOptions } from './options.js';

const bed = useCrawlTestBed();
const pathsOf = (pages: PageSnapshot[]) => pages.map((p) => new URL(p.finalUrl).pathname);

/**
 * A theme that lists its catalogue before its footer: a dozen collection and product links (some
 * named with service words: "Support stockings", "Contact lenses", "Help kit"), a "Contact" page
 * that is only a form, and the footer's policy links, where the phone and e-mail are.
 */
const catalogue = [
  ['/collections/support-stockings', 'Support stockings'],
  ['/products/contact-lenses-monthly', 'Contact lenses'],
  ['/collections/help-kits', 'Help kit'],
  ['/collections/shipping-boxes', 'Shipping boxes'],
  ['/collections/all', 'All products'],
  ['/collections/new', 'New in'],
  ['/products/tea-towel', 'Tea towel'],
  ['/products/mug', 'Mug'],
  ['/products/apron', 'Apron'],
  ['/collections/kitchen?page=2', 'More kitchen'],
  ['/search?q=gift', 'Gift ideas'],
  ['/blogs/news', 'Our blog'],
  ['/collections/sale/products/mug', 'Mug on sale'],
  ['/products/service-tray', 'Service tray'],
];
const CATALOGUE_FIRST = page(`
  <header><a href="/index.html">Home</a> <a href="/?utm_source=newsletter&fbclid=abc">Home again</a>
    <nav>${catalogue.map(([href, text]) => `<a href="${href}">${text}</a>`).join(' ')}
    <a href="/pages/contact">Contact</a></nav></header>
  <main><p>Welcome to the kitchen shop.</p></main>
  <footer><a href="/pages/about-us">About</a> <a href="/pages/faq">FAQ</a>
    <ul class="policies">
      <li><a href="/pages/policies">Policies</a></li>
      <li><a href="/pages/warranty-policy">Warranty policy</a></li>
      <li><a href="/policies/refund-policy">Refund policy</a></li>
    </ul></footer>`);

function catalogueShop(): Record<string, string | Handler> {
  return {
    '/': CATALOGUE_FIRST,
    '/index.html': CATALOGUE_FIRST,
    '/pages/contact': page('<form><input name="email"><button>Send</button></form>'),
    '/pages/about-us': page('<p>We love kitchens.</p>'),
    '/pages/faq': page('<p>Questions? Use the form.</p>'),
    '/pages/policies': page('<p>Our policies.</p>'),
    '/pages/warranty-policy': page('<p>Warranty claims: call 020 123 4567 or mail garantie@kitchen.test</p>'),
    '/policies/refund-policy': page('<p>Returns within 14 days.</p>'),
    '*': page('<p>product</p>'),
  };
}

describe('where the page budget goes', () => {
  it('visits the policy, warranty, about and FAQ links before any catalogue page', async () => {
    const site = await bed.serve(catalogueShop());
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 7 }), bed.env());
    expect(result.status).toBe('ok');
    const paths = pathsOf(result.pages);
    expect(paths).toEqual([
      '/',
      '/pages/contact',
      '/pages/faq',
      '/pages/about-us',
      '/policies/refund-policy',
      '/pages/warranty-policy',
      '/pages/policies',
    ]);
    for (const [href] of catalogue) expect(site.count(new URL(href, site.origin).pathname), href).toBe(0);
    expect(result.budget).toEqual({ maxPages: 7, pagesUsed: 7, attempts: 7 });
  });

  it('with budget to spare, reaches the catalogue only after every other page', async () => {
    const site = await bed.serve(catalogueShop());
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 9 }), bed.env());
    const paths = pathsOf(result.pages);
    expect(paths.slice(7).every((path) => /^\/(collections|products|search|blogs)/.test(path))).toBe(true);
    expect(paths.slice(0, 7)).not.toContain('/collections/support-stockings');
  });

  it('recognises catalogue URLs, in a language folder too, and ranks them last whatever their words', () => {
    const words = loadLinkWords();
    const catalogueUrl = (path: string) =>
      isCatalogueUrl(new URL(path, 'https://shop.test'), words.catalogue);
    for (const path of [
      '/collections/all',
      '/de/products/x',
      '/nl-nl/product-category/lenzen/',
      '/shop/',
      '/shop/page/3/',
      '/page/2',
      '/zoeken?q=contact',
      '/kitchen?sort=price',
      '/c?filter.v.price.gte=10',
      '/search.html',
    ])
      expect(catalogueUrl(path), path).toBe(true);
    for (const path of [
      '/pages/contact',
      '/shop/contact',
      '/en/contact',
      '/service/',
      '/policies/refund-policy',
      '/',
    ])
      expect(catalogueUrl(path), path).toBe(false);
    expect(
      rankLink('Contact lenses', new URL('https://shop.test/products/contact-lenses'), words),
    ).toMatchObject({
      score: 0,
      catalogue: true,
      contactLike: false,
    });
  });

  it('puts pages about the products (size charts, care guides) with the catalogue, in nl, de, fr and en', () => {
    const words = loadLinkWords();
    const rank = (text: string, path: string) => rankLink(text, new URL(path, 'https://shop.test'), words);
    for (const [text, path] of [
      ['Size chart', '/pages/size-chart'],
      ['Sizing', '/pages/sizing'],
      ['Maattabel', '/pages/maattabel'],
      ['Größentabelle', '/seite/groessentabelle'],
      ['Guide des tailles', '/pages/guide-des-tailles'],
      ['Fit', '/pages/size-guide'],
      ['Pflegehinweise', '/info/pflegehinweise'],
    ])
      expect(rank(text, path), text).toMatchObject({ score: 0, catalogue: true });
    // A link a category claims keeps its rank, whatever else its words say.
    expect(rank('Size guide & returns', '/pages/size-guide-returns').catalogue).toBeUndefined();
    expect(rank('Size guide & returns', '/pages/size-guide-returns').score).toBeGreaterThan(0);
  });

  it('fetches a linked size chart, a table of short digit groups, only after the policy pages', async () => {
    const home =
      page(`<nav><a href="/pages/size-chart">Size chart</a> <a href="/pages/care-guide">Care guide</a>
      <a href="/pages/lookbook">Lookbook</a></nav>
      <footer><a href="/pages/contact-information">Contact information</a>
      <a href="/pages/return-policy">Return policy</a></footer>`);
    const site = await bed.serve({
      '/': home,
      '/pages/size-chart': page(
        '<table><tr><td>SIZE</td><td>6/8</td><td>10/12</td><td>12/14</td></tr></table>',
      ),
      '/pages/care-guide': page('<p>Wash at 30 degrees.</p>'),
      '/pages/lookbook': page('<p>Summer looks.</p>'),
      '/pages/contact-information': page('<p>Mail shop@wear.test</p>'),
      '/pages/return-policy': page('<p>Returns: shop@wear.test</p>'),
    });
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 4 }), bed.env());
    expect(pathsOf(result.pages).sort()).toEqual([
      '/',
      '/pages/contact-information',
      '/pages/lookbook',
      '/pages/return-policy',
    ]);
    expect(site.count('/pages/size-chart')).toBe(0);
    expect(site.count('/pages/care-guide')).toBe(0);
  });

  it('ranks the links of policies, warranty, shipping, legal notice and contact information, in nl, de, fr and en', () => {
    const words = loadLinkWords();
    const rank = (text: string, path = '/x') => rankLink(text, new URL(path, 'https://shop.test'), words);
    for (const text of [
      'Policies',
      'Warranty policy',
      'Garantie',
      'Gewährleistung',
      'Shipping',
      'Verzending',
      'Lieferung',
      'Livraison',
      'Refund policy',
      'Rückerstattung',
      'Terms of use',
      'Leveringsvoorwaarden',
    ])
      expect(rank(text).score, text).toBeGreaterThan(0);
    for (const text of [
      'Contact information',
      'Kontaktdaten',
      'Coordonnées',
      'Legal notice',
      'Rechtliche Hinweise',
      'Wettelijke vermeldingen',
      'Informations légales',
      'Help & contact',
    ])
      expect(rank(text).contactLike, text).toBe(true);
    expect(rank('', '/policies/contact-information').contactLike).toBe(true);
    expect(rank('', '/policies/legal-notice').contactLike).toBe(true);
    expect(rank('', '/policies/shipping-policy').score).toBeGreaterThan(0);
    expect(rank('Save 20%').score).toBe(0);
  });
});

describe('aliases of one page', () => {
  it('folds /, /index.html, tracking parameters, fragments and trailing slashes into one key', () => {
    const key = (url: string) => pageKey(url);
    expect(key('https://Shop.test:443/index.html')).toBe(key('https://shop.test/'));
    expect(key('https://shop.test/?utm_source=x&gclid=1#top')).toBe(key('https://shop.test/'));
    expect(key('https://shop.test/contact/')).toBe(key('https://shop.test/contact'));
    expect(key('https://shop.test/a/index.php')).toBe(key('https://shop.test/a'));
    expect(key('https://shop.test/p?b=2&a=1&utm_medium=mail')).toBe(key('https://shop.test/p?a=1&b=2'));
    // A script with arguments is not the folder's index page; another parameter is another page.
    expect(key('https://shop.test/index.php?route=contact')).not.toBe(key('https://shop.test/'));
    expect(key('https://shop.test/p?id=1')).not.toBe(key('https://shop.test/p?id=2'));
    expect(requestUrl('https://shop.test/c?utm_campaign=z&id=4#x')).toBe('https://shop.test/c?id=4');
  });

  it('fetches a page once whatever address its links use, and a redirect to a known page costs no page', async () => {
    const contact = page('<p>Bel 020 123 4567</p>');
    const site = await bed.serve({
      '/': page(`<a href="/index.html">Home</a> <a href="/?utm_source=ad">Home</a> <a href="/#main">Skip</a>
        <a href="/contact">Contact</a> <a href="/contact/?utm_campaign=spring">Contact</a>
        <a href="/contact#form">Contact form</a> <a href="/klantenservice">Klantenservice</a>
        <a href="/over-ons">Over ons</a>`),
      '/index.html': page('<p>home again</p>'),
      '/contact': contact,
      '/contact/': contact,
      '/klantenservice': (_q, s) => s.writeHead(301, { location: '/contact' }).end(),
      '/over-ons': page('<p>Over ons</p>'),
    });
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 3 }), bed.env());
    expect(pathsOf(result.pages)).toEqual(['/', '/contact', '/over-ons']);
    expect(site.count('/')).toBe(1);
    expect(site.count('/index.html')).toBe(0);
    expect(site.count('/contact/')).toBe(0);
    // /klantenservice redirects to the page already held: followed (so /contact is asked for a
    // second time, as the redirect's target) but no page is added, and the budget still has room.
    expect(site.count('/klantenservice')).toBe(1);
    expect(site.count('/contact')).toBe(2);
    expect(result.budget).toEqual({ maxPages: 3, pagesUsed: 3, attempts: 4 });
  });
});

/** Stands in for the audit's extraction: says whether the pages so far show a phone and an e-mail. */
function contactObserver(): PageObserver & { asked: number } {
  const pages: PageSnapshot[] = [];
  return {
    releasesHtml: false,
    asked: 0,
    onPage(snapshot): Promise<CrawlReading | null> | undefined {
      pages.push(snapshot);
      return undefined;
    },
    async contactsFound() {
      this.asked++;
      const text = pages.map((p) => p.html).join(' ');
      return { phone: /\d{3} \d{3} \d{4}/.test(text), email: /@/.test(text) };
    },
  };
}

describe('well-known paths of shop systems', () => {
  it('recognises the shop system by its links and tries its paths first', () => {
    const vocabulary = loadWellKnownPaths();
    const shopify = recogniseSystems(
      ['https://s.test/collections/all', 'https://s.test/products/x'],
      vocabulary,
    );
    expect(shopify[0]).toBe('shopify');
    const paths = wellKnownPathsFor(shopify, vocabulary);
    expect(paths.slice(0, 3)).toEqual([
      '/pages/contact',
      '/policies/contact-information',
      '/policies/legal-notice',
    ]);
    expect(new Set(paths).size).toBe(paths.length);
    expect(
      recogniseSystems(['https://s.test/product-category/a/', 'https://s.test/my-account/'], vocabulary)[0],
    ).toBe('woocommerce');
    expect(recogniseSystems(['https://s.test/over-ons'], vocabulary)).toEqual([]);
  });

  it('finds the details of a Shopify shop on its unlinked policy page, recorded as not linked', async () => {
    const site = await bed.serve({
      '/': page(`<nav><a href="/collections/all">All</a> <a href="/products/mug">Mug</a>
        <a href="/pages/about-us">About us</a></nav>`),
      '/pages/about-us': page('<p>A small shop.</p>'),
      '/policies/contact-information': page('<p>Phone 020 123 4567, e-mail hello@mugs.test</p>'),
      '*': page('<p>product</p>'),
    });
    const observer = contactObserver();
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ maxPages: 6 }),
      bed.env(),
      undefined,
      observer,
    );
    const policy = result.pages.find((p) => p.finalUrl === site.url('/policies/contact-information'));
    expect(policy).toMatchObject({ depth: null, via: null, foundBy: 'well-known-path' });
    // Shopify's own paths first: /pages/contact (404), then the contact-information policy, then no more.
    expect(site.count('/pages/contact')).toBe(1);
    expect(site.count('/policies/legal-notice')).toBe(0);
    expect(site.count('/contact')).toBe(0);
    // Before the catalogue.
    const order = pathsOf(result.pages);
    expect(order.indexOf('/policies/contact-information')).toBeLessThan(order.indexOf('/collections/all'));
    expect(result.errors.filter((e) => e.code === 'HTTP_404')).toEqual([]);
  });

  it('also tries them when a contact page was found but shows no phone or e-mail', async () => {
    const site = await bed.serve({
      '/': page('<footer><a href="/pages/contact">Contact</a> <a href="/products/mug">Mug</a></footer>'),
      '/pages/contact': page('<form><textarea></textarea></form>'),
      '/policies/contact-information': page('<p>Phone 020 123 4567, e-mail hello@mugs.test</p>'),
      '*': page('<p>product</p>'),
    });
    const withObserver = await crawlShop(
      target(site.url('/')),
      testOptions({ maxPages: 5 }),
      bed.env(),
      undefined,
      contactObserver(),
    );
    expect(pathsOf(withObserver.pages)).toContain('/policies/contact-information');
    expect(withObserver.pages.find((p) => p.foundBy)?.finalUrl).toBe(
      site.url('/policies/contact-information'),
    );
  });

  it('leaves them alone once the pages show a phone and an e-mail', async () => {
    const site = await bed.serve({
      '/': page('<footer><a href="/pages/contact">Contact</a> <a href="/products/mug">Mug</a></footer>'),
      '/pages/contact': page('<p>Phone 020 123 4567, e-mail hello@mugs.test</p>'),
      '*': page('<p>product</p>'),
    });
    const observer = contactObserver();
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ maxPages: 5 }),
      bed.env(),
      undefined,
      observer,
    );
    expect(pathsOf(result.pages)).toEqual(['/', '/pages/contact', '/products/mug']);
    expect(site.count('/policies/contact-information')).toBe(0);
    expect(observer.asked).toBe(1);
  });

  it('keeps within its tries and the page budget', async () => {
    const site = await bed.serve({ '/': page('<p>nothing linked</p>') });
    const vocabulary = loadWellKnownPaths();
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ maxPages: 5 }),
      bed.env(),
      undefined,
      contactObserver(),
    );
    const tried = [...site.hits.keys()].filter(
      (path) => path !== '/' && path !== '/robots.txt' && !path.includes('sitemap'),
    );
    expect(tried.length).toBe(vocabulary.maxTries);
    expect(result.pages).toHaveLength(1);
  });
});
