import { BrowserNotFoundError } from '../browser/browser-launch.js';
import { createBrowserPageFetcher } from '../browser/browser-page-fetcher.js';
import { CrawlFailure } from '../crawl-failure.js';
import type { CrawlEnvironment } from '../environment.js';
import type { PageFetcher } from '../fetch/page-fetcher.js';
import { createStaticPageFetcher } from '../fetch/static-page-fetcher.js';
import { sleep } from '../host-scheduler.js';
import type { CrawlError } from '../types.js';
import type { PageFetchers } from './crawl-run.js';
import type { ShopCrawl } from './shop-crawl.js';

/** The shop's page fetcher in its mode, and the plain-HTTP fetcher for its documents. */
export async function openFetchers(
  shop: ShopCrawl,
  env: CrawlEnvironment,
  crawlDelay: (host: string) => number,
): Promise<PageFetchers> {
  const pages = await openFetcher(shop, env, crawlDelay);
  // Browser mode fetches linked documents over plain HTTP: a PDF is not rendered.
  const documents =
    pages.mode === 'static'
      ? pages
      : createStaticPageFetcher(shop.options, env.scheduler, crawlDelay, (e) => shop.errors.push(e));
  return { pages, documents };
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
      return await openBrowserFetcher(shop, env, crawlDelay, recordRetry);
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
  throw new CrawlFailure({
    status: 'error',
    code: 'BROWSER_UNAVAILABLE',
    message: `the browser could not be started: ${(lastError as Error)?.message ?? lastError}`,
    stage: 'render',
  });
}

async function openBrowserFetcher(
  shop: ShopCrawl,
  env: CrawlEnvironment,
  crawlDelay: (host: string) => number,
  recordRetry: (error: CrawlError) => void,
): Promise<PageFetcher> {
  const browser = await env.browser();
  const fetcher = await createBrowserPageFetcher(browser, shop.options, env.scheduler, crawlDelay, {
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
}
