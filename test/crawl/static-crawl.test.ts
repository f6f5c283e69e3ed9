import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlEnvironment, crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import { FixtureSite, page } from './fixture-server.js';
import { target, testOptions } from './options.js';

const productLinks = Array.from({ length: 20 }, (_, i) => `<a href="/p/${i}">Product ${i}</a>`).join('');

function shopRoutes(robots = 'User-agent: *\nAllow: /\n') {
  return {
    '/robots.txt': robots,
    '/': page(`
      <header><a href="/products">Producten</a> <a href="/klantenservice">Klantenservice</a>
      <a href="#top">top</a> <a href="/login">Inloggen</a> <a href="/cart">Winkelwagen</a>
      <a href="mailto:info@shop.test">mail</a> <a href="tel:+31201234567">bel</a> <a href="javascript:void(0)">x</a>
      <a href="/logo.png">logo</a> <a href="http://elsewhere.invalid/contact">partner contact</a></header>
      <footer><a href="/voorwaarden">Algemene voorwaarden</a></footer>`),
    '/klantenservice': page('<a href="/contact">Contact</a> <a href="/">home</a>'),
    '/contact': page('<p>Bel 020 123 4567</p>'),
    '/voorwaarden': page('<p>terms</p>'),
    '/products': page(productLinks),
    '*': page('<p>product</p>'),
  };
}

let env: CrawlEnvironment;
beforeAll(() => {
  env = createCrawlEnvironment();
});
afterAll(async () => {
  await env.close();
});

const sites: FixtureSite[] = [];
async function serve(routes: ConstructorParameters<typeof FixtureSite>[0]): Promise<FixtureSite> {
  const site = await new FixtureSite(routes).start();
  sites.push(site);
  return site;
}
afterEach(async () => {
  await Promise.all(sites.splice(0).map((s) => s.stop()));
});

describe('crawlShop, static', () => {
  it('fetches the home page, then contact-like links first, with click depth and the link that led there', async () => {
    const site = await serve(shopRoutes());
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 6 }), env);
    expect(result.status).toBe('ok');
    expect(result.origin).toBe(site.origin);
    const paths = result.pages.map((p) => new URL(p.finalUrl).pathname);
    expect(paths.slice(0, 4)).toEqual(['/', '/klantenservice', '/voorwaarden', '/contact']);
    expect(paths).toHaveLength(6);
    const contact = result.pages[3];
    expect(contact.depth).toBe(2);
    expect(contact.via).toEqual({ text: 'Contact', fromUrl: site.url('/klantenservice'), region: 'body' });
    expect(result.pages[1].via).toMatchObject({ text: 'Klantenservice', region: 'header' });
    expect(result.pages[2].via).toMatchObject({ text: 'Algemene voorwaarden', region: 'footer' });
    expect(result.pages[0].depth).toBe(0);
    expect(result.pages[0].via).toBeNull();
    expect(result.pages[1].contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.pages.every((p) => p.fetchedWith === 'static')).toBe(true);
    for (const never of ['/login', '/cart', '/logo.png']) expect(site.count(never), never).toBe(0);
    expect(site.count('/')).toBe(1);
    expect(result.robots).toMatchObject({ status: 200, obeyed: true, disallowed: [] });
    expect(site.userAgents.every((ua) => ua.startsWith('shopreach/'))).toBe(true);
  });

  it("fetches a shop's robots.txt and pages over one kept-alive connection", async () => {
    const site = await serve(shopRoutes());
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 5 }), env);
    expect(result.pages).toHaveLength(5);
    expect([...site.hits.values()].reduce((a, b) => a + b, 0)).toBe(6);
    expect(site.connections).toBe(1);
  });

  it('stops at maxDepth', async () => {
    const site = await serve(shopRoutes());
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 30, maxDepth: 1 }), env);
    expect(result.pages.every((p) => p.depth !== null && p.depth <= 1)).toBe(true);
    expect(site.count('/contact')).toBe(0);
    expect(site.count('/p/1')).toBe(0);
  });

  it('obeys robots.txt: a disallowed contact page is never requested, and the refusal is recorded', async () => {
    const site = await serve(shopRoutes('User-agent: *\nDisallow: /contact\n'));
    const result = await crawlShop(target(site.url('/')), testOptions({ maxPages: 6 }), env);
    expect(result.status).toBe('ok');
    expect(site.count('/contact')).toBe(0);
    expect(result.robots?.disallowed).toContain(site.url('/contact'));
    expect(result.pages.map((p) => new URL(p.finalUrl).pathname)).not.toContain('/contact');
  });

  it('ends with robots-disallowed when the home page is disallowed for shopreach', async () => {
    const site = await serve(shopRoutes('User-agent: shopreach\nDisallow: /\n\nUser-agent: *\nAllow: /\n'));
    const result = await crawlShop(target(site.url('/')), testOptions(), env);
    expect(result.status).toBe('robots-disallowed');
    expect(site.count('/')).toBe(0);
    expect(result.pages).toHaveLength(0);
  });

  it('can be told not to obey robots.txt, and says so', async () => {
    const site = await serve(shopRoutes('User-agent: *\nDisallow: /\n'));
    const result = await crawlShop(
      target(site.url('/')),
      testOptions({ obeyRobots: false, maxPages: 2 }),
      env,
    );
    expect(result.status).toBe('ok');
    expect(result.robots?.obeyed).toBe(false);
    expect(site.count('/robots.txt')).toBe(0);
  });

  it('refuses a loopback target without allowPrivateHosts, before any request', async () => {
    const site = await serve(shopRoutes());
    const result = await crawlShop(target(site.url('/')), testOptions({ allowPrivateHosts: false }), env);
    expect(result.status).toBe('private-host');
    expect(result.errors.some((e) => e.code === 'PRIVATE_HOST')).toBe(true);
    expect([...site.hits.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('refuses a name that resolves to loopback (localhost) without allowPrivateHosts', async () => {
    const site = await serve(shopRoutes());
    const result = await crawlShop(
      target(`http://localhost:${site.port}/`),
      testOptions({ allowPrivateHosts: false }),
      env,
    );
    expect(result.status).toBe('private-host');
    expect([...site.hits.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('falls back to well-known paths, unlinked, when no contact-like link exists', async () => {
    const site = await serve({
      '/': page('<a href="/shop">Shop</a>'),
      '/shop': page('<p>assortment</p>'),
      '/kontakt': page('<p>Telefon 030 123456</p>'),
    });
    const result = await crawlShop(target(site.url('/')), testOptions(), env);
    expect(result.status).toBe('ok');
    const kontakt = result.pages.find((p) => p.finalUrl === site.url('/kontakt'));
    expect(kontakt?.depth).toBeNull();
    expect(kontakt?.via).toBeNull();
    expect(site.count('/contact')).toBe(1); // tried before /kontakt, answered 404
    expect(result.errors.filter((e) => e.code === 'HTTP_404')).toHaveLength(0);
  });

  it('falls back to the sitemap (index, gzip file) when neither links nor well-known paths find a contact page', async () => {
    const site = await serve({
      '/robots.txt': 'User-agent: *\nAllow: /\nSitemap: /sitemap_index.xml\n',
      '/': page('<a href="/shop">Shop</a>'),
      '/shop': page('<p>assortment</p>'),
      '/sitemap_index.xml': (_q, s, fixture) =>
        s.writeHead(200, { 'content-type': 'application/xml' }).end(
          `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
           <sitemap><loc>${fixture.url('/sitemap-products.xml')}</loc></sitemap>
           <sitemap><loc>${fixture.url('/sitemap-pages.xml.gz')}</loc></sitemap></sitemapindex>`,
        ),
      '/sitemap-products.xml': (_q, s, fixture) =>
        s
          .writeHead(200, { 'content-type': 'application/xml' })
          .end(`<urlset><url><loc>${fixture.url('/p/1')}</loc></url></urlset>`),
      '/sitemap-pages.xml.gz': (_q, s, fixture) =>
        s
          .writeHead(200, { 'content-type': 'application/gzip' })
          .end(
            gzipSync(
              `<urlset><url><loc>${fixture.url('/over-ons')}</loc></url><url><loc><![CDATA[${fixture.url('/info/get-in-touch')}]]></loc></url></urlset>`,
            ),
          ),
      '/info/get-in-touch': page('<p>info@shop.test</p>'),
      '/over-ons': page('<p>about</p>'),
    });
    const result = await crawlShop(target(site.url('/')), testOptions(), env);
    expect(result.status).toBe('ok');
    const found = result.pages.find((p) => p.finalUrl === site.url('/info/get-in-touch'));
    expect(found?.depth).toBeNull();
    expect(site.count('/sitemap-pages.xml.gz')).toBe(1);
    expect(site.count('/over-ons')).toBe(0); // listed, but not contact-like
  });

  it('records the origin after a redirect to another host and keeps crawling there', async () => {
    const destination = await new FixtureSite(
      { '/': page('<a href="/contact">Contact</a>'), '/contact': page('<p>mail info@shop.test</p>') },
      'localhost',
    ).start();
    sites.push(destination);
    const origin = await serve({
      '/': (_req, res) => res.writeHead(301, { location: `http://localhost:${destination.port}/` }).end(),
    });
    const result = await crawlShop(target(origin.url('/')), testOptions(), env);
    expect(result.status).toBe('ok');
    expect(result.origin).toBe(`http://localhost:${destination.port}`);
    expect(result.pages[0].url).toBe(origin.url('/'));
    expect(result.pages[0].finalUrl).toBe(`http://localhost:${destination.port}/`);
    expect(result.pages.map((p) => new URL(p.finalUrl).pathname)).toContain('/contact');
  });
});
