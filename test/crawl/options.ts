import { DEFAULT_CRAWL_OPTIONS } from '../../src/crawl/index.js';
import type { CrawlOptions } from '../../src/crawl/types.js';
import type { ShopTarget } from '../../src/input/types.js';

/** Small limits so hostile cases end in seconds. */
export function testOptions(overrides: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    ...DEFAULT_CRAWL_OPTIONS,
    allowPrivateHosts: true,
    hostDelayMs: 0,
    pageTimeoutMs: 2_000,
    shopTimeoutMs: 20_000,
    ...overrides,
  };
}

export function target(url: string): ShopTarget {
  return { key: url.replace(/\/$/, ''), url };
}
