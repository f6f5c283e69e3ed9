import type { ShopTarget } from '../../input/types.js';
import { BrowserNotFoundError } from '../browser/browser-launch.js';
import { CrawlFailure, failureFromNodeError, toCrawlError } from '../crawl-failure.js';
import { settlesWithin } from '../deadline.js';
import { siteOf } from '../discovery/same-site.js';
import type { CrawlEnvironment } from '../environment.js';
import type { FetchedPage, PageFetcher } from '../fetch/page-fetcher.js';
import { DOCUMENT_TYPES } from '../fetch/static-fetch.js';
import { ShopStylesheets } from '../fetch/stylesheets.js';
import { ShopRobots } from '../robots/shop-robots.js';
import type { CrawlOptions, CrawlResult, PageObserver, PageSnapshot } from '../types.js';
import { fallback } from './crawl-fallbacks.js';
import { crawlResult } from './crawl-result.js';
import { budgetLeft, type CrawlRun, contactsMissing, discover, startRun, visit } from './crawl-run.js';
import { runMobilePass } from './mobile-pass.js';
import { openFetchers } from './open-fetchers.js';
import { improveDepth, ShopCrawl } from './shop-crawl.js';

/** After the watchdog fires, this long is left for fetches to notice before the result is cut. */
const WATCHDOG_GRACE_MS = 3_000;

/**
 * Crawls one shop: robots.txt, the home page, then same-site links ranked by the link vocabulary,
 * breadth first within the page and depth budgets, and well-known contact paths when no
 * contact-like link was found. Never throws for anything a site can do (only for a missing
 * browser, which is the machine's problem): every failure becomes a status and errors.
 */
export async function crawlShop(
  target: ShopTarget,
  options: CrawlOptions,
  env: CrawlEnvironment,
  signal?: AbortSignal,
  observer?: PageObserver,
): Promise<CrawlResult> {
  const shop = new ShopCrawl(target, options, observer);
  const watchdog = new AbortController();
  const timer = setTimeout(() => watchdog.abort(new Error('watchdog')), options.shopTimeoutMs);
  const combined = signal ? AbortSignal.any([signal, watchdog.signal]) : watchdog.signal;
  const fetcherRef: { current: PageFetcher | null } = { current: null };
  try {
    await untilCut(() => runCrawl(shop, env, combined, fetcherRef), combined);
  } catch (err) {
    if (err instanceof BrowserNotFoundError) throw err;
    if (!combined.aborted) recordCrash(shop, err);
  } finally {
    clearTimeout(timer);
  }
  if (combined.aborted) recordStop(shop, watchdog.signal.aborted ? 'watchdog' : 'cancelled');
  shop.releaseHtml();
  const result = crawlResult(shop);
  if (fetcherRef.current) await settlesWithin(fetcherRef.current.close(), 5_000);
  for (const incident of env.takeBrowserIncidents()) {
    result.errors.push({ url: target.url, stage: 'render', code: 'BROWSER_RESTARTED', message: incident });
  }
  return result;
}

/** The crawl, or once the signal aborts, the grace left to it, whichever ends first. */
async function untilCut(crawl: () => Promise<void>, signal: AbortSignal): Promise<void> {
  let hardStop: NodeJS.Timeout | undefined;
  const cut = new Promise<void>((resolve) => {
    const startGrace = () => {
      hardStop = setTimeout(resolve, WATCHDOG_GRACE_MS);
    };
    if (signal.aborted) startGrace();
    else signal.addEventListener('abort', startGrace, { once: true });
  });
  try {
    await Promise.race([crawl(), cut]);
  } finally {
    clearTimeout(hardStop);
  }
}

function recordCrash(shop: ShopCrawl, err: unknown): void {
  const failure = failureFromNodeError(err);
  shop.errors.push(toCrawlError(shop.target.url, failure));
  if (shop.pages.length === 0) shop.homeFailure ??= failure;
}

function recordStop(shop: ShopCrawl, stopped: 'watchdog' | 'cancelled'): void {
  shop.stopped = stopped;
  shop.errors.push({
    url: shop.target.url,
    stage: 'watchdog',
    code: stopped === 'watchdog' ? 'SHOP_TIMEOUT' : 'CANCELLED',
    message:
      stopped === 'watchdog'
        ? `the shop took longer than ${shop.options.shopTimeoutMs} ms; ended with ${shop.pages.length} page(s)`
        : `the crawl was cancelled with ${shop.pages.length} page(s)`,
  });
}

/**
 * The crawl's phases in order: the home URL, robots.txt, the fetchers, the home page, its consent
 * wall, the links it offers, the visit loop (with the fallbacks inside it) and the mobile pass.
 * A phase that ends the crawl has recorded why.
 */
async function runCrawl(
  shop: ShopCrawl,
  env: CrawlEnvironment,
  signal: AbortSignal,
  fetcherRef: { current: PageFetcher | null },
): Promise<void> {
  const home = homeUrlOf(shop);
  if (!home) return;
  const robots = new ShopRobots(shop, env, signal);
  if (!(await admitHome(shop, robots, home))) return;
  const fetchers = await openFetchers(shop, env, robots.crawlDelay);
  fetcherRef.current = fetchers.pages;
  if (fetchers.pages.mode === 'static')
    shop.handoff.stylesheets = shopStylesheets(shop, env, signal, robots, home);
  const homePage = await fetchHome(shop, fetchers.pages, home, signal);
  if (!homePage) return;
  shop.origin = new URL(homePage.finalUrl).origin;
  const homeSnapshot = shop.addPage(homePage, 0, null);
  if (!homeSnapshot || (await stopsAtConsentWall(shop, homePage, homeSnapshot))) return;
  const run = startRun({ shop, env, signal, robots, fetchers, home, homePage, homeSnapshot });
  shop.attempts = 1;
  await discover(run, homeSnapshot);
  await visitLoop(run);
  await mobilePass(run);
}

/** The static crawl's fetcher of the shop's own stylesheets, for extraction to judge visibility with. */
function shopStylesheets(
  shop: ShopCrawl,
  env: CrawlEnvironment,
  signal: AbortSignal,
  robots: ShopRobots,
  home: URL,
): ShopStylesheets {
  return new ShopStylesheets({
    options: shop.options,
    scheduler: env.scheduler,
    signal,
    hostDelayMs: robots.crawlDelay,
    robotsAllow: async (url) => (await robots.rulesFor(url))?.isAllowed(url) ?? true,
    // The site the home page landed on, once it has.
    site: () => siteOf(shop.origin ?? home.href),
    recordError: (e) => shop.errors.push(e),
  });
}

function failHome(shop: ShopCrawl, url: string, failure: CrawlFailure): void {
  shop.homeFailure = failure;
  shop.errors.push(toCrawlError(url, failure));
}

/** The shop's home URL, when it is an http(s) URL. */
function homeUrlOf(shop: ShopCrawl): URL | null {
  const { url } = shop.target;
  try {
    const home = new URL(url);
    if (home.protocol !== 'http:' && home.protocol !== 'https:')
      throw new Error(`unsupported scheme ${home.protocol}`);
    return home;
  } catch (err) {
    const message = `${url}: ${(err as Error).message}`;
    failHome(shop, url, new CrawlFailure({ status: 'invalid-url', code: 'ERR_INVALID_URL', message }));
    return null;
  }
}

/** Reads the home origin's robots.txt into the shop's robots decision; false when it refuses the home page. */
async function admitHome(shop: ShopCrawl, robots: ShopRobots, home: URL): Promise<boolean> {
  const homeRobots = await robots.rulesFor(home.href);
  shop.robots = {
    url: new URL('/robots.txt', home).href,
    status: homeRobots?.status ?? null,
    obeyed: shop.options.obeyRobots,
    disallowed: [],
  };
  if (await robots.allow(home.href)) return true;
  failHome(
    shop,
    home.href,
    new CrawlFailure({
      status: 'robots-disallowed',
      code: 'ROBOTS_DISALLOWED',
      message: 'robots.txt disallows the home page',
      stage: 'robots',
    }),
  );
  return false;
}

/** The home page, or null (its failure recorded) when it failed or is a document. */
async function fetchHome(
  shop: ShopCrawl,
  fetcher: PageFetcher,
  home: URL,
  signal: AbortSignal,
): Promise<FetchedPage | null> {
  shop.markRequested(home.href);
  await shop.handoff.observerReady();
  let homePage: FetchedPage;
  try {
    homePage = await fetcher.fetch(home.href, signal, { undecoded: shop.handoff.observerDecodes });
  } catch (err) {
    if (!signal.aborted) failHome(shop, home.href, failureFromNodeError(err));
    return null;
  }
  if (homePage.html === '' && homePage.contentType && DOCUMENT_TYPES.test(homePage.contentType)) {
    const message = `content type ${homePage.contentType} is not HTML`;
    failHome(shop, home.href, new CrawlFailure({ status: 'not-html', code: 'NOT_HTML', message }));
    return null;
  }
  return homePage;
}

/** Whether the home page is a cookie wall (as rendered, or in static mode as read); records it. */
async function stopsAtConsentWall(
  shop: ShopCrawl,
  homePage: FetchedPage,
  homeSnapshot: PageSnapshot,
): Promise<boolean> {
  const staticMode = shop.options.mode === 'static';
  const wall = homePage.consent?.wall
    ? homePage.consent
    : staticMode
      ? await shop.handoff.consentWallOf(homeSnapshot)
      : null;
  if (!wall) return false;
  // Past a wall a visitor sees only what consenting shows; the crawl does not consent.
  shop.consent = wall;
  shop.consentWall = true;
  shop.errors.push({
    url: homePage.finalUrl,
    stage: staticMode ? 'fetch' : 'render',
    code: 'CONSENT_WALL',
    message: 'a cookie wall blocks the page and offers no way past it but consenting',
  });
  return true;
}

/** Takes the frontier's best link while the budget lasts; the fallbacks run once, when due. */
async function visitLoop(run: CrawlRun): Promise<void> {
  const { shop, options, frontier } = run;
  while (budgetLeft(run)) {
    if (await fallbackIsDue(run)) {
      run.fallbackDone = true;
      await fallback(run);
      continue;
    }
    const next = frontier.take();
    if (!next) break;
    const known = shop.snapshotAt(next.url);
    if (known) {
      // An earlier redirect led to this page already: nothing to fetch.
      improveDepth(known, next.depth, next.via);
      continue;
    }
    const snapshot = await visit(run, next.url, next.depth, next.via, next.rank);
    if (snapshot && next.depth < options.maxDepth) await discover(run, snapshot);
  }
}

/**
 * Once the vocabulary's links are used up, or the budget is nearly spent, and the pages so far
 * lack a phone or an e-mail: the shop systems' well-known paths, before any other page.
 */
async function fallbackIsDue(run: CrawlRun): Promise<boolean> {
  if (run.fallbackDone) return false;
  const { options } = run;
  const reserve = Math.min(run.wellKnown.reservePages, Math.floor(options.maxPages / 4));
  const nearlySpent = options.maxPages - run.shop.pagesUsed <= reserve;
  if (run.frontier.hasUpTo(0) && !nearlySpent) return false;
  return contactsMissing(run);
}

async function mobilePass(run: CrawlRun): Promise<void> {
  const { shop, options, signal } = run;
  if (options.mode !== 'browser' || options.mobilePass === false || signal.aborted) return;
  await runMobilePass(
    [...shop.pages],
    run.fetchers.pages,
    signal,
    (fetched, desktop) => shop.addMobilePage(fetched, desktop),
    (error) => shop.errors.push(error),
  );
}
