import type { Browser, BrowserContext, CDPSession, Page, Request, Response, Route } from 'playwright';
import { type AddressPolicy, addressPolicy, hostIsAllowed } from './address-guard.js';
import { type RenderedRead, readRenderedPage } from './browser-read.js';
import { createTabPool, type Tab, type TabPool } from './browser-tabs.js';
import { handleConsent } from './consent.js';
import {
  CrawlFailure,
  type CrawlFailureInit,
  failureFromNodeError,
  passedOnCode,
  toCrawlError,
} from './crawl-failure.js';
import { settlesWithin, withDeadline } from './deadline.js';
import { startGuardProxy } from './guard-proxy.js';
import { type HostScheduler, sleep } from './host-scheduler.js';
import type { FetchedPage, FetchHow, PageFetcher, RevealedView } from './page-fetcher.js';
import { MAX_ATTEMPTS, parseRetryAfter, retryCap, retryDelay } from './retry-policy.js';
import { revealContactData } from './reveal.js';
import { blocksResource, recordPageArtifacts } from './screenshot.js';
import { locateTexts } from './text-locate.js';
import type { ConsentObservation, CrawlError, CrawlOptions } from './types.js';
import { checkedUrl } from './url-check.js';

const BLOCKED_RESOURCES = new Set(['image', 'media', 'font']);
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'data:', 'blob:', 'about:']);
/** After DOMContentLoaded: wait for `load`, then up to this long for the network to go quiet. */
const LOAD_WAIT_MS = 5_000;
const NETWORK_IDLE_MS = 1_000;
/** After `load`, this long without a request in flight counts as settled (scripts that fetch contact blocks are done). */
const NETWORK_QUIET_MS = 250;
/** Time allowed beyond pageTimeoutMs for settling, annotating and serialising: pageTimeoutMs, at most this. */
const MAX_AFTER_NAVIGATION_MS = 8_000;
const CLOSE_WAIT_MS = 3_000;
/** The mobile pass: a common phone's CSS viewport and a suffix that marks the user agent as mobile. */
const MOBILE_VIEWPORT = { width: 375, height: 812 };
const MOBILE_UA_SUFFIX = 'Mobile';

export interface BrowserFetcherHooks {
  /** Called when a page could not be closed: the browser is probably wedged and should be replaced. */
  onWedged(reason: string): void;
  /** Called for each attempt that failed (429, 5xx) and is tried again after a wait. */
  onRetry?(error: CrawlError): void;
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
  // The mobile pass's context, opened on first use: a phone-sized viewport, touch, a mobile UA.
  let mobileContext: Promise<BrowserContext> | null = null;
  let mobileTabs: TabPool | null = null;
  const openMobileContext = async (): Promise<BrowserContext> => {
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
    await mobile.route('**/*', (route) => guardRoute(route, policy, hostVerdicts, refusedUrls, mobileBlocks));
    return mobile;
  };
  const hostVerdicts = new Map<string, Promise<boolean>>();
  const refusedUrls = new Set<string>();
  const checkHost = (hostname: string): Promise<boolean> => {
    let verdict = hostVerdicts.get(hostname);
    if (!verdict) {
      verdict = hostIsAllowed(hostname, policy);
      hostVerdicts.set(hostname, verdict);
    }
    return verdict;
  };
  const session: BrowserSession = {
    consentHandled: false,
    checkHost,
    upstreamError: (hostname) => proxy.upstreamErrors.get(hostname),
    cutAtByteLimit: (urls) => urls.some((u) => proxy.tooLarge.has(u)),
    onCut: (listener) => proxy.onTooLarge(listener),
  };
  const mobileSession: BrowserSession = { ...session, consentHandled: false };
  // Images load only where a screenshot is wanted: the screenshot must show what a visitor sees.
  const desktopBlocks = (type: string) => blocksResource(options, type, BLOCKED_RESOURCES);
  await context.route('**/*', (route) => guardRoute(route, policy, hostVerdicts, refusedUrls, desktopBlocks));
  const desktopTabs = createTabPool(context);

  const renderIn = (
    tabs: TabPool,
    inSession: BrowserSession,
    url: string,
    signal: AbortSignal,
    how?: FetchHow,
  ): Promise<FetchedPage> => {
    const target = checkedUrl(url, policy);
    const delay = Math.max(options.hostDelayMs, hostDelayMs(target.host));
    return withRetries(target.href, options, signal, hooks, () => {
      const traffic: PageTraffic = { endedAt: null };
      return scheduler.run(
        target.host,
        delay,
        () => renderPage(tabs, target.href, options, signal, refusedUrls, hooks, inSession, traffic, how),
        signal,
        () => traffic.endedAt,
      );
    });
  };

  return {
    mode: 'browser',
    fetch: (url, signal, how) => renderIn(desktopTabs, session, url, signal, how),
    async fetchMobile(url, signal) {
      mobileContext ??= openMobileContext();
      mobileTabs ??= createTabPool(await mobileContext);
      return renderIn(mobileTabs, mobileSession, url, signal);
    },
    async close() {
      const mobile = mobileContext ? await mobileContext.catch(() => null) : null;
      if (mobile && !(await settlesWithin(mobile.close(), CLOSE_WAIT_MS)))
        hooks.onWedged('the mobile browser context did not close');
      if (!(await settlesWithin(context.close(), CLOSE_WAIT_MS)))
        hooks.onWedged('the browser context did not close');
      await proxy.close();
    },
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
  policy: AddressPolicy | boolean,
  verdicts: Map<string, Promise<boolean>>,
  refused: Set<string>,
  blocks: (resourceType: string) => boolean,
): Promise<void> {
  const request = route.request();
  try {
    if (blocks(request.resourceType())) return await route.abort('blockedbyclient');
    const url = new URL(request.url());
    if (!ALLOWED_SCHEMES.has(url.protocol)) return await route.abort('blockedbyclient');
    if (url.protocol === 'http:' || url.protocol === 'https:') {
      let verdict = verdicts.get(url.hostname);
      if (!verdict) {
        verdict = hostIsAllowed(url.hostname, policy);
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

/** When a rendered page's last request ended, as its tab saw it once the page was read. */
interface PageTraffic {
  endedAt: number | null;
}

async function renderPage(
  tabs: TabPool,
  url: string,
  options: CrawlOptions,
  signal: AbortSignal,
  refusedUrls: Set<string>,
  hooks: BrowserFetcherHooks,
  session: BrowserSession,
  traffic: PageTraffic,
  how?: FetchHow,
): Promise<FetchedPage> {
  if (signal.aborted) throw watchdogFailure();
  const tab = await tabs.take(url);
  const page = tab.page;
  const onAbort = () => void page.close({ runBeforeUnload: false }).catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  let clean = false;
  try {
    const work = navigateAndRead(tab, url, options, refusedUrls, session, how);
    const budget = options.pageTimeoutMs + Math.min(MAX_AFTER_NAVIGATION_MS, options.pageTimeoutMs);
    const fetched = await withDeadline(
      work,
      budget,
      () =>
        new CrawlFailure({
          status: 'timeout',
          code: 'RENDER_TIMEOUT',
          message: `the page did not finish rendering within ${budget} ms`,
          stage: 'render',
        }),
    );
    clean = true;
    // The host's pause starts when the page's traffic ended, not when reading it did.
    traffic.endedAt = tab.network.quietSince();
    return fetched;
  } catch (err) {
    if (signal.aborted) throw watchdogFailure();
    // A page cut at the byte limit that then ran out of time is too large, not slow.
    if (tab.size.exceeded || session.cutAtByteLimit(tab.navigations)) throw tooLargeFailure(options);
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (clean && !signal.aborted) tabs.giveBack(tab);
    else if (!(await settlesWithin(page.close({ runBeforeUnload: false }), CLOSE_WAIT_MS))) {
      hooks.onWedged(`a page of ${url} did not close`);
    }
  }
}

interface BrowserSession {
  consentHandled: boolean;
  checkHost(hostname: string): Promise<boolean>;
  /** Why the guarding proxy could not connect to a host, if it could not. */
  upstreamError(hostname: string): string | undefined;
  /** Whether the guarding proxy cut one of these URLs' HTML at the byte limit. */
  cutAtByteLimit(urls: string[]): boolean;
  /** Calls `listener` with each URL the guarding proxy cuts from now on; returns the unsubscribe. */
  onCut(listener: (url: string) => void): () => void;
}

/**
 * Playwright does not route the hops of a redirect. The guarding proxy refuses them before they
 * are sent; this check afterwards makes sure such a navigation ends as private-host and that no
 * content reached through a refused address is used.
 */
async function refusedHop(urls: string[], session: BrowserSession): Promise<string | null> {
  for (const url of urls) {
    let hostname: string;
    try {
      hostname = new URL(url).hostname;
    } catch {
      continue;
    }
    if (!/^https?:/.test(url)) continue;
    if (!(await session.checkHost(hostname))) return url;
  }
  return null;
}

async function navigateAndRead(
  tab: Tab,
  url: string,
  options: CrawlOptions,
  refusedUrls: Set<string>,
  session: BrowserSession,
  how?: FetchHow,
): Promise<FetchedPage> {
  const { page, network, navigations } = tab;
  const refuseIfPrivate = async () => {
    const refused = await refusedHop(navigations, session);
    if (refused) {
      throw new CrawlFailure({
        status: 'private-host',
        code: 'PRIVATE_HOST',
        message: `a redirect led into private address space (${refused})`,
        stage: 'dns',
      });
    }
  };
  const refuseIfCut = () => {
    if (session.cutAtByteLimit(navigations) || tab.size.exceeded) throw tooLargeFailure(options);
  };
  let response: Response | null;
  tab.size.start(options.maxBytes);
  try {
    // A document past the byte limit (counted by the tab, or cut by the proxy) ends the navigation
    // at once, whatever the browser still waits for (the rest of a declared length).
    let unsubscribe = () => {};
    const cut = Promise.race([
      tab.size.whenExceeded(),
      new Promise<void>((resolve) => {
        unsubscribe = session.onCut((cutUrl) => {
          if (navigations.includes(cutUrl)) resolve();
        });
      }),
    ]).then(() => {
      throw tooLargeFailure(options);
    });
    cut.catch(() => {});
    try {
      response = await Promise.race([
        page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.pageTimeoutMs }),
        cut,
      ]);
    } finally {
      unsubscribe();
    }
  } catch (err) {
    await refuseIfPrivate();
    refuseIfCut();
    throw navigationFailure(err, url, refusedUrls, session);
  }
  await refuseIfPrivate();
  refuseIfCut();
  if (!response)
    throw new CrawlFailure({
      status: 'error',
      code: 'NO_RESPONSE',
      message: 'the browser got no response',
      stage: 'render',
    });
  const status = response.status();
  if (redirectCount(response.request()) > options.maxRedirects) {
    throw new CrawlFailure({
      status: 'redirect-loop',
      code: 'TOO_MANY_REDIRECTS',
      message: `more than ${options.maxRedirects} redirects`,
      stage: 'render',
      httpStatus: status,
    });
  }
  if (status < 200 || status >= 300) {
    const crawlStatus = status === 401 || status === 403 || status === 429 ? 'blocked' : 'unreachable';
    const proxyError = await response.headerValue('x-shopreach-upstream-error').catch(() => null);
    if (proxyError) {
      throw failureFromNodeError(
        Object.assign(new Error(`${proxyError} for ${response.url()}`), { code: proxyError }),
      );
    }
    const retryAfter = await response.headerValue('retry-after').catch(() => null);
    throw new CrawlFailure({
      status: crawlStatus,
      code: `HTTP_${status}`,
      message: `HTTP ${status}`,
      stage: 'render',
      httpStatus: status,
      retryAfterMs: parseRetryAfter(retryAfter),
    });
  }
  // The provisional headers are at hand; headerValue() would cost a round trip to the browser.
  const contentType = response.headers()['content-type'] ?? null;
  if (contentType && !/^(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
    throw new CrawlFailure({
      status: 'not-html',
      code: 'NOT_HTML',
      message: `content type ${contentType} is not HTML`,
      stage: 'render',
      httpStatus: status,
    });
  }
  await page
    .waitForLoadState('load', { timeout: Math.min(LOAD_WAIT_MS, options.pageTimeoutMs) })
    .catch(() => {});
  await network.settled(NETWORK_QUIET_MS, NETWORK_IDLE_MS);
  let consent: ConsentObservation | undefined;
  if (!session.consentHandled) {
    // The banner shows on the first page; the rejection is remembered by the shop's context.
    session.consentHandled = true;
    consent = (await handleConsent(page)) ?? { platform: null, action: 'none', coveredContactLink: null };
  }
  const cdp = await tab.cdp.catch(() => null);
  const { html, revealable, links } = await serialise(page, cdp, options, status);
  await refuseIfPrivate();
  const fetched: FetchedPage = {
    requestedUrl: url,
    finalUrl: page.url(),
    httpStatus: status,
    contentType,
    html,
    fetchedWith: 'browser',
    links,
  };
  if (consent) fetched.consent = consent;
  if (how?.evidence) {
    // The boxes are measured in the document the screenshot is then taken of.
    fetched.located = await locateTexts(page, how.evidence.needles).catch(() => undefined);
    await recordPageArtifacts(page, fetched, options, 'always', false);
    return fetched;
  }
  // The first page of a shop's context is its home page, the one that handles the consent banner.
  await recordPageArtifacts(page, fetched, options, consent !== undefined ? 'always' : 'if-boxed');
  if (revealable) {
    const revealed: RevealedView[] = [];
    await revealContactData(page, async (description) => {
      const view: RevealedView = { html: (await serialise(page, cdp, options, status)).html, description };
      // Shot after the click: the crop of a revealed number must show the number, not the button.
      await recordPageArtifacts(page, view, options, 'always');
      revealed.push(view);
    });
    if (revealed.length > 0) fetched.revealed = revealed;
  }
  return fetched;
}

async function serialise(
  page: Page,
  cdp: CDPSession | null,
  options: CrawlOptions,
  status: number,
): Promise<RenderedRead> {
  const read = await readRenderedPage(page, cdp);
  if (Buffer.byteLength(read.html) > options.maxBytes) {
    throw new CrawlFailure({
      status: 'too-large',
      code: 'TOO_LARGE',
      message: `rendered page larger than ${options.maxBytes} bytes`,
      stage: 'render',
      httpStatus: status,
    });
  }
  return read;
}

function redirectCount(request: Request): number {
  let count = 0;
  for (let r = request.redirectedFrom(); r; r = r.redirectedFrom()) count++;
  return count;
}

function navigationFailure(
  err: unknown,
  url: string,
  refusedUrls: Set<string>,
  session: BrowserSession,
): CrawlFailure {
  const message = (err as Error)?.message ?? String(err);
  // Through the guarding proxy, connection failures arrive as tunnel errors: ask the proxy why.
  const proxied = /ERR_TUNNEL_CONNECTION_FAILED|ERR_PROXY/.test(message)
    ? session.upstreamError(new URL(url).hostname)
    : undefined;
  if (proxied)
    return failureFromNodeError(Object.assign(new Error(`${proxied} for ${url}`), { code: proxied }));
  if (/ERR_BLOCKED_BY_CLIENT/.test(message) && refusedUrls.size > 0) {
    return new CrawlFailure({
      status: 'private-host',
      code: 'PRIVATE_HOST',
      message: `refused a request into private address space (${[...refusedUrls][0]})`,
      stage: 'dns',
    });
  }
  if ((err as Error)?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(message)) {
    return new CrawlFailure({
      status: 'timeout',
      code: 'ETIMEDOUT',
      message: `navigation to ${url} timed out`,
      stage: 'render',
    });
  }
  if (/Download is starting/i.test(message))
    return new CrawlFailure({
      status: 'not-html',
      code: 'DOWNLOAD',
      message: `${url} is a download, not a page`,
      stage: 'render',
    });
  const netCode = /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? 'ERROR';
  const kind = netErrorKind(netCode);
  const described =
    netCode === 'ERR_ABORTED'
      ? `the browser did not render ${url} (a download or an aborted navigation)`
      : message;
  return new CrawlFailure({ ...kind, code: passedOnCode(netCode), message: described });
}

/** What a Chromium net::ERR_… code means for the page. */
function netErrorKind(netCode: string): Pick<CrawlFailureInit, 'status' | 'stage'> {
  if (netCode === 'ERR_NAME_NOT_RESOLVED' || netCode === 'ERR_NAME_RESOLUTION_FAILED')
    return { status: 'dns-error', stage: 'dns' };
  if (netCode === 'ERR_TOO_MANY_REDIRECTS') return { status: 'redirect-loop', stage: 'render' };
  if (/^ERR_(CERT|SSL)_/.test(netCode)) return { status: 'tls-error', stage: 'connect' };
  if (/^ERR_(CONNECTION|ADDRESS|NETWORK|INTERNET|EMPTY_RESPONSE)/.test(netCode))
    return { status: 'unreachable', stage: 'connect' };
  if (netCode === 'ERR_ABORTED') return { status: 'not-html', stage: 'render' };
  return { status: 'error', stage: 'render' };
}

function tooLargeFailure(options: CrawlOptions): CrawlFailure {
  return new CrawlFailure({
    status: 'too-large',
    code: 'TOO_LARGE',
    message: `page larger than ${options.maxBytes} bytes (decoded)`,
    stage: 'render',
  });
}

function watchdogFailure(): CrawlFailure {
  return new CrawlFailure({
    status: 'timeout',
    code: 'ABORTED',
    message: 'the shop watchdog stopped the crawl',
    stage: 'watchdog',
  });
}
