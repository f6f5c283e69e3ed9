import type { CDPSession, Page, Request, Response } from 'playwright';
import { handleConsent } from '../consent/consent.js';
import { CrawlFailure, failureFromNodeError } from '../crawl-failure.js';
import { settlesWithin, withDeadline } from '../deadline.js';
import type { FetchedPage, FetchHow, RevealedView } from '../fetch/page-fetcher.js';
import { parseRetryAfter } from '../fetch/retry-policy.js';
import type { ConsentObservation, CrawlError, CrawlOptions } from '../types.js';
import { navigationFailure, tooLargeFailure, watchdogFailure } from './browser-failures.js';
import { type RenderedRead, readRenderedPage } from './browser-read.js';
import type { Tab, TabPool } from './browser-tabs.js';
import { revealContactData } from './reveal.js';
import { recordPageArtifacts } from './screenshot.js';
import { locateTexts } from './text-locate.js';

/** After DOMContentLoaded: wait for `load`, then up to this long for the network to go quiet. */
const LOAD_WAIT_MS = 5_000;
const NETWORK_IDLE_MS = 1_000;
/** After `load`, this long without a request in flight counts as settled (scripts that fetch contact blocks are done). */
const NETWORK_QUIET_MS = 250;
/** Time allowed beyond pageTimeoutMs for settling, annotating and serialising: pageTimeoutMs, at most this. */
const MAX_AFTER_NAVIGATION_MS = 8_000;
export const CLOSE_WAIT_MS = 3_000;

export interface BrowserFetcherHooks {
  /** Called when a page could not be closed: the browser is probably wedged and should be replaced. */
  onWedged(reason: string): void;
  /** Called for each attempt that failed (429, 5xx) and is tried again after a wait. */
  onRetry?(error: CrawlError): void;
}

/**
 * One viewport of a shop's browser context (desktop, or the mobile pass's phone): its tabs and
 * what rendering a page there asks of the guarding proxy and the route guard.
 */
export interface RenderSession {
  readonly tabs: TabPool;
  readonly options: CrawlOptions;
  readonly hooks: BrowserFetcherHooks;
  /** Requests the route guard refused (private addresses), for the navigation failure's message. */
  readonly refusedUrls: Set<string>;
  /** The consent banner shows on the first page; the rejection is remembered by the context. */
  consentHandled: boolean;
  checkHost(hostname: string): Promise<boolean>;
  /** Why the guarding proxy could not connect to a host, if it could not. */
  upstreamError(hostname: string): string | undefined;
  /** Whether the guarding proxy cut one of these URLs' HTML at the byte limit. */
  cutAtByteLimit(urls: string[]): boolean;
  /** Calls `listener` with each URL the guarding proxy cuts from now on; returns the unsubscribe. */
  onCut(listener: (url: string) => void): () => void;
}

/** When a rendered page's last request ended, as its tab saw it once the page was read. */
export interface PageTraffic {
  endedAt: number | null;
}

/**
 * Renders one page in a tab of the session, within the page's time budget; the tab goes back to
 * the pool only when the page ended cleanly, else it is closed (a tab that will not close means
 * a wedged browser).
 */
export async function renderPage(
  session: RenderSession,
  url: string,
  signal: AbortSignal,
  traffic: PageTraffic,
  how?: FetchHow,
): Promise<FetchedPage> {
  if (signal.aborted) throw watchdogFailure();
  const { options, tabs } = session;
  const tab = await tabs.take(url);
  const page = tab.page;
  const onAbort = () => void page.close({ runBeforeUnload: false }).catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  let clean = false;
  try {
    const fetched = await withinRenderBudget(navigateAndRead(session, tab, url, how), options);
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
      session.hooks.onWedged(`a page of ${url} did not close`);
    }
  }
}

function withinRenderBudget(work: Promise<FetchedPage>, options: CrawlOptions): Promise<FetchedPage> {
  const budget = options.pageTimeoutMs + Math.min(MAX_AFTER_NAVIGATION_MS, options.pageTimeoutMs);
  return withDeadline(
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
}

/**
 * The steps of one render: navigate (guarded), check the response, let the page settle, handle
 * the consent banner on the session's first page, read the page, then take its evidence or reveal
 * its hidden contact data.
 */
async function navigateAndRead(
  session: RenderSession,
  tab: Tab,
  url: string,
  how?: FetchHow,
): Promise<FetchedPage> {
  const { options } = session;
  const response = await navigate(session, tab, url);
  const { status, contentType } = checkResponse(response, options) ?? (await refuseResponse(response));
  await settle(tab, options);
  const consent = await consentOnFirstPage(session, tab.page);
  const cdp = await tab.cdp.catch(() => null);
  const { html, revealable, links } = await serialise(tab.page, cdp, options, status);
  await refuseIfPrivate(session, tab.navigations);
  const fetched: FetchedPage = {
    requestedUrl: url,
    finalUrl: tab.page.url(),
    httpStatus: status,
    contentType,
    html,
    fetchedWith: 'browser',
    links,
  };
  if (consent) fetched.consent = consent;
  if (how?.evidence) {
    // The boxes are measured in the document the screenshot is then taken of.
    fetched.located = await locateTexts(tab.page, how.evidence.needles).catch(() => undefined);
    await recordPageArtifacts(tab.page, fetched, options, 'always', false);
    return fetched;
  }
  // The first page of a shop's context is its home page, the one that handles the consent banner.
  await recordPageArtifacts(tab.page, fetched, options, consent !== undefined ? 'always' : 'if-boxed');
  if (revealable) await addRevealed(fetched, tab.page, cdp, options, status);
  return fetched;
}

/** Navigates to the URL; a redirect into private space or a document past the byte limit fails it. */
async function navigate(session: RenderSession, tab: Tab, url: string): Promise<Response> {
  const { options } = session;
  let response: Response | null;
  tab.size.start(options.maxBytes);
  try {
    response = await gotoUntilCut(session, tab, url);
  } catch (err) {
    await refuseIfPrivate(session, tab.navigations);
    refuseIfCut(session, tab);
    throw navigationFailure(err, url, session.refusedUrls, (hostname) => session.upstreamError(hostname));
  }
  await refuseIfPrivate(session, tab.navigations);
  refuseIfCut(session, tab);
  if (!response)
    throw new CrawlFailure({
      status: 'error',
      code: 'NO_RESPONSE',
      message: 'the browser got no response',
      stage: 'render',
    });
  return response;
}

/**
 * A document past the byte limit (counted by the tab, or cut by the proxy) ends the navigation at
 * once, whatever the browser still waits for (the rest of a declared length).
 */
async function gotoUntilCut(session: RenderSession, tab: Tab, url: string): Promise<Response | null> {
  const { options } = session;
  let unsubscribe = () => {};
  const cut = Promise.race([
    tab.size.whenExceeded(),
    new Promise<void>((resolve) => {
      unsubscribe = session.onCut((cutUrl) => {
        if (tab.navigations.includes(cutUrl)) resolve();
      });
    }),
  ]).then(() => {
    throw tooLargeFailure(options);
  });
  cut.catch(() => {});
  try {
    return await Promise.race([
      tab.page.goto(url, { waitUntil: 'domcontentloaded', timeout: options.pageTimeoutMs }),
      cut,
    ]);
  } finally {
    unsubscribe();
  }
}

/**
 * Playwright does not route the hops of a redirect. The guarding proxy refuses them before they
 * are sent; this check afterwards makes sure such a navigation ends as private-host and that no
 * content reached through a refused address is used.
 */
async function refuseIfPrivate(session: RenderSession, navigations: string[]): Promise<void> {
  const refused = await refusedHop(navigations, session);
  if (refused) {
    throw new CrawlFailure({
      status: 'private-host',
      code: 'PRIVATE_HOST',
      message: `a redirect led into private address space (${refused})`,
      stage: 'dns',
    });
  }
}

async function refusedHop(urls: string[], session: RenderSession): Promise<string | null> {
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

function refuseIfCut(session: RenderSession, tab: Tab): void {
  if (session.cutAtByteLimit(tab.navigations) || tab.size.exceeded) throw tooLargeFailure(session.options);
}

/**
 * The status and content type of a usable response; null for an HTTP error status (which
 * `refuseResponse` turns into its failure). Too many redirects and a type that is not HTML throw.
 */
function checkResponse(
  response: Response,
  options: CrawlOptions,
): { status: number; contentType: string | null } | null {
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
  if (status < 200 || status >= 300) return null;
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
  return { status, contentType };
}

/** The failure of an HTTP error status: the proxy's reason when it could not connect, else the status. */
async function refuseResponse(response: Response): Promise<never> {
  const status = response.status();
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

async function settle(tab: Tab, options: CrawlOptions): Promise<void> {
  await tab.page
    .waitForLoadState('load', { timeout: Math.min(LOAD_WAIT_MS, options.pageTimeoutMs) })
    .catch(() => {});
  await tab.network.settled(NETWORK_QUIET_MS, NETWORK_IDLE_MS);
}

/** The banner shows on the first page; the rejection is remembered by the shop's context. */
async function consentOnFirstPage(
  session: RenderSession,
  page: Page,
): Promise<ConsentObservation | undefined> {
  if (session.consentHandled) return undefined;
  session.consentHandled = true;
  return (await handleConsent(page)) ?? { platform: null, action: 'none', coveredContactLink: null };
}

/** The page again after each reveal click, each view with its own screenshot. */
async function addRevealed(
  fetched: FetchedPage,
  page: Page,
  cdp: CDPSession | null,
  options: CrawlOptions,
  status: number,
): Promise<void> {
  const revealed: RevealedView[] = [];
  await revealContactData(page, async (description) => {
    const view: RevealedView = { html: (await serialise(page, cdp, options, status)).html, description };
    // Shot after the click: the crop of a revealed number must show the number, not the button.
    await recordPageArtifacts(page, view, options, 'always');
    revealed.push(view);
  });
  if (revealed.length > 0) fetched.revealed = revealed;
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
