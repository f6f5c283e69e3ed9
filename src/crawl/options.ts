import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../shared/paths.js';
import type { CrawlOptions } from './types.js';
import { makeUserAgent } from './user-agent.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const TOOL_VERSION = packageVersion();

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
