import { storeHtmlSnapshot } from '../browser/screenshot.js';
import { CrawlFailure } from '../crawl-failure.js';
import type { HostScheduler } from '../host-scheduler.js';
import type { CrawlError, CrawlOptions } from '../types.js';
import { decodeBody } from './charset.js';
import { CookieJar } from './cookie-jar.js';
import type { FetchedPage, FetchHow, PageFetcher } from './page-fetcher.js';
import { DOCUMENT_TYPES, fetchStatic } from './static-fetch.js';

/** Bodies without a Content-Type are taken as HTML only when they look like markup. */
const LOOKS_LIKE_HTML = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|a)\b/i;

export function createStaticPageFetcher(
  options: CrawlOptions,
  scheduler: HostScheduler,
  hostDelayMs: (host: string) => number,
  recordRetry: (error: CrawlError) => void,
): PageFetcher {
  const cookies = new CookieJar();
  return {
    mode: 'static',
    async fetch(url: string, signal: AbortSignal, how?: FetchHow): Promise<FetchedPage> {
      // A stored snapshot needs the decoded page here; so does a body without a content type.
      const undecoded = how?.undecoded === true && !options.artifactsDir;
      const response = await fetchStatic(url, {
        decode: !undecoded,
        options,
        scheduler,
        signal,
        accept: 'html',
        cookies,
        hostDelayMs,
        onRetry: recordRetry,
        acceptDocuments: true,
      });
      if (undecoded && response.contentType && !DOCUMENT_TYPES.test(response.contentType)) {
        return {
          requestedUrl: url,
          finalUrl: response.finalUrl,
          httpStatus: response.status,
          contentType: response.contentType,
          html: '',
          fetchedWith: 'static',
          undecoded: response.bytes,
        };
      }
      const body = undecoded ? decodeBody(response.bytes, response.contentType) : response.body;
      if (!response.contentType && !LOOKS_LIKE_HTML.test(body.slice(0, 2048))) {
        throw new CrawlFailure({
          status: 'not-html',
          code: 'NOT_HTML',
          message: 'no content type and the body is not HTML',
          httpStatus: response.status,
        });
      }
      if (options.artifactsDir) {
        // The exact page a finding rests on, content-addressed by its SHA-256 (the evidence's contentHash).
        await storeHtmlSnapshot(options.artifactsDir, body).catch(() => undefined);
      }
      return {
        requestedUrl: url,
        finalUrl: response.finalUrl,
        httpStatus: response.status,
        contentType: response.contentType,
        html: body,
        fetchedWith: 'static',
      };
    },
    async close() {},
  };
}
