import type { ShopTarget } from '../input/types.js';

export type FetchMode = 'static' | 'browser';
export type CrawlMode = FetchMode | 'auto';

/**
 * Every shop ends with exactly one of these. `ok` and `partial` shops are judged;
 * the rest are "not rated" (rules that need pages become not-assessable).
 */
export const CRAWL_STATUSES = [
  'ok', // home page and the planned pages were fetched
  'partial', // home page fetched, but the watchdog, page errors or limits cut the crawl short
  'unreachable', // connection refused/reset, or HTTP 5xx/4xx on the home page
  'dns-error',
  'tls-error',
  'timeout',
  'blocked', // HTTP 401/403/429 on the home page, or a bot wall
  'robots-disallowed', // robots.txt forbids the home page
  'consent-wall', // a cookie wall that cannot be passed without consenting
  'private-host', // refused: resolves to a private/loopback/link-local address
  'invalid-url',
  'not-html', // home page is not HTML
  'redirect-loop', // too many redirects
  'too-large', // home page exceeded the byte limit
  'error', // anything else; the message is in crawl.errors
] as const;
export type CrawlStatus = (typeof CRAWL_STATUSES)[number];

export interface CrawlError {
  url: string;
  stage: 'dns' | 'connect' | 'fetch' | 'robots' | 'render' | 'discover' | 'watchdog' | 'extract';
  message: string;
  /** A short code such as ETIMEDOUT, HTTP_429, ENOTFOUND, PRIVATE_HOST. */
  code?: string;
  attempt?: number;
}

/**
 * Where a link sat on the page that held it: the header, the navigation or the footer (the chrome
 * every page of a shop shares), or the body (main content, sidebars, dialogs, anything else).
 */
export const LINK_REGIONS = ['header', 'nav', 'footer', 'body'] as const;
export type LinkRegion = (typeof LINK_REGIONS)[number];

/** How a page was reached: the link clicked and the page it was on. */
export interface LinkVia {
  text: string;
  fromUrl: string;
  /**
   * Where the link sat on `fromUrl`: its header, navigation or footer, or the body (main content,
   * sidebars, anything else). From the document's landmarks, roles and class words in static mode,
   * from the rendered document in browser mode. Absent in evidence gathered before it was recorded.
   */
  region?: LinkRegion;
  /** Browser mode: the link's box on `fromUrl`, in document coordinates (CSS pixels). */
  box?: LinkBox;
}

export interface LinkBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How an unlinked page (depth null) was found: a well-known path of shop systems, or a sitemap. */
export type UnlinkedSource = 'well-known-path' | 'sitemap';

/** The page budget of a crawl and what was spent of it. */
export interface CrawlBudget {
  /** Pages the crawl was allowed (`maxPages`). */
  maxPages: number;
  /** Pages fetched and kept (first views; reveal-click and phone-sized snapshots not counted). */
  pagesUsed: number;
  /** Requests for pages made, failures and redirects to pages already held included. */
  attempts: number;
}

/**
 * A fetched page, as the extract stage receives it.
 * In browser mode `html` is the rendered DOM, serialised after the browser annotated it:
 * `<html data-sr-rendered="1">`, and every element it judged invisible (display:none,
 * visibility:hidden, zero size, opacity 0, off-screen) carries `data-sr-hidden="1"`;
 * elements whose top is below the first viewport carry `data-sr-below-fold="1"`.
 */
export interface PageSnapshot {
  /** The URL requested. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  httpStatus: number | null;
  contentType: string | null;
  fetchedWith: FetchMode;
  html: string;
  /** Clicks from the home page following visible links; null when found only via sitemap or well-known paths. */
  depth: number | null;
  via: LinkVia | null;
  /** For an unlinked page (depth null): how it was found. */
  foundBy?: UnlinkedSource;
  fetchedAt: string;
  /** sha256 hex of `html`. */
  contentHash: string;
  screenshotPath?: string;
  /** sha256 hex of the screenshot file's bytes (browser mode, when a screenshot was taken). */
  screenshotSha256?: string;
  /** When the screenshot was taken (ISO 8601). */
  screenshotCapturedAt?: string;
  /**
   * Which render the screenshot comes from: `crawl`, the render this page was read from; `after-crawl`,
   * a render of the page's URL after the crawl, for a page the crawl fetched statically (or whose
   * render gave none): evidence of what that fetch read, taken at `screenshotCapturedAt`.
   */
  screenshotRender?: 'crawl' | 'after-crawl';
  /** Why a page that should have a screenshot (the home page, a page with a phone or e-mail) has none. */
  screenshotMissing?: ScreenshotMissing;
  /** Description of the click that revealed content in this snapshot, if any (browser mode). */
  afterInteraction?: string;
  /** Browser mode: the viewport the page was rendered at; `mobile` pages come from the mobile pass. */
  viewport?: 'desktop' | 'mobile';
}

/**
 * Why a page has no screenshot: turned off (`--no-screenshots`), no browser found, a browser that
 * could not start, a render after the crawl that failed or ran out of time, the view after a click
 * whose shot failed (it cannot be rendered again without the click), or a page whose extraction hit
 * a cap (`over-limit`: rendering it again would cost what the cap saved). `detail` is the error or
 * the caps.
 */
export interface ScreenshotMissing {
  code:
    | 'off'
    | 'no-browser'
    | 'browser-failed'
    | 'render-failed'
    | 'out-of-time'
    | 'after-click'
    | 'over-limit';
  detail?: string;
}

/** A page's stylesheet as the static crawl fetched it (src/crawl/fetch/stylesheets.ts): its text, or why not. */
export interface FetchedStylesheet {
  url: string;
  css?: string;
  /** `cross-site`, `limit`, `robots`, `not-css`, `too-large`, `not-found`, or a fetch error's code. */
  unread?: string;
}

/** What an observer read from a static page for the crawl, from its own parse of the page. */
export interface CrawlReading {
  /** The page's links; null when they could not be read. */
  links: Array<{ url: string; text: string }> | null;
  /** Asked for with `consentWall`: the wall the page is, or null for a page with content. */
  consentWall?: ConsentObservation | null;
}

/**
 * Told of each page as soon as the crawl has it (desktop, revealed and phone-sized snapshots), so
 * the caller can read pages while the crawl goes on. With `releasesHtml`, the crawl empties a
 * static page's `html` once it has taken its links: the observer keeps what it needs, and a shop's
 * pages no longer all sit in memory until the shop ends. Rendered pages keep their HTML (the
 * phone-sized pass reads it at the end).
 */
export interface PageObserver {
  /**
   * A page was added. For a static page the observer may answer with what it read of the page
   * (its links, and whether it is only a consent wall when `consentWall` is asked); the crawl then
   * does not parse the page for them itself.
   */
  onPage(
    page: PageSnapshot,
    /**
     * With `decodesPages`: the static page's body as received; `html` and `contentHash` are '' until
     * the observer fills them. The observer may take the bytes over (the crawl's view then empties).
     */
    undecoded?: Uint8Array,
    ask?: {
      consentWall?: boolean;
      /** Static pages: the page's own stylesheets, for judging visibility; wait for them before reading. */
      stylesheets?: Promise<FetchedStylesheet[]>;
    },
  ): Promise<CrawlReading | null> | undefined;
  releasesHtml: boolean;
  /**
   * Static pages reach the observer undecoded: it decodes them on its own threads and sets the
   * snapshot's `contentHash`, so the crawl's thread never builds them.
   */
  decodesPages?: boolean;
  /** Awaited before each fetch: an observer that is behind holds the crawl back. */
  ready?(): Promise<void>;
  /**
   * Whether the pages added so far show a phone number and an e-mail address a visitor can read
   * (waits for their readings). The crawl asks before it spends pages on the well-known paths.
   */
  contactsFound?(): Promise<{ phone: boolean; email: boolean }>;
}

export interface RobotsDecision {
  url: string;
  /** HTTP status of robots.txt, null when it could not be fetched. */
  status: number | null;
  /** true when robots.txt was honoured (the default). */
  obeyed: boolean;
  /** URLs the crawl wanted but robots.txt disallowed. */
  disallowed: string[];
}

export interface CrawlOptions {
  mode: FetchMode;
  maxPages: number;
  maxDepth: number;
  allowPrivateHosts: boolean;
  obeyRobots: boolean;
  userAgent: string;
  /** Per page, ms. */
  pageTimeoutMs: number;
  /** Per shop, ms: the watchdog ends the shop with partial evidence after this. */
  shopTimeoutMs: number;
  /** Delay between two requests to the same host, ms. */
  hostDelayMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Browser mode: render the pages that showed contact data again at a phone-sized viewport. Default true. */
  mobilePass?: boolean;
  /** Browser mode: take full-page screenshots of pages with contact candidates (and the home page). Default on. */
  screenshots?: boolean;
  /** Folder for content-addressed artifacts (screenshots, gzipped page snapshots); none are written without it. */
  artifactsDir?: string;
}

export interface CrawlResult {
  target: ShopTarget;
  mode: FetchMode;
  /** Origin after the home page's redirects, null when the home page was never reached. */
  origin: string | null;
  startedAt: string;
  finishedAt: string;
  userAgent: string;
  robots: RobotsDecision | null;
  status: CrawlStatus;
  errors: CrawlError[];
  pages: PageSnapshot[];
  browserVersion?: string;
  consent?: ConsentObservation;
  /** The page budget and what was spent of it; absent when the home page was never fetched. */
  budget?: CrawlBudget;
}

export interface ConsentObservation {
  platform: string | null;
  action: 'rejected' | 'accepted' | 'none';
  coveredContactLink: boolean | null;
  /** The banner blocked the page: it covered most of the viewport, locked scrolling or made the page inert. */
  blocking?: boolean;
  /** A blocking banner that could be neither rejected nor closed: the shop's status is consent-wall. */
  wall?: boolean;
}
