import type { Browser, BrowserContext, Route } from 'playwright';
import { type AddressPolicy, addressPolicy, hostIsAllowed } from '../address-guard.js';
import { failureFromNodeError, toCrawlError } from '../crawl-failure.js';
import { settlesWithin } from '../deadline.js';
import type { FetchedPage, FetchHow, PageFetcher } from '../fetch/page-fetcher.js';
import { MAX_ATTEMPTS, retryCap, retryDelay } from '../fetch/retry-policy.js';
import { type HostScheduler, sleep } from '../host-scheduler.js';
import type { CrawlOptions } from '../types.js';
import { checkedUrl } from '../url-check.js';
import { watchdogFailure } from './browser-failures.js';
import {
  type BrowserFetcherHooks,
  CLOSE_WAIT_MS,
  type PageTraffic,
  type RenderSession,
  renderPage,
} from './browser-render.js';
import { createTabPool, type TabPool } from './browser-tabs.js';
import { type GuardProxy, startGuardProxy } from './guard-proxy.js';
import { blocksResource } from './screenshot.js';

export type { BrowserFetcherHooks } from './browser-render.js';

const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'data:', 'blob:', 'about:']);
/** The mobile pass: a common phone's CSS viewport and a suffix that marks the user agent as mobile. */
const MOBILE_VIEWPORT = { width: 375, height: 812 };
const MOBILE_UA_SUFFIX = 'Mobile';

/** Whether a host may be reached, each host's verdict asked once per shop. */
type HostCheck = (hostname: string) => Promise<boolean>;

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
  /** Which addresses requests may go to; defaults to the allowPrivateHosts rule. */
  policy: AddressPolicy | boolean = options.allowPrivateHosts,
): Promise<PageFetcher> {
  const proxy = await startGuardProxy(
    typeof policy === 'function' ? policy : addressPolicy(policy),
    options.pageTimeoutMs * 2,
    options.maxBytes,
  );
  const context = await browser
    .newContext({
      proxy: { server: proxy.server },
      userAgent: options.userAgent,
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
      acceptDownloads: false,
    })
    .catch(async (err) => {
      await proxy.close();
      throw err;
    });
  const checkHost = memoHostCheck(policy);
  const refusedUrls = new Set<string>();
  const sessionOf = (tabs: TabPool) => renderSession(tabs, options, hooks, proxy, checkHost, refusedUrls);
  // Images load only where a screenshot is wanted: the screenshot must show what a visitor sees.
  const desktopBlocks = (type: string) => blocksResource(options, type, BLOCKED_RESOURCES);
  await context.route('**/*', (route) => guardRoute(route, checkHost, refusedUrls, desktopBlocks));
  const desktop = sessionOf(createTabPool(context));
  // The mobile pass's context, opened on first use: a phone-sized viewport, touch, a mobile UA.
  let mobileContext: Promise<BrowserContext> | null = null;
  let mobile: RenderSession | null = null;

  const renderIn = (session: RenderSession, url: string, signal: AbortSignal, how?: FetchHow) => {
    const target = checkedUrl(url, policy);
    const delay = Math.max(options.hostDelayMs, hostDelayMs(target.host));
    return withRetries(target.href, options, signal, hooks, () => {
      const traffic: PageTraffic = { endedAt: null };
      return scheduler.run(
        target.host,
        delay,
        () => renderPage(session, target.href, signal, traffic, how),
        signal,
        () => traffic.endedAt,
      );
    });
  };

  return {
    mode: 'browser',
    fetch: (url, signal, how) => renderIn(desktop, url, signal, how),
    async fetchMobile(url, signal) {
      mobileContext ??= openMobileContext(browser, options, proxy, checkHost, refusedUrls);
      mobile ??= sessionOf(createTabPool(await mobileContext));
      return renderIn(mobile, url, signal);
    },
    async close() {
      const mobileOpen = mobileContext ? await mobileContext.catch(() => null) : null;
      if (mobileOpen && !(await settlesWithin(mobileOpen.close(), CLOSE_WAIT_MS)))
        hooks.onWedged('the mobile browser context did not close');
      if (!(await settlesWithin(context.close(), CLOSE_WAIT_MS)))
        hooks.onWedged('the browser context did not close');
      await proxy.close();
    },
  };
}

/** One viewport's session; the desktop and the mobile pass each handle their own consent banner. */
function renderSession(
  tabs: TabPool,
  options: CrawlOptions,
  hooks: BrowserFetcherHooks,
  proxy: GuardProxy,
  checkHost: HostCheck,
  refusedUrls: Set<string>,
): RenderSession {
  return {
    tabs,
    options,
    hooks,
    refusedUrls,
    consentHandled: false,
    checkHost,
    upstreamError: (hostname) => proxy.upstreamErrors.get(hostname),
    cutAtByteLimit: (urls) => urls.some((u) => proxy.tooLarge.has(u)),
    onCut: (listener) => proxy.onTooLarge(listener),
  };
}

async function openMobileContext(
  browser: Browser,
  options: CrawlOptions,
  proxy: GuardProxy,
  checkHost: HostCheck,
  refusedUrls: Set<string>,
): Promise<BrowserContext> {
  const mobile = await browser.newContext({
    proxy: { server: proxy.server },
    userAgent: `${options.userAgent} ${MOBILE_UA_SUFFIX}`,
    viewport: MOBILE_VIEWPORT,
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'block',
    acceptDownloads: false,
  });
  const mobileBlocks = (type: string) => BLOCKED_RESOURCES.has(type);
  await mobile.route('**/*', (route) => guardRoute(route, checkHost, refusedUrls, mobileBlocks));
  return mobile;
}

/** Each host's verdict, asked once per shop and shared by the route guard and the redirect check. */
function memoHostCheck(policy: AddressPolicy | boolean): HostCheck {
  const verdicts = new Map<string, Promise<boolean>>();
  return (hostname) => {
    let verdict = verdicts.get(hostname);
    if (!verdict) {
      verdict = hostIsAllowed(hostname, policy);
      verdicts.set(hostname, verdict);
    }
    return verdict;
  };
}

/** The static fetcher's retry policy for rendered pages: 429/503 honour Retry-After, 5xx back off. */
async function withRetries(
  url: string,
  options: CrawlOptions,
  signal: AbortSignal,
  hooks: BrowserFetcherHooks,
  attemptOnce: () => Promise<FetchedPage>,
): Promise<FetchedPage> {
  const cap = retryCap(options.pageTimeoutMs);
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (err) {
      const failure = failureFromNodeError(err);
      const wait = retryDelay(failure, attempt);
      if (attempt >= MAX_ATTEMPTS || wait === null || wait > cap || signal.aborted) {
        if (attempt > 1) failure.attempt = attempt;
        throw failure;
      }
      hooks.onRetry?.(toCrawlError(url, failure, attempt));
      await sleep(wait, signal).catch(() => {
        throw watchdogFailure();
      });
    }
  }
}

async function guardRoute(
  route: Route,
  checkHost: HostCheck,
  refused: Set<string>,
  blocks: (resourceType: string) => boolean,
): Promise<void> {
  const request = route.request();
  try {
    if (blocks(request.resourceType())) return await route.abort('blockedbyclient');
    const url = new URL(request.url());
    if (!ALLOWED_SCHEMES.has(url.protocol)) return await route.abort('blockedbyclient');
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !(await checkHost(url.hostname))) {
      refused.add(request.url());
      return await route.abort('blockedbyclient');
    }
    await route.continue();
  } catch {
    // The page went away while we decided; nothing left to route.
  }
}
