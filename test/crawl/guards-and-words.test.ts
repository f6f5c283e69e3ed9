import type { LookupAddress } from 'node:dns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  hostIsAllowed,
  isPublicAddress,
  makeGuardedLookup,
  type Resolver,
} from '../../src/crawl/address-guard.js';
import { CrawlFailure } from '../../src/crawl/crawl-failure.js';
import { hasContactCandidates } from '../../src/crawl/discovery/contact-candidates.js';
import { extractLinks } from '../../src/crawl/discovery/link-extract.js';
import { rankLink, shouldSkipLink } from '../../src/crawl/discovery/link-rank.js';
import { siteOf } from '../../src/crawl/discovery/same-site.js';
import { charsetFromContentType, decodeBody, sniffMetaCharset } from '../../src/crawl/fetch/charset.js';
import { fetchStatic, parseRetryAfter } from '../../src/crawl/fetch/static-fetch.js';
import { HostScheduler } from '../../src/crawl/host-scheduler.js';
import { DEFAULT_CRAWL_OPTIONS, makeUserAgent } from '../../src/crawl/index.js';
import { FixtureSite, page } from './fixture-server.js';
import { testOptions } from './options.js';

afterEach(() => {
  vi.useRealTimers();
});

function fakeResolver(table: Record<string, string[]>): Resolver {
  return (hostname, _options, cb) => {
    const addresses = table[hostname];
    if (!addresses)
      return cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    cb(
      null,
      addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
}

function lookupAll(lookup: ReturnType<typeof makeGuardedLookup>, host: string, all = true) {
  return new Promise<{ err: NodeJS.ErrnoException | null; result: unknown }>((resolve) =>
    lookup(host, { all }, (err, result) => resolve({ err, result })),
  );
}

describe('address guard', () => {
  it('tells public addresses from private, loopback, link-local, unique-local and unspecified ones', () => {
    for (const ok of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8'])
      expect(isPublicAddress(ok), ok).toBe(true);
    for (const bad of [
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '100.64.0.1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(bad), bad).toBe(false);
    }
  });

  it('refuses a public-looking name that resolves to a private address, and keeps only public addresses of mixed names', async () => {
    const resolver = fakeResolver({
      'shop.example': ['10.0.0.7'],
      'mixed.example': ['192.168.0.2', '93.184.216.34'],
      'metadata.example': ['169.254.169.254'],
    });
    const guarded = makeGuardedLookup(false, resolver);
    const refused = await lookupAll(guarded, 'shop.example');
    expect(refused.err?.code).toBe('PRIVATE_HOST');
    expect((await lookupAll(guarded, 'metadata.example')).err?.code).toBe('PRIVATE_HOST');
    const mixed = await lookupAll(guarded, 'mixed.example');
    expect(mixed.err).toBeNull();
    expect(mixed.result).toEqual([{ address: '93.184.216.34', family: 4 }]);
    const single = await lookupAll(guarded, 'mixed.example', false);
    expect(single.result).toBe('93.184.216.34');
    const allowed = await lookupAll(makeGuardedLookup(true, resolver), 'shop.example');
    expect(allowed.result).toEqual([{ address: '10.0.0.7', family: 4 }]);
    expect((await lookupAll(guarded, 'missing.example')).err?.code).toBe('ENOTFOUND');
  });

  it('judges browser request hosts the same way', async () => {
    const resolver = fakeResolver({ 'inside.example': ['10.0.0.1'], 'outside.example': ['93.184.216.34'] });
    expect(await hostIsAllowed('inside.example', false, resolver)).toBe(false);
    expect(await hostIsAllowed('outside.example', false, resolver)).toBe(true);
    expect(await hostIsAllowed('[::1]', false, resolver)).toBe(false);
    expect(await hostIsAllowed('127.0.0.1', true, resolver)).toBe(true);
  });
});

describe('redirect into a refused address', () => {
  const sites: FixtureSite[] = [];
  afterEach(async () => {
    await Promise.all(sites.splice(0).map((s) => s.stop()));
  });

  it('checks every hop: a redirect to an address outside the policy is refused without a request', async () => {
    const inner = await new FixtureSite({ '/': page('secret') }).start();
    const outer = await new FixtureSite({
      '/': (_q, s) => s.writeHead(302, { location: `http://127.0.0.2:${inner.port}/` }).end(),
    }).start();
    sites.push(inner, outer);
    // The policy lets the test reach its own server on 127.0.0.1 and treats 127.0.0.2 as the private network.
    const policy = (address: string) => address === '127.0.0.1';
    const attempt = fetchStatic(outer.url('/'), {
      options: testOptions({ allowPrivateHosts: false }),
      scheduler: new HostScheduler(),
      accept: 'html',
      addressPolicy: policy,
    });
    await expect(attempt).rejects.toMatchObject({ status: 'private-host', code: 'PRIVATE_HOST' });
    expect(outer.count('/')).toBe(1);
    expect(inner.count('/')).toBe(0);
  });
});

describe('kept-alive connections and the address policy', () => {
  it('never reuses a connection opened under a lenient policy for a request under a strict one', async () => {
    // A name, not an address: the guard checks it when a connection is opened, not before.
    const site = await new FixtureSite({ '/': page('ok') }, 'localhost').start();
    try {
      const ctx = { scheduler: new HostScheduler(), accept: 'html' as const };
      const lenient = await fetchStatic(site.url('/'), {
        ...ctx,
        options: testOptions({ allowPrivateHosts: true }),
      });
      expect(lenient.status).toBe(200);
      const strict = fetchStatic(site.url('/'), {
        ...ctx,
        options: testOptions({ allowPrivateHosts: false }),
      });
      await expect(strict).rejects.toMatchObject({ code: 'PRIVATE_HOST' });
      await fetchStatic(site.url('/'), { ...ctx, options: testOptions({ allowPrivateHosts: true }) });
      expect(site.count('/')).toBe(2);
      expect(site.connections).toBe(1);
    } finally {
      await site.stop();
    }
  });
});

describe('link vocabulary', () => {
  const url = (path: string) => new URL(`https://www.shop.nl${path}`);
  it('ranks contact words above legal words above the rest, in several languages', () => {
    const contact = rankLink('Neem contact op', url('/x'));
    const kundenservice = rankLink('Kundenservice', url('/hilfe'));
    const impressum = rankLink('Impressum', url('/i'));
    const agb = rankLink('AGB', url('/agb'));
    const cgv = rankLink('Conditions générales de vente', url('/cgv'));
    const product = rankLink('Rode schoenen', url('/schoenen/rood'));
    expect(contact).toMatchObject({ category: 'contact', contactLike: true });
    expect(kundenservice).toMatchObject({ category: 'customer-service', contactLike: true });
    expect(impressum.contactLike).toBe(true);
    expect(agb.category).toBe('terms');
    expect(cgv.category).toBe('terms');
    expect(rankLink('Nous contacter', url('/nc')).category).toBe('contact');
    expect(contact.score).toBeGreaterThan(agb.score);
    expect(agb.score).toBeGreaterThan(0);
    expect(product.score).toBe(0);
    expect(rankLink('', url('/pages/contact-us')).category).toBe('contact');
    expect(rankLink('', url('/pages/contact-us')).score).toBeLessThan(contact.score);
  });

  it('skips login, cart, checkout, account and asset links, but not brands that merely start alike', () => {
    expect(shouldSkipLink('Inloggen', url('/x'))).toBe(true);
    expect(shouldSkipLink('', url('/checkout/cart'))).toBe(true);
    expect(shouldSkipLink('Mijn account', url('/y'))).toBe(true);
    expect(shouldSkipLink('', url('/customer/account/login'))).toBe(true);
    expect(shouldSkipLink('catalogue', url('/files/catalogus.zip'))).toBe(true);
    // PDFs are documents, followed when their label ranks (crawl-shop limits how many).
    expect(shouldSkipLink('Algemene voorwaarden', url('/files/voorwaarden.pdf'))).toBe(false);
    expect(shouldSkipLink('Cartier', url('/merken/cartier'))).toBe(false);
    expect(shouldSkipLink('Contact', url('/contact'))).toBe(false);
  });

  it('extracts followable links: resolved against <base>, without fragments, schemes or hidden links when rendered', () => {
    const html = `<html><head><base href="https://www.shop.nl/nl/"></head><body>
      <a href="contact">Contact</a><a href="#top">Top</a><a href="mailto:a@b.nl">mail</a><a href="tel:123">tel</a>
      <a href="javascript:void(0)">js</a><a href="/faq#q1"><img alt="Veelgestelde vragen"></a>
      <a href="/hidden" data-sr-hidden="1">Hidden</a><div data-sr-hidden="1"><a href="/deep-hidden">Deep</a></div></body></html>`;
    const rendered = extractLinks(html, 'https://www.shop.nl/nl/', true);
    expect(rendered).toEqual([
      { url: 'https://www.shop.nl/nl/contact', text: 'Contact' },
      { url: 'https://www.shop.nl/faq', text: 'Veelgestelde vragen' },
    ]);
    expect(extractLinks(html, 'https://www.shop.nl/nl/', false).map((l) => l.url)).toContain(
      'https://www.shop.nl/hidden',
    );
  });

  it('treats subdomains as the same site', () => {
    expect(siteOf('https://klantenservice.shop.co.uk/x')).toBe('shop.co.uk');
    expect(siteOf('https://www.shop.co.uk/')).toBe('shop.co.uk');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
  });

  it('gives the same site however often it is asked, for every way a URL can end its host', () => {
    const urls = [
      'https://www.shop.co.uk',
      'https://www.shop.co.uk?q=1',
      'https://www.shop.co.uk#top',
      'https://www.shop.co.uk\\contact',
      'https://user@www.shop.co.uk:8443/x',
      'HTTPS://WWW.SHOP.CO.UK/',
      'https://[::1]:8080/',
      'http://localhost/x',
      'not a url',
    ];
    const first = urls.map(siteOf);
    expect(first).toEqual([
      'shop.co.uk',
      'shop.co.uk',
      'shop.co.uk',
      'shop.co.uk',
      'shop.co.uk',
      'shop.co.uk',
      '[::1]',
      'localhost',
      null,
    ]);
    expect(urls.map(siteOf)).toEqual(first);
  });
});

describe('small parts', () => {
  it('reads charsets from the header, a meta tag, or a BOM', () => {
    expect(charsetFromContentType('text/html; charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(sniffMetaCharset(Buffer.from('<meta charset="windows-1252">'))).toBe('windows-1252');
    const bytes = Buffer.from('<p>caf\xe9</p>', 'latin1');
    expect(decodeBody(bytes, 'text/html; charset=windows-1252')).toBe('<p>café</p>');
    expect(decodeBody(bytes, 'text/html; charset=no-such-charset')).toBe('<p>caf\ufffd</p>');
    expect(
      decodeBody(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é')]),
        'text/html; charset=iso-8859-1',
      ),
    ).toBe('é');
  });

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('5')).toBe(5000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });

  // Fake timers: the scheduler's pauses are checked to the millisecond, not against a loaded clock.
  /** A task's own work, `ms` long on the fake clock (vi.useFakeTimers): no wall-clock time passes. */
  const workOnFakeClock = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('runs one request at a time per host with the delay between them, hosts in parallel', async () => {
    vi.useFakeTimers();
    const scheduler = new HostScheduler();
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (name: string) => async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`${name}@${Date.now()}`);
      await workOnFakeClock(20);
      running--;
    };
    const started = Date.now();
    const all = Promise.all([
      scheduler.run('a', 100, task('a1')),
      scheduler.run('a', 100, task('a2')),
      scheduler.run('a', 100, task('a3')),
      scheduler.run('b', 100, task('b1')),
    ]);
    await vi.runAllTimersAsync();
    await all;
    const at = (n: string) => Number(log.find((l) => l.startsWith(`${n}@`))?.split('@')[1]) - started;
    expect(at('a1')).toBe(0);
    expect(at('a2') - at('a1')).toBe(120);
    expect(at('a3') - at('a2')).toBe(120);
    expect(at('b1')).toBe(0);
    expect(maxRunning).toBe(2);
  });

  it("counts the pause from when a task's traffic ended, never starting the next before the task ends", async () => {
    vi.useFakeTimers();
    const scheduler = new HostScheduler();
    const started: number[] = [];
    /** A task of 150 ms whose last request ended `trafficMs` after it began. */
    const run = (trafficMs: number | null) => {
      let began = 0;
      return scheduler.run(
        'h',
        100,
        async () => {
          began = Date.now();
          started.push(began);
          await workOnFakeClock(150);
        },
        undefined,
        () => (trafficMs === null ? null : began + trafficMs),
      );
    };
    const pair = async (first: number | null) => {
      started.length = 0;
      const both = Promise.all([run(first), run(null)]);
      await vi.runAllTimersAsync();
      await both;
      return started[1] - started[0];
    };
    // Quiet after 20 ms: the pause is over by the task's end, so the next starts right away.
    expect(await pair(20)).toBe(150);
    await vi.advanceTimersByTimeAsync(1000);
    // Quiet after 100 ms: the next waits until 100 ms after that (200 ms after the first began).
    expect(await pair(100)).toBe(200);
    await vi.advanceTimersByTimeAsync(1000);
    // Traffic still in flight when the task ended (null): the pause counts from the end, as before.
    expect(await pair(null)).toBe(250);
  });

  it('lets a waiting request go when its shop is cancelled', async () => {
    const scheduler = new HostScheduler();
    let release = () => {};
    const blocker = scheduler.run('h', 0, () => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const waiting = scheduler.run('h', 0, async () => 'ran', controller.signal);
    controller.abort(new CrawlFailure({ status: 'timeout', code: 'ABORTED', message: 'stop' }));
    // The host stays busy until after the rejection: it is the abort that let the request go.
    await expect(waiting).rejects.toMatchObject({ code: 'ABORTED' });
    release();
    await blocker;
  });

  it('has the documented defaults and an honest user agent', () => {
    expect(DEFAULT_CRAWL_OPTIONS).toMatchObject({
      mode: 'static',
      maxPages: 15,
      maxDepth: 3,
      allowPrivateHosts: false,
      obeyRobots: true,
      pageTimeoutMs: 15_000,
      shopTimeoutMs: 90_000,
      hostDelayMs: 250,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 10,
    });
    expect(makeUserAgent('1.2.3')).toMatch(
      /^shopreach\/1\.2\.3 \(\+https:\/\/github\.com\/shopreach\/shopreach; contact-findability audit\)/,
    );
    expect(DEFAULT_CRAWL_OPTIONS.userAgent).toMatch(/^shopreach\/\d+\.\d+\.\d+ /);
  });
});

describe('contact candidates for the mobile pass', () => {
  it('sees tel:/mailto: links and phone or e-mail text, not image names, scripts or opening hours', () => {
    expect(hasContactCandidates('<a href="tel:+31201234567">Bel ons</a>')).toBe(true);
    expect(hasContactCandidates('<a href=mailto:info@shop.nl>mail</a>')).toBe(true);
    expect(hasContactCandidates('<p>Bel <span>020</span> <span>123 45 67</span></p>')).toBe(true);
    expect(hasContactCandidates('<p>Call +44 20 7946 0958</p>')).toBe(true);
    expect(hasContactCandidates('<p>service [at] shop.nl or info@shop.nl</p>')).toBe(true);
    expect(hasContactCandidates('<img src="logo@2x.png"><p>logo@2x.png</p>')).toBe(false);
    expect(hasContactCandidates('<script>var t = "020 123 4567";</script><p>Open 09.00-18.00</p>')).toBe(
      false,
    );
    expect(hasContactCandidates('<p>Welkom in onze winkel</p>')).toBe(false);
  });
});
