import type {
  ConsentObservation,
  CrawlBudget,
  CrawlError,
  CrawlStatus,
  FetchMode,
  LinkVia,
  RobotsDecision,
  ScreenshotMissing,
  UnlinkedSource,
} from '../crawl/types.js';
import type { Fact, PageKind, Sighting, Widget } from '../extract/types.js';

export const EVIDENCE_SCHEMA_VERSION = 1;

export type CountrySource = 'list' | 'option' | 'domain' | 'language' | 'default';

export interface EvidencePage {
  /** p1, p2, … in crawl order; p1 is the home page. */
  id: string;
  url: string;
  finalUrl: string;
  httpStatus: number | null;
  kind: PageKind;
  title: string | null;
  /** Clicks from the home page; null when the page is unlinked (sitemap or well-known path). */
  depth: number | null;
  linked: boolean;
  /** The link that led to the page, with where it sat on the page that held it (`region`, `box`). */
  via: LinkVia | null;
  /** An unlinked page: found on a well-known path of shop systems or in a sitemap (absent in older evidence). */
  foundBy?: UnlinkedSource;
  fetchedWith: FetchMode;
  fetchedAt: string;
  contentHash: string;
  screenshotPath?: string;
  /** sha256 hex of the screenshot file's bytes. */
  screenshotSha256?: string;
  /** When the screenshot was taken (ISO 8601). */
  screenshotCapturedAt?: string;
  /** `crawl`: taken in the render this page was read from; `after-crawl`: in a render of its URL after the crawl. */
  screenshotRender?: 'crawl' | 'after-crawl';
  /** Why this page, which should have a screenshot (home page, phone or e-mail seen), has none. */
  screenshotMissing?: ScreenshotMissing;
  /** The click this view of the page followed ("clicked \"Show number\""): a reveal snapshot, with its own screenshot. */
  afterInteraction?: string;
  /** The viewport the page was rendered at (browser mode); `mobile` pages come from the mobile pass. */
  viewport?: 'desktop' | 'mobile';
  /** Whether the page's main content speaks of the right of withdrawal (absent in older evidence). */
  withdrawalInfo?: boolean;
  /** Whether the page states a call price per minute or per call anywhere (absent in older evidence). */
  statesCallPrice?: boolean;
}

/** A sighting placed in its shop: which page, and that page's kind and depth copied for the rules. */
export interface EvidenceSighting extends Sighting {
  /** s1, s2, … */
  id: string;
  pageId: string;
  pageUrl: string;
  pageKind: PageKind;
  pageDepth: number | null;
  /** The page's `withdrawalInfo`, copied for the rules (absent in older evidence). */
  pageWithdrawalInfo?: boolean;
  /** The page's `viewport` (browser mode): `mobile` for the sightings of the phone-sized pass. */
  pageViewport?: 'desktop' | 'mobile';
  /** The page's `statesCallPrice`, copied for the rules (absent in older evidence). */
  pageStatesCallPrice?: boolean;
}

/** An identity fact placed in its shop, like a sighting. */
export interface EvidenceFact extends Fact {
  /** f1, f2, … */
  id: string;
  pageId: string;
  pageUrl: string;
  pageKind: PageKind;
  pageDepth: number | null;
}

export interface EvidenceWidget extends Widget {
  /** w1, w2, … */
  id: string;
  pageId: string;
  pageKind: PageKind;
  pageDepth: number | null;
}

/** All that was observed of one shop in one run: facts, never judgements. */
export interface ShopEvidence {
  schemaVersion: typeof EVIDENCE_SCHEMA_VERSION;
  target: {
    key: string;
    input: string;
    origin: string | null;
    name: string;
    country: string;
    countrySource: CountrySource;
    language: string | null;
    group: string | null;
  };
  crawl: {
    /** The mode asked for. */
    mode: 'static' | 'browser' | 'auto';
    /** The fetchers that actually ran, in order (auto may use both). */
    modesUsed: FetchMode[];
    startedAt: string;
    finishedAt: string;
    userAgent: string;
    robots: RobotsDecision | null;
    status: CrawlStatus;
    errors: CrawlError[];
    browserVersion: string | null;
    /** The page budget of the crawl whose pages are judged, and what it spent (absent in older evidence). */
    budget?: CrawlBudget;
  };
  pages: EvidencePage[];
  sightings: EvidenceSighting[];
  widgets: EvidenceWidget[];
  /** The trader's identity facts (address, legal name, register and VAT numbers); absent in older evidence. */
  facts?: EvidenceFact[];
  consent: ConsentObservation | null;
  /**
   * Caps that cut what was kept of the shop (src/extract/caps.ts, src/evidence/evidence-caps.ts),
   * each with how many there were: a shop judged on part of what it showed says so. Absent when none did.
   */
  limits?: EvidenceLimit[];
}

/** One cap that cut a list of the shop (or of one page of it). */
export interface EvidenceLimit {
  limit:
    | 'candidate-numbers-per-page'
    | 'sightings-per-page'
    | 'facts-per-page'
    | 'widgets-per-page'
    | 'css-sources-per-page'
    | 'css-selectors-per-page'
    | 'sightings-per-shop'
    | 'facts-per-shop'
    | 'widgets-per-shop'
    | 'stored-bytes';
  /** The page, for a cap per page. */
  pageId?: string;
  max: number;
  /** How many there were (for stored-bytes: the size of the document in bytes). */
  found: number;
  kept: number;
}
