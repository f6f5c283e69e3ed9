export { annotateVisibility } from './browser-annotate.js';
export { crawlShop } from './crawl-shop.js';
export { type CrawlEnvironment, createCrawlEnvironment } from './environment.js';
export { DEFAULT_CRAWL_OPTIONS } from './options.js';
export { makeUserAgent } from './user-agent.js';
export { isPublicAddress, makeGuardedLookup } from './address-guard.js';
export type * from './types.js';
