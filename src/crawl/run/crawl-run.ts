import { CrawlFailure, failureFromNodeError, toCrawlError } from '../crawl-failure.js';
import { Frontier } from '../discovery/frontier.js';
import type { FoundLink } from '../discovery/link-extract.js';
import {
  isDocumentLink,
  type LinkRank,
  type LinkWords,
  loadLinkWords,
  rankLink,
  shouldSkipLink,
} from '../discovery/link-rank.js';
import { createShopScope, type ShopScope } from '../discovery/shop-scope.js';
import { loadWellKnownPaths, recogniseSystems, type WellKnownPaths } from '../discovery/well-known-paths.js';
import type { CrawlEnvironment } from '../environment.js';
import type { FetchedPage, FetchHow, PageFetcher } from '../fetch/page-fetcher.js';
import { DOCUMENT_TYPES } from '../fetch/static-fetch.js';
import type { ShopRobots } from '../robots/shop-robots.js';
import type { CrawlOptions, CrawlStatus, LinkVia, PageSnapshot, UnlinkedSource } from '../types.js';
import { pageKey, requestUrl } from '../url-alias.js';
import { improveDepth, type ShopCrawl } from './shop-crawl.js';

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

/** The shop's pages, and its linked documents (the same fetcher in static mode). */
export interface PageFetchers {
  pages: PageFetcher;
  /** Browser mode fetches linked documents over plain HTTP: a PDF is not rendered. */
  documents: PageFetcher;
}

/** One shop's crawl once its home page is in: the state every later phase reads and moves on. */
export interface CrawlRun {
  readonly shop: ShopCrawl;
  readonly options: CrawlOptions;
  readonly env: CrawlEnvironment;
  readonly signal: AbortSignal;
  readonly robots: ShopRobots;
  readonly fetchers: PageFetchers;
  readonly homePage: FetchedPage;
  readonly homeSnapshot: PageSnapshot;
  readonly scope: ShopScope;
  readonly words: LinkWords;
  readonly wellKnown: WellKnownPaths;
  readonly frontier: Frontier;
  /** Document links queued so far (a few, and only labelled ones, are followed). */
  documentsQueued: number;
  /** A page reached by a contact-like link was kept. */
  contactFound: boolean;
  /** The well-known paths and sitemaps were tried. */
  fallbackDone: boolean;
  /** The shop systems the home page's links point to, for the order of the well-known paths. */
  systems: string[];
}

export type RunStart = Pick<
  CrawlRun,
  'shop' | 'env' | 'signal' | 'robots' | 'fetchers' | 'homePage' | 'homeSnapshot'
> & { home: URL };

export function startRun(start: RunStart): CrawlRun {
  const { home, ...given } = start;
  return {
    ...given,
    options: start.shop.options,
    scope: createShopScope(home.href, start.homePage.finalUrl),
    words: loadLinkWords(),
    wellKnown: loadWellKnownPaths(),
    frontier: new Frontier(),
    documentsQueued: 0,
    contactFound: false,
    fallbackDone: false,
    systems: [],
  };
}

/** Whether the page and attempt budgets leave room for another fetch. */
export function budgetLeft(run: CrawlRun): boolean {
  const { shop, options } = run;
  const maxAttempts = options.maxPages * ATTEMPTS_PER_PAGE;
  return shop.attempts < maxAttempts && shop.pagesUsed < options.maxPages && !run.signal.aborted;
}

/** Whether the pages so far lack a readable phone number or e-mail address. */
export function contactsMissing(run: CrawlRun): Promise<boolean> {
  return run.shop.handoff.contactsMissing(run.contactFound);
}

/** Offers the page's same-site links to the frontier, ranked by the link vocabulary. */
export async function discover(run: CrawlRun, page: PageSnapshot): Promise<void> {
  const { shop } = run;
  if (page.depth === null || !shop.handoff.hasBody(page) || !run.scope.contains(page.finalUrl)) return;
  const links = await shop.handoff.linksOf(page);
  if (page === run.homeSnapshot)
    run.systems = recogniseSystems(
      links.map((link) => link.url),
      run.wellKnown,
    );
  for (const link of links) offerLink(run, link, page.finalUrl, page.depth + 1);
}

function offerLink(run: CrawlRun, link: FoundLink, fromUrl: string, depth: number): void {
  const { shop, words } = run;
  const url = requestUrl(link.url);
  if (url === null) return;
  const linkUrl = new URL(url);
  if (!run.scope.follows(url, fromUrl) || shouldSkipLink(link.text, linkUrl, words)) return;
  // Every link reader places its links; a link without a region sat in the body.
  const via: LinkVia = { text: link.text, fromUrl, region: link.region ?? 'body' };
  if (link.box) via.box = link.box;
  const known = shop.snapshotAt(url);
  if (known) {
    improveDepth(known, depth, via);
    return;
  }
  if (shop.wasRequested(url) || depth > run.options.maxDepth) return;
  const key = pageKey(url);
  const rank = rankLink(link.text, linkUrl, words);
  if (isDocumentLink(linkUrl, words)) {
    // Only documents whose label says what they are (terms, contact …), and only a few.
    if (rank.score === 0 || run.documentsQueued >= words.documents.maxFollowed) return;
    if (!run.frontier.has(key)) run.documentsQueued++;
  }
  run.frontier.offer(url, key, depth, via, rank);
}

/** Fetches and keeps one page; null when robots.txt refuses it, it fails, or it is a page already held. */
export async function visit(
  run: CrawlRun,
  url: string,
  depth: number | null,
  via: LinkVia | null,
  rank: LinkRank | null,
  foundBy?: UnlinkedSource,
): Promise<PageSnapshot | null> {
  const { shop, signal } = run;
  shop.markRequested(url);
  // The pages before this one have been read for links by now.
  shop.releaseHtml();
  await shop.handoff.observerReady();
  if (!(await run.robots.allow(url))) return null;
  shop.attempts++;
  try {
    const fetched = await fetchPageOrDocument(run.fetchers, url, signal, run.words, {
      undecoded: shop.handoff.observerDecodes,
    });
    const snapshot = shop.addPage(fetched, depth, via, foundBy);
    if (
      snapshot &&
      (rank?.contactLike || rankLink(via?.text ?? '', new URL(fetched.finalUrl), run.words).contactLike)
    ) {
      run.contactFound = true;
    }
    return snapshot;
  } catch (err) {
    if (signal.aborted) return null;
    const failure = failureFromNodeError(err);
    shop.errors.push(toCrawlError(url, failure));
    if (depth !== null && fallsShort(failure)) shop.fellShort = true;
    return null;
  }
}

/** A linked page that failed this way is missing from the evidence; a 404 or a PDF link is not. */
function fallsShort(failure: CrawlFailure): boolean {
  const http = failure.httpStatus;
  if (http === null) return CRAWL_FALLING_SHORT.has(failure.status);
  return http >= 500 || http === 401 || http === 403 || http === 429;
}

/**
 * A document link (by its extension) goes to the plain-HTTP fetcher; a page the browser would not
 * render (a download) is asked for once more over plain HTTP, which returns a PDF as a document.
 */
async function fetchPageOrDocument(
  { pages, documents }: PageFetchers,
  url: string,
  signal: AbortSignal,
  words: LinkWords,
  how?: FetchHow,
): Promise<FetchedPage> {
  if (pages === documents) return pages.fetch(url, signal, how);
  if (isDocumentLink(new URL(url), words)) return documents.fetch(url, signal);
  try {
    return await pages.fetch(url, signal, how);
  } catch (err) {
    if (!(err instanceof CrawlFailure) || err.status !== 'not-html' || signal.aborted) throw err;
    const retried = await documents.fetch(url, signal).catch(() => null);
    if (retried && retried.html === '' && retried.contentType && DOCUMENT_TYPES.test(retried.contentType))
      return retried;
    throw err;
  }
}
