import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { crawlShop } from '../../src/crawl/index.js';
import type { CrawlOptions } from '../../src/crawl/types.js';
import { useCrawlTestBed } from './crawl-env.js';
import { type Handler, page } from './fixture-server.js';
import { calendar, drip, hugePage, latinCharsetRoutes, tooManyRequestsOnce } from './hostile-routes.js';
import { target, testOptions } from './options.js';

// The hostile-site suite of hostile-static.test.ts, rendered by the browser: one browser for the file.
const { env: crawlEnv, serve } = useCrawlTestBed();
const timings: Array<[string, number]> = [];
afterAll(() => {
  const slowest = [...timings].sort((a, b) => b[1] - a[1]);
  console.log(
    `hostile browser cases, slowest first: ${slowest.map(([n, ms]) => `${n} ${ms} ms`).join('; ')}`,
  );
});

async function crawl(
  name: string,
  routes: Record<string, Handler | string>,
  overrides: Partial<CrawlOptions> = {},
) {
  const site = await serve(routes);
  const started = performance.now();
  const result = await crawlShop(
    target(site.url('/')),
    testOptions({ mode: 'browser', pageTimeoutMs: 2000, mobilePass: false, ...overrides }),
    crawlEnv(),
  );
  const ms = Math.round(performance.now() - started);
  timings.push([name, ms]);
  return { site, result, ms };
}

const html: Record<string, string> = { 'content-type': 'text/html' };

// A cut at the byte limit ends the page (and closes a tab that may take up to 3 s to close) well
// before this deadline; the margin keeps a loaded CI machine from looking like a missed cut.
const BYTE_LIMIT: Partial<CrawlOptions> = { maxBytes: 1024 * 1024, pageTimeoutMs: 10_000 };
const CUT_BEFORE_MS = 7000;

describe('hostile sites, browser mode', () => {
  it('ends an endless redirect loop with redirect-loop', async () => {
    const { result, site } = await crawl('redirect loop', {
      '/': (_q, s) => s.writeHead(302, { location: '/a' }).end(),
      '/a': (_q, s) => s.writeHead(302, { location: '/' }).end(),
    });
    // Ended by the loop, not the page deadline (that would be a timeout), and not followed further:
    // the browser gives up after 20 redirects and the shop is not retried. The time it takes is not
    // the point (on a loaded machine it is mostly launching the browser).
    expect(result.status).toBe('redirect-loop');
    expect(site.count('/') + site.count('/a')).toBeLessThanOrEqual(21);
  });

  it('gives up on a 50 MB page at the byte limit', async () => {
    const { result, ms } = await crawl(
      '50 MB page',
      {
        '/': hugePage(50 * 1024 * 1024),
      },
      BYTE_LIMIT,
    );
    expect(result.status).toBe('too-large');
    expect(ms).toBeLessThan(CUT_BEFORE_MS); // cut by the byte limit, not by the page deadline
  });

  it('ends a gzip bomb as too-large', async () => {
    const bomb = gzipSync(
      Buffer.concat([
        Buffer.from('<!doctype html><html><body><p>'),
        Buffer.alloc(60 * 1024 * 1024, ' '),
        Buffer.from('x</p>'),
      ]),
    );
    const { result, ms } = await crawl(
      'gzip bomb',
      { '/': (_q, s) => s.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(bomb) },
      BYTE_LIMIT,
    );
    expect(result.status).toBe('too-large');
    expect(ms).toBeLessThan(CUT_BEFORE_MS); // cut by the byte limit, not by the page deadline
  });

  // 10 MB of markup: too much to parse before the page deadline, so only a cut while loading ends it in time.
  const tenMegabytes = `<!doctype html><html><body>${'<div><span>020 123 4567</span></div>'.repeat(280_000)}</body></html>`;

  it('ends a 10 MB page with a declared length as too-large while loading, not at the deadline', async () => {
    const { result, ms } = await crawl(
      '10 MB with length',
      {
        '/': (_q, s) =>
          s
            .writeHead(200, { ...html, 'content-length': String(Buffer.byteLength(tenMegabytes)) })
            .end(tenMegabytes),
      },
      BYTE_LIMIT,
    );
    expect(result.status).toBe('too-large');
    expect(ms).toBeLessThan(CUT_BEFORE_MS);
  });

  it('counts a page the guard proxy cannot read (no content type, as through a tunnel) in the tab', async () => {
    const { result, ms } = await crawl(
      '10 MB without type',
      { '/': (_q, s) => s.writeHead(200).end(tenMegabytes) },
      BYTE_LIMIT,
    );
    expect(result.status).toBe('too-large');
    expect(ms).toBeLessThan(CUT_BEFORE_MS);
  });

  it('ends a body that drips one byte a second at the page deadline', async () => {
    const { result, ms } = await crawl('drip', { '/': drip() });
    expect(result.status).toBe('timeout');
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(2 * 2000 + 3000);
  });

  it('ends a response that never starts at the page deadline', async () => {
    const { result, ms } = await crawl('never ends', { '/': () => {} });
    expect(result.status).toBe('timeout');
    expect(ms).toBeLessThan(2 * 2000 + 3000);
  });

  it('ends a page whose script loops forever, and the browser stays usable', async () => {
    const { result, ms } = await crawl('script loop', {
      '/': page('<p>before</p><script>for (;;) {}</script><p>after</p>'),
    });
    expect(result.status).toBe('timeout');
    expect(ms).toBeLessThan(2 * 2000 + 3000 + 1000);
    const { result: next } = await crawl('healthy after loop', { '/': page('<p>fine</p>') }, { maxPages: 1 });
    expect(next.status).toBe('ok');
  });

  it('ends a page that starts looping after load at the render deadline', async () => {
    const { result, ms } = await crawl(
      'loop after load',
      {
        '/': page(
          '<p>loaded</p><script>addEventListener("load", () => setTimeout(() => { for (;;) {} }, 50));</script>',
        ),
      },
      { pageTimeoutMs: 1000 },
    );
    expect(result.status).toBe('timeout');
    expect(ms).toBeLessThan(2 * 1000 + 3000 + 1000);
  });

  it('stops a crawler trap (endless calendar) at maxPages and maxDepth', async () => {
    const { result, site } = await crawl(
      'calendar trap',
      { '/': calendar, '/cal': calendar },
      { maxPages: 5, maxDepth: 3 },
    );
    expect(result.status).toBe('ok');
    expect(result.pages.length).toBeLessThanOrEqual(5);
    expect(Math.max(...result.pages.map((p) => p.depth ?? 0))).toBeLessThanOrEqual(3);
    expect(site.count('/cal')).toBeLessThanOrEqual(10);
  });

  it('honours 429 Retry-After, records the attempt and succeeds', async () => {
    const { result, ms } = await crawl('429 then ok', { '/': tooManyRequestsOnce() }, { maxPages: 1 });
    expect(result.status).toBe('ok');
    expect(result.errors).toContainEqual(expect.objectContaining({ code: 'HTTP_429', attempt: 1 }));
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it('does not wait an hour for Retry-After: 3600, the shop is blocked', async () => {
    const { result, ms } = await crawl('429 for an hour', {
      '/': (_q, s) => s.writeHead(429, { 'retry-after': '3600' }).end(),
    });
    expect(result.status).toBe('blocked');
    expect(ms).toBeLessThan(4000);
  });

  it('retries 500s with back-off, records each attempt, then calls the shop unreachable', async () => {
    const { result, site } = await crawl('500 forever', {
      '/': (_q, s) => s.writeHead(500, html).end('oops'),
    });
    expect(result.status).toBe('unreachable');
    expect(site.count('/')).toBe(3);
    expect(result.errors.filter((e) => e.code === 'HTTP_500').map((e) => e.attempt)).toEqual([1, 2, 3]);
  });

  it('decodes windows-1252 from the header and iso-8859-1 from a meta tag', async () => {
    const { result } = await crawl('charsets', latinCharsetRoutes());
    expect(result.pages[0].html).toContain('Müller café');
    expect(result.pages[1].html).toContain('Straße über');
  });

  it('gives a cookie wall the status consent-wall without consenting', async () => {
    const { result, site } = await crawl('cookie wall', {
      '/': page(
        `<div id="CybotCookiebotDialog" style="position:fixed;inset:0;background:#fff">Wij gebruiken cookies.
          <button onclick="fetch('/accepted')">Alle cookies toestaan</button></div>
          <main style="height:3000px"><a href="/contact">Contact</a></main>`,
        '<style>body{overflow:hidden}</style>',
      ),
      '/contact': page('<p>020 123 4567</p>'),
    });
    expect(result.status).toBe('consent-wall');
    expect(result.consent).toMatchObject({ platform: 'Cookiebot', action: 'none', wall: true });
    expect(site.count('/accepted') + site.count('/contact')).toBe(0);
  });

  it('crawls a chat-only shop without starting a conversation', async () => {
    const { result, site } = await crawl('chat only', {
      '/': page(`<a href="/klantenservice">Klantenservice</a>
        <div id="chat"><button onclick="fetch('/chat/start')">Start chat</button></div>
        <iframe src="/chat/frame" title="chat"></iframe>`),
      '/klantenservice': page('<p>Vragen? Gebruik onze chat.</p>'),
      '/chat/frame': page('<p>Hoi! Waarmee kan ik helpen?</p>'),
    });
    expect(result.status).toBe('ok');
    expect(result.pages.map((p) => new URL(p.finalUrl).pathname)).toEqual(['/', '/klantenservice']);
    expect(result.pages[0].html).toContain('/chat/frame');
    expect(site.count('/chat/start')).toBe(0);
  });

  it('follows a shop that redirects to another host and keeps both hosts in scope', async () => {
    const moved = await serve(
      {
        '/': page('<a href="/contact">Contact</a>'),
        '/contact': page('<p>info@shop.example</p>'),
      },
      '127.0.0.2',
    );
    const { result, site } = await crawl('redirect to another host', {
      '/': (_q, s) => s.writeHead(301, { location: moved.url('/') }).end(),
    });
    expect(result.status).toBe('ok');
    expect(result.origin).toBe(moved.origin);
    expect(result.pages.map((p) => p.finalUrl)).toEqual([moved.url('/'), moved.url('/contact')]);
    expect(result.pages[0].url).toBe(site.url('/'));
  });
});
