import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlEnvironment, crawlShop, createCrawlEnvironment } from '../../src/crawl/index.js';
import type { CrawlOptions, CrawlResult } from '../../src/crawl/types.js';
import { FixtureSite, type Handler, page } from './fixture-server.js';
import { calendar, drip, hugePage, latinCharsetRoutes, tooManyRequestsOnce } from './hostile-routes.js';
import { target, testOptions } from './options.js';

let env: CrawlEnvironment;
const timings: Array<[string, number]> = [];
beforeAll(() => {
  env = createCrawlEnvironment();
});
afterAll(async () => {
  await env.close();
  const slowest = [...timings].sort((a, b) => b[1] - a[1]);
  console.log(`hostile static cases, slowest first: ${slowest.map(([n, ms]) => `${n} ${ms} ms`).join('; ')}`);
});

const sites: FixtureSite[] = [];
afterEach(async () => {
  await Promise.all(sites.splice(0).map((s) => s.stop()));
});

async function crawl(
  name: string,
  routes: Record<string, Handler | string>,
  overrides: Partial<CrawlOptions> = {},
) {
  const site = await new FixtureSite(routes).start();
  sites.push(site);
  const started = performance.now();
  const result = await crawlShop(target(site.url('/')), testOptions(overrides), env);
  const ms = Math.round(performance.now() - started);
  timings.push([name, ms]);
  return { site, result, ms };
}

const codes = (result: CrawlResult) => result.errors.map((e) => e.code);

describe('hostile sites, static mode', () => {
  it('ends an endless redirect loop with redirect-loop', async () => {
    const { result, site } = await crawl('redirect loop', {
      '/': (_q, s) => s.writeHead(302, { location: '/a' }).end(),
      '/a': (_q, s) => s.writeHead(302, { location: '/' }).end(),
    });
    // Ended by the loop, not the page deadline (a timeout), within maxRedirects and with no retry;
    // the time it takes is not the point.
    expect(result.status).toBe('redirect-loop');
    expect(site.count('/') + site.count('/a')).toBeLessThanOrEqual(testOptions().maxRedirects + 1);
  });

  it('ends an endless chain of new redirect targets after maxRedirects', async () => {
    const { result, site } = await crawl(
      'redirect chain',
      {
        '*': (q, s) =>
          s.writeHead(302, { location: `/r${Number(/\d+/.exec(q.url ?? '')?.[0] ?? 0) + 1}` }).end(),
      },
      { maxRedirects: 5 },
    );
    expect(result.status).toBe('redirect-loop');
    expect(codes(result)).toContain('TOO_MANY_REDIRECTS');
    expect(site.count('/r7')).toBe(0);
  });

  it('gives up on a 50 MB page at the byte limit', async () => {
    const { result, ms } = await crawl(
      '50 MB page',
      {
        '/': hugePage(50 * 1024 * 1024),
      },
      { maxBytes: 1024 * 1024 },
    );
    expect(result.status).toBe('too-large');
    expect(ms).toBeLessThan(3000);
  });

  it('refuses a declared 50 MB body without reading it', async () => {
    const { result } = await crawl('declared 50 MB', {
      '/': (_q, s) => {
        s.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
        s.write('<html>');
      },
    });
    expect(result.status).toBe('too-large');
  });

  it('ends a gzip bomb as too-large', async () => {
    const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024, ' '));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const { result, ms } = await crawl('gzip bomb', {
      '/': (_q, s) => s.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
    });
    expect(result.status).toBe('too-large');
    expect(ms).toBeLessThan(3000);
  });

  it('ends a body that drips one byte a second at the page deadline', async () => {
    const { result, ms } = await crawl('drip', { '/': drip() }, { pageTimeoutMs: 1500 });
    expect(result.status).toBe('timeout');
    expect(codes(result)).toContain('ETIMEDOUT');
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(3500);
  });

  it('ends a response that never ends (nor starts) at the page deadline', async () => {
    const { result, ms } = await crawl('never ends', { '/': () => {} }, { pageTimeoutMs: 1000 });
    expect(result.status).toBe('timeout');
    expect(ms).toBeLessThan(3000);
  });

  it('stops a crawler trap (endless calendar) at maxPages and maxDepth', async () => {
    const { result, site } = await crawl(
      'calendar trap',
      { '/': calendar, '/cal': calendar },
      { maxPages: 8, maxDepth: 3 },
    );
    expect(result.status).toBe('ok');
    expect(result.pages.length).toBeLessThanOrEqual(8);
    expect(Math.max(...result.pages.map((p) => p.depth ?? 0))).toBeLessThanOrEqual(3);
    expect(site.count('/cal')).toBeLessThanOrEqual(16);
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
    expect(ms).toBeLessThan(2000);
  });

  it('retries 500s with back-off, records each attempt, then calls the shop unreachable', async () => {
    const { result, site } = await crawl('500 forever', { '/': (_q, s) => s.writeHead(500).end('oops') });
    expect(result.status).toBe('unreachable');
    expect(site.count('/')).toBe(3);
    expect(result.errors.filter((e) => e.code === 'HTTP_500').map((e) => e.attempt)).toEqual([1, 2, 3]);
  });

  it('recovers from one 503 and one reset connection', async () => {
    let calls = 0;
    const { result } = await crawl(
      '503 then reset then ok',
      {
        '/': (q, s) => {
          calls++;
          if (calls === 1) return void s.writeHead(503).end();
          if (calls === 2) return void q.socket.destroy();
          s.writeHead(200, { 'content-type': 'text/html' }).end(page('ok'));
        },
      },
      { maxPages: 1 },
    );
    expect(result.status).toBe('ok');
    expect(result.errors.map((e) => e.attempt)).toEqual([1, 2]);
  });

  it('calls 403 blocked and a refused connection unreachable', async () => {
    const { result } = await crawl('403', { '/': (_q, s) => s.writeHead(403).end() });
    expect(result.status).toBe('blocked');
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await crawlShop(target(`http://127.0.0.1:${port}/`), testOptions(), env);
    expect(refused.status).toBe('unreachable');
    expect(refused.errors.map((e) => e.code)).toContain('ECONNREFUSED');
  });

  it('decodes windows-1252 from the header and iso-8859-1 from a meta tag', async () => {
    const { result } = await crawl('charsets', latinCharsetRoutes());
    expect(result.pages[0].html).toContain('Müller café');
    expect(result.pages[1].html).toContain('Straße über');
  });

  it('keeps a linked PDF as a document page without its body; a non-HTML home page ends the shop as not-html', async () => {
    const { result } = await crawl('pdf link', {
      '/': page('<a href="/contact">Contact</a><a href="/movie">Film</a>'),
      '/contact': (_q, s) => s.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
      '/movie': (_q, s) => s.writeHead(200, { 'content-type': 'video/mp4' }).end('....'),
    });
    expect(result.status).toBe('ok');
    const pdf = result.pages.find((p) => p.finalUrl.endsWith('/contact'));
    expect(pdf).toMatchObject({ contentType: 'application/pdf', html: '', depth: 1 });
    expect(result.errors).toContainEqual(
      expect.objectContaining({ url: expect.stringContaining('/movie'), code: 'NOT_HTML' }),
    );
    const { result: pdfHome } = await crawl('pdf home', {
      '/': (_q, s) => s.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF'),
    });
    expect(pdfHome.status).toBe('not-html');
    expect(pdfHome.pages).toHaveLength(0);
  });

  it('ends a slow shop at the watchdog with the pages it has (partial)', async () => {
    const drip: Handler = (_q, s) => {
      s.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => s.write(' '), 200);
      s.on('close', () => clearInterval(timer));
    };
    const links = Array.from({ length: 10 }, (_, i) => `<a href="/slow${i}">Contact ${i}</a>`).join('');
    const routes: Record<string, Handler | string> = { '/': page(links) };
    for (let i = 0; i < 10; i++) routes[`/slow${i}`] = drip;
    const { result, ms } = await crawl('watchdog', routes, { pageTimeoutMs: 800, shopTimeoutMs: 2000 });
    expect(result.status).toBe('partial');
    expect(result.pages).toHaveLength(1);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ stage: 'watchdog', code: 'SHOP_TIMEOUT' }),
    );
    expect(ms).toBeLessThan(2000 + 3500);
  });

  it('calls a shop whose home page never arrives before the watchdog a timeout', async () => {
    const { result, ms } = await crawl(
      'watchdog before home',
      { '/': () => {} },
      { pageTimeoutMs: 10_000, shopTimeoutMs: 1000 },
    );
    expect(result.status).toBe('timeout');
    expect(result.errors).toContainEqual(expect.objectContaining({ stage: 'watchdog' }));
    expect(ms).toBeLessThan(1000 + 3500);
  });
});
