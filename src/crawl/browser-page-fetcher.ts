import type { Browser, BrowserContext, Page, Request, Response, Route } from 'playwright';
import { hostIsAllowed } from './address-guard.js';
import { annotateVisibility } from './browser-annotate.js';
import { handleConsent } from './consent.js';
import { CrawlFailure } from './crawl-failure.js';
import { settlesWithin, withDeadline } from './deadline.js';
import type { HostScheduler } from './host-scheduler.js';
import type { FetchedPage, PageFetcher } from './page-fetcher.js';
import { revealContactData } from './reveal.js';
import type { ConsentObservation, CrawlOptions } from './types.js';
import { checkedUrl } from './url-check.js';

const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'data:', 'blob:', 'about:']);
/** After DOMContentLoaded: wait for `load`, then up to this long for the network to go quiet. */
const LOAD_WAIT_MS = 5_000;
const NETWORK_IDLE_MS = 1_000;
/** Time allowed beyond pageTimeoutMs for settling, annotating and serialising: pageTimeoutMs, at most this. */
const MAX_AFTER_NAVIGATION_MS = 8_000;
const CLOSE_WAIT_MS = 3_000;

export interface BrowserFetcherHooks {
  /** Called when a page could not be closed: the browser is probably wedged and should be replaced. */
  onWedged(reason: string): void;
}

/**
 * A fresh browser context for one shop. Images, media and fonts are not loaded; every request's
 * host is checked against the private-address rule, so redirects and scripts cannot reach
 * into private space either.
 */
export async function createBrowserPageFetcher(
  browser: Browser,
  options: CrawlOptions,
  scheduler: HostScheduler,
  hostDelayMs: (host: string) => number,
  hooks: BrowserFetcherHooks,
): Promise<PageFetcher> {
  const context = await browser.newContext({
    userAgent: options.userAgent,
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
    acceptDownloads: false,
  });
  const hostVerdicts = new Map<string, Promise<boolean>>();
  const refusedUrls = new Set<string>();
  const session = { consentHandled: false };
  await context.route('**/*', (route) => guardRoute(route, options, hostVerdicts, refusedUrls));

  return {
    mode: 'browser',
    async fetch(url: string, signal: AbortSignal): Promise<FetchedPage> {
      const target = checkedUrl(url, options.allowPrivateHosts);
      const delay = Math.max(options.hostDelayMs, hostDelayMs(target.host));
      return scheduler.run(
        target.host,
        delay,
        () => renderPage(context, target.href, options, signal, refusedUrls, hooks, session),
        signal,
      );
    },
    async close() {
      if (!(await settlesWithin(context.close(), CLOSE_WAIT_MS)))
        hooks.onWedged('the browser context did not close');
    },
  };
}

async function guardRoute(
  route: Route,
  options: CrawlOptions,
  verdicts: Map<string, Promise<boolean>>,
  refused: Set<string>,
): Promise<void> {
  const request = route.request();
  try {
    if (BLOCKED_RESOURCES.has(request.resourceType())) return await route.abort('blockedbyclient');
    const url = new URL(request.url());
    if (!ALLOWED_SCHEMES.has(url.protocol)) return await route.abort('blockedbyclient');
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      let verdict = verdicts.get(url.hostname);
      if (!verdict) {
        verdict = hostIsAllowed(url.hostname, options.allowPrivateHosts);
        verdicts.set(url.hostname, verdict);
      }
      if (!(await verdict)) {
        refused.add(request.url());
        return await route.abort('blockedbyclient');
      }
    }
    await route.continue();
  } catch {
    // The page went away while we decided; nothing left to route.
  }
}

async function renderPage(
  context: BrowserContext,
  url: string,
  options: CrawlOptions,
  signal: AbortSignal,
  refusedUrls: Set<string>,
  hooks: BrowserFetcherHooks,
  session: { consentHandled: boolean },
): Promise<FetchedPage> {
  if (signal.aborted) throw watchdogFailure();
  const page = await context.newPage();
  const onAbort = () => void page.close({ runBeforeUnload: false }).catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const work = navigateAndRead(page, url, options, refusedUrls, session);
    const budget = options.pageTimeoutMs + Math.min(MAX_AFTER_NAVIGATION_MS, options.pageTimeoutMs);
    return await withDeadline(
      work,
      budget,
      () =>
        new CrawlFailure(
          'timeout',
          'RENDER_TIMEOUT',
          `the page did not finish rendering within ${budget} ms`,
          'render',
        ),
    );
  } catch (err) {
    if (signal.aborted) throw watchdogFailure();
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (!(await settlesWithin(page.close({ runBeforeUnload: false }), CLOSE_WAIT_MS))) {
      hooks.onWedged(`a page of ${url} did not close`);
    }
  }
}

async function navigateAndRead(
  page: Page,
  url: string,
  options: CrawlOptions,
  refusedUrls: Set<string>,
  session: { consentHandled: boolean },
): Promise<FetchedPage> {
  let response: Response | null;
  try {
    response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.pageTimeoutMs });
  } catch (err) {
    throw navigationFailure(err, url, refusedUrls);
  }
  if (!response) throw new CrawlFailure('error', 'NO_RESPONSE', 'the browser got no response', 'render');
  const status = response.status();
  if (redirectCount(response.request()) > options.maxRedirects) {
    throw new CrawlFailure(
      'redirect-loop',
      'TOO_MANY_REDIRECTS',
      `more than ${options.maxRedirects} redirects`,
      'render',
      status,
    );
  }
  if (status < 200 || status >= 300) {
    const crawlStatus = status === 401 || status === 403 || status === 429 ? 'blocked' : 'unreachable';
    throw new CrawlFailure(crawlStatus, `HTTP_${status}`, `HTTP ${status}`, 'render', status);
  }
  const contentType = (await response.headerValue('content-type').catch(() => null)) ?? null;
  if (contentType && !/^(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
    throw new CrawlFailure(
      'not-html',
      'NOT_HTML',
      `content type ${contentType} is not HTML`,
      'render',
      status,
    );
  }
  await page
    .waitForLoadState('load', { timeout: Math.min(LOAD_WAIT_MS, options.pageTimeoutMs) })
    .catch(() => {});
  await page.waitForLoadState('networkidle', { timeout: NETWORK_IDLE_MS }).catch(() => {});
  let consent: ConsentObservation | undefined;
  if (!session.consentHandled) {
    // The banner shows on the first page; the rejection is remembered by the shop's context.
    session.consentHandled = true;
    consent = (await handleConsent(page)) ?? { platform: null, action: 'none', coveredContactLink: null };
  }
  const html = await serialise(page, options, status);
  const fetched: FetchedPage = {
    requestedUrl: url,
    finalUrl: page.url(),
    httpStatus: status,
    contentType,
    html,
    fetchedWith: 'browser',
  };
  if (consent) fetched.consent = consent;
  const revealed: Array<{ html: string; description: string }> = [];
  await revealContactData(page, async (description) => {
    revealed.push({ html: await serialise(page, options, status), description });
  });
  if (revealed.length > 0) fetched.revealed = revealed;
  return fetched;
}

async function serialise(page: Page, options: CrawlOptions, status: number): Promise<string> {
  await annotateVisibility(page);
  const html = await page.content();
  if (Buffer.byteLength(html) > options.maxBytes) {
    throw new CrawlFailure(
      'too-large',
      'TOO_LARGE',
      `rendered page larger than ${options.maxBytes} bytes`,
      'render',
      status,
    );
  }
  return html;
}

function redirectCount(request: Request): number {
  let count = 0;
  for (let r = request.redirectedFrom(); r; r = r.redirectedFrom()) count++;
  return count;
}

function navigationFailure(err: unknown, url: string, refusedUrls: Set<string>): CrawlFailure {
  const message = (err as Error)?.message ?? String(err);
  if (/ERR_BLOCKED_BY_CLIENT/.test(message) && refusedUrls.size > 0) {
    return new CrawlFailure(
      'private-host',
      'PRIVATE_HOST',
      `refused a request into private address space (${[...refusedUrls][0]})`,
      'dns',
    );
  }
  if ((err as Error)?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(message)) {
    return new CrawlFailure('timeout', 'ETIMEDOUT', `navigation to ${url} timed out`, 'render');
  }
  const netCode = /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? 'ERROR';
  if (netCode === 'ERR_NAME_NOT_RESOLVED' || netCode === 'ERR_NAME_RESOLUTION_FAILED')
    return new CrawlFailure('dns-error', netCode, message, 'dns');
  if (netCode === 'ERR_TOO_MANY_REDIRECTS')
    return new CrawlFailure('redirect-loop', netCode, message, 'render');
  if (/^ERR_(CERT|SSL)_/.test(netCode)) return new CrawlFailure('tls-error', netCode, message, 'connect');
  if (/^ERR_(CONNECTION|ADDRESS|NETWORK|INTERNET|EMPTY_RESPONSE)/.test(netCode))
    return new CrawlFailure('unreachable', netCode, message, 'connect');
  if (netCode === 'ERR_ABORTED')
    return new CrawlFailure(
      'not-html',
      netCode,
      `the browser did not render ${url} (a download or an aborted navigation)`,
      'render',
    );
  return new CrawlFailure('error', netCode, message, 'render');
}

function watchdogFailure(): CrawlFailure {
  return new CrawlFailure('timeout', 'ABORTED', 'the shop watchdog stopped the crawl', 'watchdog');
}
