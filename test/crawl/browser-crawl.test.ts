import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserPageFetcher } from '../../src/crawl/browser/browser-page-fetcher.js';
import { type CrawlEnvironment, crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import { slowAnswer } from '../waiting.js';
import { FixtureSite, type Handler, page } from './fixture-server.js';
import { target, testOptions } from './options.js';

let env: CrawlEnvironment;
beforeAll(() => {
  env = createCrawlEnvironment();
});
afterAll(async () => {
  await env.close();
});
const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((s) => s.stop()));
});
async function serve(routes: ConstructorParameters<typeof FixtureSite>[0]): Promise<FixtureSite> {
  const site = await new FixtureSite(routes).start();
  sites.push(site);
  return site;
}

const browserOptions = (overrides = {}) =>
  testOptions({ mode: 'browser', pageTimeoutMs: 3000, mobilePass: false, ...overrides });

describe('crawlShop, browser', () => {
  it("pauses hostDelayMs between the end of a page's last request and the next page's", async () => {
    const log: Array<{ path: string; at: number; end: number }> = [];
    const logged =
      (body: string, type: string, delayMs = 0): Handler =>
      (req, res) => {
        const entry = { path: new URL(req.url ?? '/', 'http://x').pathname, at: Date.now(), end: 0 };
        log.push(entry);
        void slowAnswer(delayMs).then(() => {
          res.writeHead(200, { 'content-type': type }).end(body);
          entry.end = Date.now();
        });
      };
    const html = 'text/html; charset=utf-8';
    const site = await serve({
      '/': logged(page('<a href="/contact">Contact</a><script src="/slow.js"></script>'), html),
      '/slow.js': logged('document.title = "loaded";', 'text/javascript', 300),
      '/contact': logged(page('<p>Bel 020 123 4567</p>'), html),
    });
    const result = await crawlShop(
      target(site.url('/')),
      browserOptions({ hostDelayMs: 400, maxPages: 2 }),
      env,
    );
    expect(result.pages.map((p) => new URL(p.finalUrl).pathname)).toEqual(['/', '/contact']);
    const contact = log.find((entry) => entry.path === '/contact');
    const before = log.filter((entry) => contact && entry.at < contact.at);
    expect(before.map((entry) => entry.path)).toEqual(['/', '/slow.js']);
    expect((contact?.at ?? 0) - Math.max(...before.map((entry) => entry.end))).toBeGreaterThanOrEqual(400);
  });

  it('renders pages, annotates them, follows visible links only, and blocks images', async () => {
    const site = await serve({
      '/': page(`
        <img src="/logo.png" alt="logo">
        <nav id="nav"></nav>
        <div style="display:none"><a href="/secret-contact">Contact (hidden)</a></div>
        <script>document.getElementById('nav').innerHTML = '<a href="/klantenservice">Klantenservice</a>';</script>`),
      '/klantenservice': page('<a href="/contact">Contact</a>'),
      '/contact': page('<p>Bel 020 123 4567</p>'),
      '/secret-contact': page('<p>hidden</p>'),
      '/logo.png': 'not really a png',
    });
    const result = await crawlShop(target(site.url('/')), browserOptions(), env);
    expect(result.status).toBe('ok');
    expect(result.mode).toBe('browser');
    expect(result.browserVersion).toMatch(/\d+\.\d+/);
    expect(env.browserVersion()).toBe(result.browserVersion);
    const paths = result.pages.map((p) => new URL(p.finalUrl).pathname);
    expect(paths).toEqual(['/', '/klantenservice', '/contact']);
    expect(result.pages[2].depth).toBe(2);
    expect(result.pages[1].via).toMatchObject({
      text: 'Klantenservice',
      fromUrl: site.url('/'),
      region: 'nav',
    });
    expect(result.pages[1].via?.box?.width).toBeGreaterThan(0);
    expect(result.pages[0].html).toContain('data-sr-rendered="1"');
    expect(result.pages[0].html).toContain('data-sr-hidden="1"');
    expect(result.pages.every((p) => p.fetchedWith === 'browser')).toBe(true);
    expect(site.count('/secret-contact')).toBe(0);
    expect(site.count('/logo.png')).toBe(0);
    expect(
      site.userAgents.filter((ua) => ua !== 'undefined').every((ua) => ua.startsWith('shopreach/')),
    ).toBe(true);
  });

  it('ends a page whose script loops forever at the page deadline, and the browser stays usable', async () => {
    const site = await serve({
      '/': page('<p>before</p><script>for (;;) {}</script><p>after</p>'),
    });
    const started = performance.now();
    const result = await crawlShop(target(site.url('/')), browserOptions({ pageTimeoutMs: 1500 }), env);
    const ms = Math.round(performance.now() - started);
    console.log(`browser endless-script case given up after ${ms} ms`);
    expect(result.status).toBe('timeout');
    expect(ms).toBeLessThan(2 * 1500 + 3000 + 1000);
    const healthy = await serve({ '/': page('<p>fine</p>') });
    const next = await crawlShop(target(healthy.url('/')), browserOptions({ maxPages: 1 }), env);
    expect(next.status).toBe('ok');
  });

  it('ends a page that starts looping after load at the render deadline', async () => {
    const site = await serve({
      '/': page(
        '<p>loaded</p><script>addEventListener("load", () => setTimeout(() => { for (;;) {} }, 50));</script>',
      ),
    });
    const started = performance.now();
    const result = await crawlShop(
      target(site.url('/')),
      browserOptions({ pageTimeoutMs: 1000, shopTimeoutMs: 30_000 }),
      env,
    );
    const ms = Math.round(performance.now() - started);
    console.log(
      `browser loop-after-load case given up after ${ms} ms with ${result.status} (${result.errors.map((e) => e.code).join(', ')})`,
    );
    expect(result.status).toBe('timeout');
    expect(ms).toBeLessThan(2 * 1000 + 3000 + 1000);
  });

  it('rejects a known consent banner, records the platform and that it covered the contact link', async () => {
    const site = await serve({
      '/': page(`
        <div id="CybotCookiebotDialog" style="position:fixed;inset:0;background:#fff;z-index:10">
          We use cookies <button id="CybotCookiebotDialogBodyButtonDecline" onclick="this.parentNode.remove()">Weigeren</button>
          <button id="accept" onclick="fetch('/accepted')">Accepteren</button></div>
        <main style="height:2000px">shop</main><footer><a href="/contact">Contact</a></footer>`),
      '/contact': page('<p>020 123 4567</p>'),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 2 }), env);
    expect(result.consent).toEqual({
      platform: 'Cookiebot',
      action: 'rejected',
      coveredContactLink: true,
      blocking: true,
      wall: false,
    });
    expect(result.pages[0].html).not.toContain('CybotCookiebotDialog');
    expect(site.count('/accepted')).toBe(0);
  });

  it('rejects a home-made banner by its button label', async () => {
    const site = await serve({
      '/': page(`<div class="cookie-banner" role="dialog">Cookies? <button onclick="this.parentNode.remove()">Alles weigeren</button>
        <button>Alles accepteren</button></div><a href="/contact">Contact</a>`),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 1 }), env);
    expect(result.consent).toMatchObject({
      platform: 'generic',
      action: 'rejected',
      coveredContactLink: false,
    });
  });

  it('clicks a "show number" control and keeps the revealed page as a second snapshot; never submits a form', async () => {
    const site = await serve({
      '/': page(`<p>Klantenservice</p><span id="n"></span>
        <button onclick="document.getElementById('n').textContent=['020','765','4321'].join(' ')">Toon telefoonnummer</button>
        <form action="/submitted" method="post"><button type="submit">Show number</button></form>
        <form action="/submitted2"><button type="button" onclick="this.form.submit()">Nummer anzeigen</button></form>`),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 3 }), env);
    expect(result.status).toBe('ok');
    const [plain, revealed] = result.pages;
    expect(plain.html).not.toContain('020 765 4321');
    expect(plain.afterInteraction).toBeUndefined();
    expect(revealed.afterInteraction).toBe('clicked "Toon telefoonnummer"');
    expect(revealed.html).toContain('020 765 4321');
    expect(revealed.finalUrl).toBe(plain.finalUrl);
    expect(result.pages).toHaveLength(2);
    expect(site.count('/submitted') + site.count('/submitted2')).toBe(0);
  });

  it('refuses a browser redirect, and a script request, into an address outside the policy', async () => {
    const inner = await new FixtureSite(
      { '/': page('secret'), '/beacon': 'x' },
      '127.0.0.2',
      '127.0.0.2',
    ).start();
    sites.push(inner);
    const outer = await serve({
      '/': (_q, s) => s.writeHead(302, { location: `http://127.0.0.2:${inner.port}/` }).end(),
      '/script': page(
        `<p>shop</p><script>fetch('http://127.0.0.2:${inner.port}/beacon').catch(() => {})</script>`,
      ),
    });
    // 127.0.0.1 plays the public internet, 127.0.0.2 the private network. Playwright does not route
    // redirect hops; the guarding proxy refuses them before they are sent.
    const onlyLoopbackOne = (address: string) => address === '127.0.0.1';
    const fetcher = await createBrowserPageFetcher(
      await env.browser(),
      browserOptions({ allowPrivateHosts: false }),
      env.scheduler,
      () => 0,
      { onWedged: () => {} },
      onlyLoopbackOne,
    );
    try {
      const signal = new AbortController().signal;
      await expect(fetcher.fetch(outer.url('/'), signal)).rejects.toMatchObject({ status: 'private-host' });
      const scripted = await fetcher.fetch(outer.url('/script'), signal);
      expect(scripted.html).toContain('shop');
      expect(inner.count('/beacon')).toBe(0);
      expect(inner.count('/')).toBe(0); // the redirect hop never left the guarding proxy
      const reached = await fetch(`http://127.0.0.2:${inner.port}/beacon`);
      expect(reached.status).toBe(200); // the private server was there to be reached
    } finally {
      await fetcher.close();
    }
  });

  it('ends a redirect loop in the browser with redirect-loop', async () => {
    const site = await serve({
      '/': (_q, s) => s.writeHead(302, { location: '/a' }).end(),
      '/a': (_q, s) => s.writeHead(302, { location: '/' }).end(),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions(), env);
    expect(result.status).toBe('redirect-loop');
  });

  it('renders pages with contact data again at a phone viewport, marked mobile, outside the click depth', async () => {
    const site = await serve({
      '/': page(`<a href="/about">Over ons</a><a href="/klantenservice">Klantenservice</a>
        <p id="vp"></p><script>document.getElementById('vp').textContent = 'width ' + innerWidth;</script>`),
      '/about': page('<p>Wij verkopen schoenen.</p>'),
      '/klantenservice': page(
        `<p>Mail <a href="mailto:info@shop.example">info@shop.example</a></p>
        <p id="vp"></p><script>document.getElementById('vp').textContent = 'width ' + innerWidth + ' ' + navigator.userAgent;</script>`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
      ),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ mobilePass: true }), env);
    expect(result.status).toBe('ok');
    const desktop = result.pages.filter((p) => p.viewport === 'desktop');
    const mobile = result.pages.filter((p) => p.viewport === 'mobile');
    expect(desktop.map((p) => new URL(p.finalUrl).pathname)).toEqual(['/', '/klantenservice', '/about']);
    expect(mobile.map((p) => new URL(p.finalUrl).pathname)).toEqual(['/klantenservice']);
    expect(mobile[0].depth).toBe(desktop[1].depth);
    expect(mobile[0].via).toEqual(desktop[1].via);
    expect(mobile[0].html).toMatch(/width 375 shopreach\/\S+.* Mobile/);
    expect(desktop[1].html).toContain('width 1280');
    expect(site.count('/klantenservice')).toBe(2);
    expect(site.count('/about')).toBe(1);
  });

  it('records linked PDFs as document pages, fetched over plain HTTP, also when the URL does not say PDF', async () => {
    const pdf = (_q: unknown, s: import('node:http').ServerResponse) =>
      s.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    const site = await serve({
      '/': page(`<a href="/docs/voorwaarden.pdf">Algemene voorwaarden</a>
        <a href="/download?id=7">Contactgegevens</a>`),
      '/docs/voorwaarden.pdf': pdf,
      '/download': pdf,
    });
    const result = await crawlShop(target(site.url('/')), browserOptions(), env);
    expect(result.status).toBe('ok');
    const documents = result.pages.filter((p) => p.contentType === 'application/pdf');
    expect(documents.map((p) => new URL(p.finalUrl).pathname).sort()).toEqual([
      '/docs/voorwaarden.pdf',
      '/download',
    ]);
    for (const document of documents) {
      expect(document).toMatchObject({ html: '', fetchedWith: 'static', depth: 1 });
    }
  });

  it('refuses a loopback target without allowPrivateHosts', async () => {
    const site = await serve({ '/': page('<p>hi</p>') });
    const result = await crawlShop(target(site.url('/')), browserOptions({ allowPrivateHosts: false }), env);
    expect(result.status).toBe('private-host');
    expect(site.count('/')).toBe(0);
  });
});
