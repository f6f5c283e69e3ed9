import { createHash } from 'node:crypto';
import type { ShopTarget } from '../../input/types.js';
import { screenshotFieldsOf } from '../browser/screenshot.js';
import type { CrawlFailure } from '../crawl-failure.js';
import { betterVia } from '../discovery/link-region.js';
import type { FetchedPage } from '../fetch/page-fetcher.js';
import type {
  ConsentObservation,
  CrawlError,
  CrawlOptions,
  LinkVia,
  PageObserver,
  PageSnapshot,
  RobotsDecision,
  UnlinkedSource,
} from '../types.js';
import { pageKey } from '../url-alias.js';
import { ExtractionHandoff } from './extraction-handoff.js';

/**
 * What one shop's crawl holds: the pages kept (each alias of a page once), the requests made, the
 * errors, and the facts its status is derived from (src/crawl/run/crawl-result.ts).
 */
export class ShopCrawl {
  readonly startedAt = new Date().toISOString();
  readonly pages: PageSnapshot[] = [];
  readonly errors: CrawlError[] = [];
  readonly handoff: ExtractionHandoff;
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
  private readonly byFinalUrl = new Map<string, PageSnapshot>();
  /** Pages asked for, by page key: every alias of a page (src/crawl/url-alias.ts) is asked for once. */
  private readonly requested = new Set<string>();
  /** First views of pages kept: what the page budget counts (reveal and phone-sized snapshots come on top). */
  pagesUsed = 0;
  /** Requests for pages, failures and redirects to pages already held included. */
  attempts = 0;

  constructor(
    readonly target: ShopTarget,
    readonly options: CrawlOptions,
    observer: PageObserver | null = null,
  ) {
    this.handoff = new ExtractionHandoff(observer, options.mode);
  }

  private added(snapshot: PageSnapshot, undecoded?: Uint8Array): void {
    this.pages.push(snapshot);
    this.handoff.handOver(snapshot, undecoded, this.pages.length === 1);
  }

  /** Empties the HTML of static pages already handed to the observer and read for links. */
  releaseHtml(): void {
    this.handoff.releaseHtml(this.pages);
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
    if (fetched.links) this.handoff.reportLinks(snapshot, fetched.links);
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
}

/** A shorter way to a known page replaces the recorded one; at the same depth, a link in the chrome does. */
export function improveDepth(snapshot: PageSnapshot, depth: number | null, via: LinkVia | null): void {
  if (depth === null) return;
  if (snapshot.depth === null || depth < snapshot.depth) {
    snapshot.depth = depth;
    snapshot.via = via;
    delete snapshot.foundBy;
  } else if (depth === snapshot.depth && via && snapshot.via && betterVia(via, snapshot.via)) {
    snapshot.via = via;
  }
}
