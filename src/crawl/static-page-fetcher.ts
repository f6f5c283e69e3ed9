import { CookieJar } from './cookie-jar.js';
import { CrawlFailure } from './crawl-failure.js';
import type { HostScheduler } from './host-scheduler.js';
import type { FetchedPage, PageFetcher } from './page-fetcher.js';
import { storeHtmlSnapshot } from './screenshot.js';
import { fetchStatic } from './static-fetch.js';
import type { CrawlError, CrawlOptions } from './types.js';

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
    async fetch(url: string, signal: AbortSignal): Promise<FetchedPage> {
      const response = await fetchStatic(url, {
        options,
        scheduler,
        signal,
        accept: 'html',
        cookies,
        hostDelayMs,
        onRetry: recordRetry,
        acceptDocuments: true,
      });
      if (!response.contentType && !LOOKS_LIKE_HTML.test(response.body.slice(0, 2048))) {
        throw new CrawlFailure(
          'not-html',
          'NOT_HTML',
          'no content type and the body is not HTML',
          'fetch',
          response.status,
        );
      }
      if (options.artifactsDir) {
        // The exact page a finding rests on, content-addressed by its SHA-256 (the evidence's contentHash).
        await storeHtmlSnapshot(options.artifactsDir, response.body).catch(() => undefined);
      }
      return {
        requestedUrl: url,
        finalUrl: response.finalUrl,
        httpStatus: response.status,
        contentType: response.contentType,
        html: response.body,
        fetchedWith: 'static',
      };
    },
    async close() {},
  };
}
