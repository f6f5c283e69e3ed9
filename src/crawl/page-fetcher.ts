import type { FetchMode } from './types.js';

/** A page as a fetcher returns it, before the crawl gives it a depth and a link. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string | null;
  html: string;
  fetchedWith: FetchMode;
}

/** Fetches one HTML page; throws a CrawlFailure. One per shop. */
export interface PageFetcher {
  readonly mode: FetchMode;
  fetch(url: string, signal: AbortSignal): Promise<FetchedPage>;
  close(): Promise<void>;
}
