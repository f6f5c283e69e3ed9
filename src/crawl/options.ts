import { TOOL_VERSION } from '../common/version.js';
import type { CrawlOptions } from './types.js';
import { makeUserAgent } from './user-agent.js';

export const DEFAULT_CRAWL_OPTIONS: CrawlOptions = Object.freeze({
  mode: 'static',
  maxPages: 15,
  maxDepth: 3,
  allowPrivateHosts: false,
  obeyRobots: true,
  userAgent: makeUserAgent(TOOL_VERSION),
  pageTimeoutMs: 15_000,
  shopTimeoutMs: 90_000,
  hostDelayMs: 250,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 10,
});
