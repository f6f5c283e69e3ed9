import { staticConsentWall } from '../consent/static-consent-wall.js';
import { CrawlFailure } from '../crawl-failure.js';
import { extractLinks, type FoundLink, type RawLink, resolveLinks } from '../discovery/link-extract.js';
import { decodeBody } from '../fetch/charset.js';
import type { ShopStylesheets } from '../fetch/stylesheets.js';
import type { ConsentObservation, CrawlReading, FetchMode, PageObserver, PageSnapshot } from '../types.js';

/**
 * The hand-off of a shop's pages to the extraction threads (the observer): what each page was
 * handed over as, and what the observer read of it, so the crawl does not parse a page the
 * threads already read. Without an observer the crawl reads every page itself.
 */
export class ExtractionHandoff {
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
  /** Set once the observer has said the pages show a readable phone number and e-mail address. */
  private contactsComplete = false;
  /** Static mode: the shop's own stylesheets, fetched once each, for the observer to judge visibility with. */
  stylesheets: ShopStylesheets | null = null;

  constructor(
    private readonly observer: PageObserver | null,
    private readonly mode: FetchMode,
  ) {}

  /** Hands a kept page to the observer; `isHomePage` when it is the shop's first page. */
  handOver(snapshot: PageSnapshot, undecoded: Uint8Array | undefined, isHomePage: boolean): void {
    if (undecoded) {
      this.undecoded.set(snapshot, undecoded);
      this.bodyLength.set(snapshot, undecoded.byteLength);
    }
    // Static mode asks whether the home page is nothing but a consent wall.
    const ask: { consentWall: boolean; stylesheets?: ReturnType<ShopStylesheets['forPage']> } = {
      consentWall: isHomePage && this.mode === 'static',
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

  /** Keeps the links the browser reported for a rendered page. */
  reportLinks(snapshot: PageSnapshot, links: RawLink[]): void {
    this.reportedLinks.set(snapshot, links);
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
      throw new CrawlFailure({
        status: 'error',
        code: 'EXTRACT_FAILED',
        message: `${page.finalUrl} could not be read`,
        stage: 'extract',
      });
    return decodeBody(bytes, page.contentType);
  }

  /** Waits until the observer can take more pages. */
  async observerReady(): Promise<void> {
    await this.observer?.ready?.();
  }

  /** Empties the HTML of static pages already handed to the observer and read for links. */
  releaseHtml(pages: readonly PageSnapshot[]): void {
    if (!this.observer?.releasesHtml) return;
    for (const page of pages) {
      if (page.fetchedWith !== 'static') continue;
      page.html = '';
      this.undecoded.delete(page);
    }
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
}
