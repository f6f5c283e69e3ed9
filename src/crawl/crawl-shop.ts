import { createHash } from 'node:crypto';
import type { ShopTarget } from '../input/types.js';
import { BrowserNotFoundError } from './browser-launch.js';
import { createBrowserPageFetcher } from './browser-page-fetcher.js';
import { decodeBody } from './charset.js';
import { CrawlFailure, failureFromNodeError, toCrawlError } from './crawl-failure.js';
import { settlesWithin } from './deadline.js';
import type { CrawlEnvironment } from './environment.js';
import { Frontier } from './frontier.js';
import { sleep } from './host-scheduler.js';
import { extractLinks, type FoundLink, type RawLink, resolveLinks } from './link-extract.js';
import {
  isDocumentLink,
  type LinkRank,
  type LinkWords,
  loadLinkWords,
  rankLink,
  shouldSkipLink,
} from './link-rank.js';
import { betterVia } from './link-region.js';
import { runMobilePass } from './mobile-pass.js';
import type { FetchedPage, FetchHow, PageFetcher } from './page-fetcher.js';
import type { RobotsRules } from './robots.js';
import { siteOf } from './same-site.js';
import { screenshotFieldsOf } from './screenshot.js';
import { createShopScope } from './shop-scope.js';
import { contactUrlsFromSitemaps, type SitemapFile } from './sitemap-discovery.js';
import { staticConsentWall } from './static-consent-wall.js';
import { DOCUMENT_TYPES, fetchStatic } from './static-fetch.js';
import { createStaticPageFetcher } from './static-page-fetcher.js';
import { ShopStylesheets } from './stylesheets.js';
import type {
  ConsentObservation,
  CrawlBudget,
  CrawlError,
  CrawlOptions,
  CrawlReading,
  CrawlResult,
  CrawlStatus,
  LinkVia,
  PageObserver,
  PageSnapshot,
  RobotsDecision,
  UnlinkedSource,
} from './types.js';
import { pageKey, requestUrl } from './url-alias.js';
import { loadWellKnownPaths, recogniseSystems, wellKnownPathsFor } from './well-known-paths.js';

/** After the watchdog fires, this long is left for fetches to notice before the result is cut. */
const WATCHDOG_GRACE_MS = 3_000;
/** Fetch attempts per shop, failures included, as a multiple of maxPages. */
const ATTEMPTS_PER_PAGE = 2;
/** Page failures that mean the crawl itself fell short (not the site's broken links). */
const CRAWL_FALLING_SHORT: ReadonlySet<CrawlStatus> = new Set([
  'timeout',
  'unreachable',
  'tls-error',
  'blocked',
  'error',
]);

class ShopCrawl {
  readonly startedAt = new Date().toISOString();
  readonly pages: PageSnapshot[] = [];
  readonly errors: CrawlError[] = [];
  robots: RobotsDecision | null = null;
  origin: string | null = null;
  homeFailure: CrawlFailure | null = null;
  /** A linked page failed in a way that means pages are missing. */
  fellShort = false;
  stopped: 'watchdog' | 'cancelled' | null = null;
  browserVersion: string | null = null;
  consent: ConsentObservation | null = null;
  /** The home page was a cookie wall that could not be passed without consenting. */
  consentWall = false;
  /** Static mode: the shop's own stylesheets, fetched once each for extraction to judge visibility with. */
  stylesheets: ShopStylesheets | null = null;
  private readonly byFinalUrl = new Map<string, PageSnapshot>();
  /** Links a rendered page reported itself (browser mode), in place of parsing its HTML again. */
  private readonly reportedLinks = new WeakMap<PageSnapshot, RawLink[]>();
  /**
   * Static pages whose body the observer decodes: kept only until the page's links are read, and
   * empty once the observer has taken the bytes over (its reading is then the only one).
   */
  private readonly undecoded = new WeakMap<PageSnapshot, Uint8Array>();
  /** The undecoded body's length as received: an empty view of a longer body was handed over. */
  private readonly bodyLength = new WeakMap<PageSnapshot, number>();
  /** What the observer read from its own parse of a static page. */
  private readonly observed = new WeakMap<PageSnapshot, Promise<CrawlReading | null>>();
  /** Pages asked for, by page key: every alias of a page (src/crawl/url-alias.ts) is asked for once. */
  private readonly requested = new Set<string>();
  /** First views of pages kept: what the page budget counts (reveal and phone-sized snapshots come on top). */
  pagesUsed = 0;
  /** Requests for pages, failures and redirects to pages already held included. */
  attempts = 0;
  /** Set once the observer has said the pages show a readable phone number and e-mail address. */
  private contactsComplete = false;

  constructor(
    readonly target: ShopTarget,
    readonly options: CrawlOptions,
    private readonly observer: PageObserver | null = null,
  ) {}

  private added(snapshot: PageSnapshot, undecoded?: Uint8Array): void {
    this.pages.push(snapshot);
    if (undecoded) {
      this.undecoded.set(snapshot, undecoded);
      this.bodyLength.set(snapshot, undecoded.byteLength);
    }
    // Static mode asks whether the home page is nothing but a consent wall.
    const ask: { consentWall: boolean; stylesheets?: ReturnType<ShopStylesheets['forPage']> } = {
      consentWall: this.pages.length === 1 && this.options.mode === 'static',
    };
    if (this.stylesheets && snapshot.fetchedWith === 'static' && this.observer)
      ask.stylesheets = this.stylesheets.forPage(undecoded ?? snapshot.html, snapshot.finalUrl);
    const reading = this.observer?.onPage(snapshot, undecoded, ask);
    if (reading)
      this.observed.set(
        snapshot,
        reading.catch(() => null),
      );
  }

  /** Whether the observer takes pages undecoded (it decodes them on its own threads). */
  get observerDecodes(): boolean {
    return this.observer?.decodesPages === true;
  }

  /** A page with a body to read: decoded HTML, or bytes the observer decodes. */
  hasBody(page: PageSnapshot): boolean {
    return page.html !== '' || this.undecoded.has(page);
  }

  /** The page's links: as the browser reported them, or the observer read them, else parsed from its HTML. */
  async linksOf(page: PageSnapshot): Promise<FoundLink[]> {
    const reported = this.reportedLinks.get(page);
    if (reported) return resolveLinks(reported, page.finalUrl, page.finalUrl);
    const observed = (await this.observed.get(page))?.links;
    if (observed) return observed;
    return extractLinks(this.htmlOf(page), page.finalUrl, page.fetchedWith === 'browser');
  }

  /** Static mode: the home page is only a consent wall (as the observer read it, else read here). */
  async consentWallOf(page: PageSnapshot): Promise<ConsentObservation | null> {
    const wall = (await this.observed.get(page))?.consentWall;
    if (wall !== undefined) return wall;
    return staticConsentWall(this.htmlOf(page));
  }

  private htmlOf(page: PageSnapshot): string {
    const bytes = this.undecoded.get(page);
    if (page.html !== '' || !bytes) return page.html;
    // The observer took the body and could not read it: this crawl cannot read it either, and an
    // empty page would be a false finding.
    if (bytes.byteLength === 0 && (this.bodyLength.get(page) ?? 0) > 0)
      throw new CrawlFailure('error', 'EXTRACT_FAILED', `${page.finalUrl} could not be read`, 'extract');
    return decodeBody(bytes, page.contentType);
  }

  /** Waits until the observer can take more pages. */
  async observerReady(): Promise<void> {
    await this.observer?.ready?.();
  }

  /** Empties the HTML of static pages already handed to the observer and read for links. */
  releaseHtml(): void {
    if (!this.observer?.releasesHtml) return;
    for (const page of this.pages) {
      if (page.fetchedWith !== 'static') continue;
      page.html = '';
      this.undecoded.delete(page);
    }
  }

  wasRequested(url: string): boolean {
    const key = pageKey(url);
    return this.requested.has(key) || this.byFinalUrl.has(key);
  }

  markRequested(url: string): void {
    this.requested.add(pageKey(url));
  }

  snapshotAt(url: string): PageSnapshot | undefined {
    return this.byFinalUrl.get(pageKey(url));
  }

  /**
   * Whether the pages so far lack a readable phone number or e-mail address. The observer, which
   * reads every page, decides; without one, whether a contact-like link was followed stands in.
   */
  async contactsMissing(contactLinkFollowed: boolean): Promise<boolean> {
    if (this.contactsComplete) return false;
    if (!this.observer?.contactsFound) return !contactLinkFollowed;
    const found = await this.observer.contactsFound();
    this.contactsComplete = found.phone && found.email;
    return !this.contactsComplete;
  }

  /**
   * Adds a page; null when its final URL (or an alias of it) was already fetched: a redirect to a
   * known page costs no page of the budget.
   */
  addPage(
    fetched: FetchedPage,
    depth: number | null,
    via: LinkVia | null,
    foundBy?: UnlinkedSource,
  ): PageSnapshot | null {
    const known = this.byFinalUrl.get(pageKey(fetched.finalUrl));
    if (known) {
      improveDepth(known, depth, via);
      return null;
    }
    const snapshot: PageSnapshot = {
      url: fetched.requestedUrl,
      finalUrl: fetched.finalUrl,
      httpStatus: fetched.httpStatus,
      contentType: fetched.contentType,
      fetchedWith: fetched.fetchedWith,
      html: fetched.html,
      depth,
      via,
      ...(depth === null && foundBy ? { foundBy } : {}),
      fetchedAt: new Date().toISOString(),
      // An undecoded page's hash is the observer's to fill in, once it has decoded the page.
      contentHash: fetched.undecoded ? '' : createHash('sha256').update(fetched.html).digest('hex'),
      ...screenshotFieldsOf(fetched),
    };
    if (fetched.fetchedWith === 'browser') snapshot.viewport = 'desktop';
    if (fetched.links) this.reportedLinks.set(snapshot, fetched.links);
    this.added(snapshot, fetched.undecoded);
    this.pagesUsed++;
    this.byFinalUrl.set(pageKey(fetched.finalUrl), snapshot);
    this.byFinalUrl.set(pageKey(fetched.requestedUrl), snapshot);
    if (fetched.consent && !this.consent) this.consent = fetched.consent;
    this.addRevealed(snapshot, fetched);
    return snapshot;
  }

  /** A page of the mobile pass: outside the click-depth logic, it keeps its desktop page's depth and link. */
  addMobilePage(fetched: FetchedPage, desktop: PageSnapshot): void {
    const base: PageSnapshot = {
      url: desktop.url,
      finalUrl: fetched.finalUrl,
      httpStatus: fetched.httpStatus,
      contentType: fetched.contentType,
      fetchedWith: fetched.fetchedWith,
      html: fetched.html,
      depth: desktop.depth,
      via: desktop.via ? { ...desktop.via } : null,
      fetchedAt: new Date().toISOString(),
      contentHash: createHash('sha256').update(fetched.html).digest('hex'),
      viewport: 'mobile',
    };
    this.added(base);
    this.addRevealed(base, fetched);
  }

  /** The page again after each reveal click, as extra snapshots of the same page, each with its own screenshot. */
  private addRevealed(snapshot: PageSnapshot, fetched: FetchedPage): void {
    const {
      screenshotPath: _p,
      screenshotSha256: _s,
      screenshotCapturedAt: _c,
      screenshotRender: _r,
      ...page
    } = snapshot;
    for (const revealed of fetched.revealed ?? []) {
      this.added({
        ...page,
        html: revealed.html,
        contentHash: createHash('sha256').update(revealed.html).digest('hex'),
        afterInteraction: revealed.description,
        ...screenshotFieldsOf(revealed),
      });
    }
  }

  result(): CrawlResult {
    const result: CrawlResult = {
      target: this.target,
      mode: this.options.mode,
      origin: this.origin,
      startedAt: this.startedAt,
      finishedAt: new Date().toISOString(),
      userAgent: this.options.userAgent,
      robots: this.robots ? { ...this.robots, disallowed: [...this.robots.disallowed] } : null,
      status: this.status(),
      errors: [...this.errors],
      pages: [...this.pages],
    };
    if (this.browserVersion) result.browserVersion = this.browserVersion;
    if (this.consent) result.consent = { ...this.consent };
    if (this.pages.length > 0) result.budget = this.budget();
    return result;
  }

  budget(): CrawlBudget {
    return { maxPages: this.options.maxPages, pagesUsed: this.pagesUsed, attempts: this.attempts };
  }

  private status(): CrawlStatus {
    if (this.pages.length === 0) {
      if (this.homeFailure) return this.homeFailure.status;
      return this.stopped ? 'timeout' : 'error';
    }
    if (this.consentWall) return 'consent-wall';
    if (this.stopped || this.fellShort) return 'partial';
    return 'ok';
  }
}

/** A shorter way to a known page replaces the recorded one; at the same depth, a link in the chrome does. */
function improveDepth(snapshot: PageSnapshot, depth: number | null, via: LinkVia | null): void {
  if (depth === null) return;
  if (snapshot.depth === null || depth < snapshot.depth) {
    snapshot.depth = depth;
    snapshot.via = via;
    delete snapshot.foundBy;
  } else if (depth === snapshot.depth && via && snapshot.via && betterVia(via, snapshot.via)) {
    snapshot.via = via;
  }
}

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
  let hardStop: NodeJS.Timeout | undefined;
  try {
    const cut = new Promise<void>((resolve) => {
      const startGrace = () => {
        hardStop = setTimeout(resolve, WATCHDOG_GRACE_MS);
      };
      if (combined.aborted) startGrace();
      else combined.addEventListener('abort', startGrace, { once: true });
    });
    await Promise.race([runCrawl(shop, env, combined, fetcherRef), cut]);
  } catch (err) {
    if (err instanceof BrowserNotFoundError) throw err;
    if (!combined.aborted) {
      const failure = failureFromNodeError(err);
      shop.errors.push(toCrawlError(target.url, failure));
      if (shop.pages.length === 0) shop.homeFailure ??= failure;
    }
  } finally {
    clearTimeout(timer);
    clearTimeout(hardStop);
  }
  if (combined.aborted) {
    shop.stopped = watchdog.signal.aborted ? 'watchdog' : 'cancelled';
    shop.errors.push({
      url: target.url,
      stage: 'watchdog',
      code: shop.stopped === 'watchdog' ? 'SHOP_TIMEOUT' : 'CANCELLED',
      message:
        shop.stopped === 'watchdog'
          ? `the shop took longer than ${options.shopTimeoutMs} ms; ended with ${shop.pages.length} page(s)`
          : `the crawl was cancelled with ${shop.pages.length} page(s)`,
    });
  }
  shop.releaseHtml();
  const result = shop.result();
  if (fetcherRef.current) await settlesWithin(fetcherRef.current.close(), 5_000);
  for (const incident of env.takeBrowserIncidents()) {
    result.errors.push({ url: target.url, stage: 'render', code: 'BROWSER_RESTARTED', message: incident });
  }
  return result;
}

async function runCrawl(
  shop: ShopCrawl,
  env: CrawlEnvironment,
  signal: AbortSignal,
  fetcherRef: { current: PageFetcher | null },
): Promise<void> {
  const { options, target } = shop;
  let home: URL;
  try {
    home = new URL(target.url);
    if (home.protocol !== 'http:' && home.protocol !== 'https:')
      throw new Error(`unsupported scheme ${home.protocol}`);
  } catch (err) {
    shop.homeFailure = new CrawlFailure(
      'invalid-url',
      'ERR_INVALID_URL',
      `${target.url}: ${(err as Error).message}`,
    );
    shop.errors.push(toCrawlError(target.url, shop.homeFailure));
    return;
  }

  const robotsByOrigin = new Map<string, RobotsRules>();
  const robotsFor = async (url: string): Promise<RobotsRules | null> => {
    if (!options.obeyRobots) return null;
    const origin = new URL(url).origin;
    let rules = robotsByOrigin.get(origin);
    if (!rules) {
      rules = await env.robots(origin, {
        options,
        scheduler: env.scheduler,
        signal,
        hostDelayMs: () => 0,
        onRetry: (e) => shop.errors.push({ ...e, stage: 'robots' }),
      });
      robotsByOrigin.set(origin, rules);
      if (rules.failure && rules.failure.code !== 'ABORTED') {
        shop.errors.push({ ...toCrawlError(rules.url, rules.failure), stage: 'robots' });
      }
    }
    return rules;
  };
  const crawlDelay = (host: string): number => {
    for (const rules of robotsByOrigin.values())
      if (new URL(rules.origin).host === host) return rules.crawlDelayMs;
    return 0;
  };
  /** True when robots.txt lets us fetch the URL; records the refusal otherwise. */
  const robotsAllow = async (url: string): Promise<boolean> => {
    const rules = await robotsFor(url);
    if (!rules || rules.isAllowed(url)) return true;
    shop.robots?.disallowed.push(url);
    return false;
  };

  const homeRobots = await robotsFor(home.href);
  shop.robots = {
    url: new URL('/robots.txt', home).href,
    status: homeRobots?.status ?? null,
    obeyed: options.obeyRobots,
    disallowed: [],
  };
  if (!(await robotsAllow(home.href))) {
    shop.homeFailure = new CrawlFailure(
      'robots-disallowed',
      'ROBOTS_DISALLOWED',
      'robots.txt disallows the home page',
      'robots',
    );
    shop.errors.push(toCrawlError(home.href, shop.homeFailure));
    return;
  }

  const fetcher = await openFetcher(shop, env, crawlDelay);
  fetcherRef.current = fetcher;
  if (fetcher.mode === 'static')
    shop.stylesheets = new ShopStylesheets({
      options,
      scheduler: env.scheduler,
      signal,
      hostDelayMs: crawlDelay,
      robotsAllow: async (url) => (await robotsFor(url))?.isAllowed(url) ?? true,
      // The site the home page landed on, once it has.
      site: () => siteOf(shop.origin ?? home.href),
      recordError: (e) => shop.errors.push(e),
    });
  // Browser mode fetches linked documents over plain HTTP: a PDF is not rendered.
  const documents =
    fetcher.mode === 'static'
      ? fetcher
      : createStaticPageFetcher(options, env.scheduler, crawlDelay, (e) => shop.errors.push(e));

  shop.markRequested(home.href);
  await shop.observerReady();
  let homePage: FetchedPage;
  try {
    homePage = await fetcher.fetch(home.href, signal, { undecoded: shop.observerDecodes });
  } catch (err) {
    if (signal.aborted) return;
    shop.homeFailure = failureFromNodeError(err);
    shop.errors.push(toCrawlError(home.href, shop.homeFailure));
    return;
  }
  if (homePage.html === '' && homePage.contentType && DOCUMENT_TYPES.test(homePage.contentType)) {
    shop.homeFailure = new CrawlFailure(
      'not-html',
      'NOT_HTML',
      `content type ${homePage.contentType} is not HTML`,
    );
    shop.errors.push(toCrawlError(home.href, shop.homeFailure));
    return;
  }
  shop.origin = new URL(homePage.finalUrl).origin;
  const homeSnapshot = shop.addPage(homePage, 0, null);
  if (!homeSnapshot) return;
  const wall = homePage.consent?.wall
    ? homePage.consent
    : options.mode === 'static'
      ? await shop.consentWallOf(homeSnapshot)
      : null;
  if (wall) {
    // Past a wall a visitor sees only what consenting shows; the crawl does not consent.
    shop.consent = wall;
    shop.consentWall = true;
    shop.errors.push({
      url: homePage.finalUrl,
      stage: options.mode === 'static' ? 'fetch' : 'render',
      code: 'CONSENT_WALL',
      message: 'a cookie wall blocks the page and offers no way past it but consenting',
    });
    return;
  }

  const scope = createShopScope(home.href, homePage.finalUrl);
  const words = loadLinkWords();
  const wellKnown = loadWellKnownPaths();
  let documentsQueued = 0;
  const frontier = new Frontier();
  let contactFound = false;
  let fallbackDone = false;
  /** The shop systems the home page's links point to, for the order of the well-known paths. */
  let systems: string[] = [];

  const discover = async (page: PageSnapshot) => {
    if (page.depth === null || !shop.hasBody(page) || !scope.contains(page.finalUrl)) return;
    const links = await shop.linksOf(page);
    if (page === homeSnapshot)
      systems = recogniseSystems(
        links.map((link) => link.url),
        wellKnown,
      );
    for (const link of links) {
      const url = requestUrl(link.url);
      if (url === null) continue;
      const linkUrl = new URL(url);
      if (!scope.follows(url, page.finalUrl) || shouldSkipLink(link.text, linkUrl, words)) continue;
      const depth = page.depth + 1;
      // Every link reader places its links; a link without a region sat in the body.
      const via: LinkVia = { text: link.text, fromUrl: page.finalUrl, region: link.region ?? 'body' };
      if (link.box) via.box = link.box;
      const known = shop.snapshotAt(url);
      if (known) {
        improveDepth(known, depth, via);
        continue;
      }
      if (shop.wasRequested(url) || depth > options.maxDepth) continue;
      const key = pageKey(url);
      const rank = rankLink(link.text, linkUrl, words);
      if (isDocumentLink(linkUrl, words)) {
        // Only documents whose label says what they are (terms, contact …), and only a few.
        if (rank.score === 0 || documentsQueued >= words.documents.maxFollowed) continue;
        if (!frontier.has(key)) documentsQueued++;
      }
      frontier.offer(url, key, depth, via, rank);
    }
  };

  const visit = async (
    url: string,
    depth: number | null,
    via: LinkVia | null,
    rank: LinkRank | null,
    foundBy?: UnlinkedSource,
  ): Promise<PageSnapshot | null> => {
    shop.markRequested(url);
    // The pages before this one have been read for links by now.
    shop.releaseHtml();
    await shop.observerReady();
    if (!(await robotsAllow(url))) return null;
    shop.attempts++;
    try {
      const fetched = await fetchPageOrDocument(fetcher, documents, url, signal, words, {
        undecoded: shop.observerDecodes,
      });
      const snapshot = shop.addPage(fetched, depth, via, foundBy);
      if (
        snapshot &&
        (rank?.contactLike || rankLink(via?.text ?? '', new URL(fetched.finalUrl), words).contactLike)
      ) {
        contactFound = true;
      }
      return snapshot;
    } catch (err) {
      if (signal.aborted) return null;
      const failure = failureFromNodeError(err);
      shop.errors.push(toCrawlError(url, failure));
      if (depth !== null && fallsShort(failure)) shop.fellShort = true;
      return null;
    }
  };

  const fetchSitemap = async (url: string): Promise<SitemapFile | null> => {
    if (!(await robotsAllow(url))) return null;
    try {
      const response = await fetchStatic(url, {
        options,
        scheduler: env.scheduler,
        signal,
        accept: 'text',
        hostDelayMs: crawlDelay,
      });
      return { bytes: response.bytes, body: response.body };
    } catch (err) {
      const failure = failureFromNodeError(err);
      if (failure.httpStatus !== 404 && !signal.aborted)
        shop.errors.push({ ...toCrawlError(url, failure), stage: 'discover' });
      return null;
    }
  };

  const maxAttempts = options.maxPages * ATTEMPTS_PER_PAGE;
  const budgetLeft = () =>
    shop.attempts < maxAttempts && shop.pagesUsed < options.maxPages && !signal.aborted;

  /** The well-known paths of shop systems, then the sitemaps, while phone or e-mail is missing. */
  const fallback = async () => {
    const paths = wellKnownPathsFor(systems, wellKnown);
    await tryWellKnownPaths(shop, homePage.finalUrl, paths, wellKnown.maxTries, visit, budgetLeft, () =>
      shop.contactsMissing(contactFound),
    );
    if (!budgetLeft() || !(await shop.contactsMissing(contactFound))) return;
    const sitemapSources = (await robotsFor(homePage.finalUrl))?.sitemaps ?? [];
    const fromSitemaps = await contactUrlsFromSitemaps(
      homePage.finalUrl,
      sitemapSources,
      fetchSitemap,
      options.maxBytes,
      words,
    );
    for (const url of fromSitemaps) {
      if (!budgetLeft()) break;
      if (!shop.wasRequested(url)) await visit(url, null, null, null, 'sitemap');
    }
  };

  shop.attempts = 1;
  await discover(homeSnapshot);
  while (budgetLeft()) {
    // Once the vocabulary's links are used up, or the budget is nearly spent, and the pages so far
    // lack a phone or an e-mail: the shop systems' well-known paths, before any other page.
    const reserve = Math.min(wellKnown.reservePages, Math.floor(options.maxPages / 4));
    const nearlySpent = options.maxPages - shop.pagesUsed <= reserve;
    if (
      !fallbackDone &&
      (!frontier.hasUpTo(0) || nearlySpent) &&
      (await shop.contactsMissing(contactFound))
    ) {
      fallbackDone = true;
      await fallback();
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
    const snapshot = await visit(next.url, next.depth, next.via, next.rank);
    if (snapshot && next.depth < options.maxDepth) await discover(snapshot);
  }
  if (options.mode === 'browser' && options.mobilePass !== false && !signal.aborted) {
    await runMobilePass(
      [...shop.pages],
      fetcher,
      signal,
      (fetched, desktop) => shop.addMobilePage(fetched, desktop),
      (error) => shop.errors.push(error),
    );
  }
}

/** A linked page that failed this way is missing from the evidence; a 404 or a PDF link is not. */
function fallsShort(failure: CrawlFailure): boolean {
  const http = failure.httpStatus;
  if (http === null) return CRAWL_FALLING_SHORT.has(failure.status);
  return http >= 500 || http === 401 || http === 403 || http === 429;
}

async function openFetcher(
  shop: ShopCrawl,
  env: CrawlEnvironment,
  crawlDelay: (host: string) => number,
): Promise<PageFetcher> {
  const { options } = shop;
  const recordRetry = (error: CrawlError) => shop.errors.push(error);
  if (options.mode === 'static')
    return createStaticPageFetcher(options, env.scheduler, crawlDelay, recordRetry);
  let lastError: unknown;
  for (let launch = 1; launch <= 2; launch++) {
    try {
      const browser = await env.browser();
      const fetcher = await createBrowserPageFetcher(browser, options, env.scheduler, crawlDelay, {
        onWedged: (reason) => {
          shop.errors.push({
            url: shop.target.url,
            stage: 'render',
            code: 'BROWSER_WEDGED',
            message: `${reason}; the browser is replaced`,
          });
          env.discardBrowser(reason);
        },
        onRetry: recordRetry,
      });
      shop.browserVersion = env.browserVersion();
      return fetcher;
    } catch (err) {
      if (err instanceof BrowserNotFoundError) throw err;
      lastError = err;
      const reason = `the browser could not open a context: ${(err as Error)?.message ?? err}`;
      shop.errors.push({
        url: shop.target.url,
        stage: 'render',
        code: 'BROWSER_RESTARTED',
        message: reason,
        attempt: launch,
      });
      env.discardBrowser(reason);
      await sleep(100);
    }
  }
  throw new CrawlFailure(
    'error',
    'BROWSER_UNAVAILABLE',
    `the browser could not be started: ${(lastError as Error)?.message ?? lastError}`,
    'render',
  );
}

/**
 * Tries well-known paths in order, at most `maxTries` requests, each recorded as not linked. Stops
 * when `contactsMissing` says the pages now show a phone number and an e-mail address.
 */
async function tryWellKnownPaths(
  shop: ShopCrawl,
  homeUrl: string,
  paths: string[],
  maxTries: number,
  visit: (
    url: string,
    depth: null,
    via: null,
    rank: null,
    foundBy: UnlinkedSource,
  ) => Promise<PageSnapshot | null>,
  budgetLeft: () => boolean,
  contactsMissing: () => Promise<boolean>,
): Promise<void> {
  let tries = 0;
  for (const path of paths) {
    if (tries >= maxTries || !budgetLeft()) return;
    let url: string;
    try {
      url = new URL(path, homeUrl).href;
    } catch {
      continue;
    }
    if (shop.wasRequested(url)) continue;
    tries++;
    const errorsBefore = shop.errors.length;
    const snapshot = await visit(url, null, null, null, 'well-known-path');
    // A missing well-known path is expected, not an error of the crawl.
    if (!snapshot) {
      const kept = shop.errors.splice(errorsBefore).filter((e) => !e.code?.startsWith('HTTP_4'));
      shop.errors.push(...kept);
      continue;
    }
    if (!(await contactsMissing())) return;
  }
}

/**
 * A document link (by its extension) goes to the plain-HTTP fetcher; a page the browser would not
 * render (a download) is asked for once more over plain HTTP, which returns a PDF as a document.
 */
async function fetchPageOrDocument(
  fetcher: PageFetcher,
  documents: PageFetcher,
  url: string,
  signal: AbortSignal,
  words: LinkWords,
  how?: FetchHow,
): Promise<FetchedPage> {
  if (fetcher === documents) return fetcher.fetch(url, signal, how);
  if (isDocumentLink(new URL(url), words)) return documents.fetch(url, signal);
  try {
    return await fetcher.fetch(url, signal, how);
  } catch (err) {
    if (!(err instanceof CrawlFailure) || err.status !== 'not-html' || signal.aborted) throw err;
    const retried = await documents.fetch(url, signal).catch(() => null);
    if (retried && retried.html === '' && retried.contentType && DOCUMENT_TYPES.test(retried.contentType))
      return retried;
    throw err;
  }
}
