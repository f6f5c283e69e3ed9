export { isPublicAddress, makeGuardedLookup } from './address-guard.js';
export { annotateVisibility } from './browser-annotate.js';
export { crawlShop } from './crawl-shop.js';
export { type CrawlEnvironment, createCrawlEnvironment } from './environment.js';
export { DEFAULT_CRAWL_OPTIONS } from './options.js';
export type * from './types.js';
export { makeUserAgent } from './user-agent.js';
