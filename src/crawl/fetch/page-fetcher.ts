/** A page as a fetcher returns it, before the crawl gives it a depth and a link. */

import type { TextBox, TextNeedle } from '../browser/text-locate.js';
import type { RawLink } from '../discovery/link-extract.js';
import type { ConsentObservation, FetchMode } from '../types.js';

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string | null;
  html: string;
  fetchedWith: FetchMode;
  /** Browser mode, first page of a shop: the cookie banner seen and what was done. */
  consent?: ConsentObservation;
  /** Browser mode: the page again after each click on a "show number" control. */
  revealed?: RevealedView[];
  /**
   * Browser mode: the visible links as the page itself resolved them (href, label), read in the
   * same round trip as the HTML, so the crawl need not parse the rendered HTML again for them.
   */
  links?: RawLink[];
  /**
   * Static mode, when asked for: the body as received, not yet decoded (`html` is then ''). The
   * crawl's observer decodes it on an extraction thread (`decodeBody(bytes, contentType)`), so the
   * main thread never builds the page's string.
   */
  undecoded?: Uint8Array;
  /** The evidence render: each needle's box in the page's screenshot, or null where it was not seen. */
  located?: Array<TextBox | null>;
}

/** The page after one reveal click, with the screenshot taken after that click (when screenshots are on). */
export interface RevealedView {
  html: string;
  description: string;
  screenshotPath?: string;
  screenshotSha256?: string;
  screenshotCapturedAt?: string;
}

export interface FetchHow {
  /** Leave an HTML body undecoded when that is possible (static mode, no snapshot to store). */
  undecoded?: boolean;
  /**
   * Browser mode, the evidence render after the crawl: screenshot the page whatever it holds, find
   * these texts' boxes in it, click nothing and store no HTML (the page's evidence is its crawl
   * fetch; the render only shows it).
   */
  evidence?: { needles: TextNeedle[] };
}

/** Fetches one HTML page; throws a CrawlFailure. One per shop. */
export interface PageFetcher {
  readonly mode: FetchMode;
  fetch(url: string, signal: AbortSignal, how?: FetchHow): Promise<FetchedPage>;
  /** Browser mode: the same page rendered at a phone-sized viewport (the mobile pass). */
  fetchMobile?(url: string, signal: AbortSignal): Promise<FetchedPage>;
  close(): Promise<void>;
}
