import { toCrawlError } from '../crawl-failure.js';
import type { CrawlEnvironment } from '../environment.js';
import type { ShopCrawl } from '../run/shop-crawl.js';
import type { RobotsRules } from './robots.js';

/**
 * One shop's robots.txt files, one per origin the crawl asks about, fetched on first use; their
 * failures are recorded once, and the URLs they refuse are listed in the shop's robots decision.
 */
export class ShopRobots {
  private readonly byOrigin = new Map<string, RobotsRules>();

  constructor(
    private readonly shop: ShopCrawl,
    private readonly env: CrawlEnvironment,
    private readonly signal: AbortSignal,
  ) {}

  /** The rules for the URL's origin; null when the crawl does not obey robots.txt. */
  async rulesFor(url: string): Promise<RobotsRules | null> {
    const { shop } = this;
    if (!shop.options.obeyRobots) return null;
    const origin = new URL(url).origin;
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = await this.env.robots(origin, {
        options: shop.options,
        scheduler: this.env.scheduler,
        signal: this.signal,
        hostDelayMs: () => 0,
        onRetry: (e) => shop.errors.push({ ...e, stage: 'robots' }),
      });
      this.byOrigin.set(origin, rules);
      if (rules.failure && rules.failure.code !== 'ABORTED') {
        shop.errors.push({ ...toCrawlError(rules.url, rules.failure), stage: 'robots' });
      }
    }
    return rules;
  }

  /** The Crawl-delay robots.txt asks of a host, ms. */
  readonly crawlDelay = (host: string): number => {
    for (const rules of this.byOrigin.values())
      if (new URL(rules.origin).host === host) return rules.crawlDelayMs;
    return 0;
  };

  /** True when robots.txt lets us fetch the URL; records the refusal otherwise. */
  async allow(url: string): Promise<boolean> {
    const rules = await this.rulesFor(url);
    if (!rules || rules.isAllowed(url)) return true;
    this.shop.robots?.disallowed.push(url);
    return false;
  }
}
