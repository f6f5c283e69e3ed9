import robotsParserModule from 'robots-parser';
import { type CrawlFailure, failureFromNodeError } from '../crawl-failure.js';
import { fetchStatic, type StaticFetchContext } from '../fetch/static-fetch.js';
import { ROBOTS_AGENT_TOKEN } from '../user-agent.js';

type RobotsParser = (
  url: string,
  body: string,
) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
};
// The package is CommonJS (`module.exports = fn`) while its typings declare an ES default export.
const robotsParser: RobotsParser = ((robotsParserModule as unknown as { default?: RobotsParser }).default ??
  robotsParserModule) as unknown as RobotsParser;

const ROBOTS_MAX_BYTES = 512 * 1024;
/** The longest Crawl-delay honoured; beyond it a shop would never finish. */
const MAX_CRAWL_DELAY_MS = 5_000;

export interface RobotsRules {
  origin: string;
  url: string;
  /** HTTP status of robots.txt; null when it could not be fetched. */
  status: number | null;
  isAllowed(url: string): boolean;
  /** The Crawl-delay asked of us, capped, ms (0 when none). */
  crawlDelayMs: number;
  sitemaps: string[];
  /** Why robots.txt could not be read, when it could not. */
  failure: CrawlFailure | null;
}

/**
 * Reads robots.txt as RFC 9309 says: a 4xx means no rules; a 5xx (and 429) means "assume
 * complete disallow". A network failure or timeout is recorded and treated as no rules: the home
 * page fetch that follows will say whether the host is reachable at all.
 */
export async function fetchRobots(
  origin: string,
  ctx: Omit<StaticFetchContext, 'accept'>,
): Promise<RobotsRules> {
  const url = new URL('/robots.txt', origin).href;
  try {
    const response = await fetchStatic(url, { ...ctx, accept: 'text', maxBytes: ROBOTS_MAX_BYTES });
    return parsedRules(origin, url, response.status, response.body, null);
  } catch (err) {
    const failure = failureFromNodeError(err);
    const status = failure.httpStatus;
    if (status !== null && (status >= 500 || status === 429))
      return disallowAll(origin, url, status, failure);
    if (status !== null && status >= 400) return parsedRules(origin, url, status, '', null);
    if (failure.code === 'TOO_LARGE') return parsedRules(origin, url, status, '', failure);
    return parsedRules(origin, url, null, '', failure);
  }
}

export function parsedRules(
  origin: string,
  url: string,
  status: number | null,
  body: string,
  failure: CrawlFailure | null,
): RobotsRules {
  const robot = robotsParser(url, body);
  const delay = robot.getCrawlDelay(ROBOTS_AGENT_TOKEN);
  return {
    origin,
    url,
    status,
    failure,
    crawlDelayMs: delay ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) : 0,
    sitemaps: robot.getSitemaps().flatMap((s) => absoluteUrl(s, url)),
    // robots-parser answers undefined for URLs of another origin: those are judged by their own file.
    isAllowed: (target) => robot.isAllowed(target, ROBOTS_AGENT_TOKEN) !== false,
  };
}

function disallowAll(origin: string, url: string, status: number, failure: CrawlFailure): RobotsRules {
  return { origin, url, status, failure, crawlDelayMs: 0, sitemaps: [], isAllowed: () => false };
}

function absoluteUrl(value: string, base: string): string[] {
  try {
    return [new URL(value, base).href];
  } catch {
    return [];
  }
}
