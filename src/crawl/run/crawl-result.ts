import type { CrawlBudget, CrawlResult, CrawlStatus } from '../types.js';
import type { ShopCrawl } from './shop-crawl.js';

/** The shop's result as the crawl left it. */
export function crawlResult(shop: ShopCrawl): CrawlResult {
  const result: CrawlResult = {
    target: shop.target,
    mode: shop.options.mode,
    origin: shop.origin,
    startedAt: shop.startedAt,
    finishedAt: new Date().toISOString(),
    userAgent: shop.options.userAgent,
    robots: shop.robots ? { ...shop.robots, disallowed: [...shop.robots.disallowed] } : null,
    status: crawlStatus(shop),
    errors: [...shop.errors],
    pages: [...shop.pages],
  };
  if (shop.browserVersion) result.browserVersion = shop.browserVersion;
  if (shop.consent) result.consent = { ...shop.consent };
  if (shop.pages.length > 0) result.budget = crawlBudget(shop);
  return result;
}

function crawlBudget(shop: ShopCrawl): CrawlBudget {
  return { maxPages: shop.options.maxPages, pagesUsed: shop.pagesUsed, attempts: shop.attempts };
}

/**
 * The shop's status: without a page, why the home page failed; with pages, a consent wall, a
 * crawl cut short or falling short (partial), else ok.
 */
export function crawlStatus(
  shop: Pick<ShopCrawl, 'pages' | 'homeFailure' | 'stopped' | 'consentWall' | 'fellShort'>,
): CrawlStatus {
  if (shop.pages.length === 0) {
    if (shop.homeFailure) return shop.homeFailure.status;
    return shop.stopped ? 'timeout' : 'error';
  }
  if (shop.consentWall) return 'consent-wall';
  if (shop.stopped || shop.fellShort) return 'partial';
  return 'ok';
}
