import type { RunRecord } from '../../store/types.js';
import type { ShopResult } from '../shop-result.js';

/** What the run's stored options say about the crawl, read defensively (older runs lack fields). */
export interface CrawlFacts {
  mode: 'static' | 'browser' | 'auto';
  maxPages: number | null;
  maxDepth: number | null;
  pageTimeoutS: number | null;
  shopTimeoutS: number | null;
  hostDelayMs: number | null;
  maxMegabytes: number | null;
  obeyRobots: boolean;
  userAgent: string | null;
  mobilePass: boolean | null;
  /** Rescores: the run whose evidence was judged again, and whether another rules folder was used. */
  rescoredFrom: number | null;
  otherRules: boolean;
  overridesFile: boolean;
  carriedFrom: string | null;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The crawl settings of a run, as facts; never a path from the machine that ran it. */
export function crawlFacts(run: RunRecord): CrawlFacts {
  const options = record(run.options);
  // Runs keep the normalised crawl options under `crawl`; a few early ones kept them at the top.
  const crawl = { ...options, ...record(options.crawl) };
  const args = record(options.args);
  const mode = [args.mode, options.mode, crawl.mode].find(
    (m): m is CrawlFacts['mode'] => m === 'static' || m === 'browser' || m === 'auto',
  );
  const pageTimeout = num(crawl.pageTimeoutMs);
  const shopTimeout = num(crawl.shopTimeoutMs);
  const maxBytes = num(crawl.maxBytes);
  const carry = options.carryOverrides ?? args['carry-overrides'];
  return {
    mode: mode ?? 'static',
    maxPages: num(crawl.maxPages),
    maxDepth: num(crawl.maxDepth),
    pageTimeoutS: pageTimeout === null ? null : pageTimeout / 1000,
    shopTimeoutS: shopTimeout === null ? null : shopTimeout / 1000,
    hostDelayMs: num(crawl.hostDelayMs),
    maxMegabytes: maxBytes === null ? null : Math.round((maxBytes / 1024 / 1024) * 10) / 10,
    obeyRobots: crawl.obeyRobots !== false,
    userAgent: typeof crawl.userAgent === 'string' ? crawl.userAgent : null,
    mobilePass: typeof crawl.mobilePass === 'boolean' ? crawl.mobilePass : null,
    rescoredFrom: num(options.rescoredFrom),
    otherRules: typeof options.rules === 'string' || typeof args.rules === 'string',
    overridesFile: typeof options.overrides === 'string' || typeof args.overrides === 'string',
    carriedFrom: typeof carry === 'string' ? carry : null,
  };
}

/** The first and last moment a shop of the run was visited, from the evidence (the run's own times otherwise). */
export function auditPeriod(run: RunRecord, results: ShopResult[]): { from: string; to: string } {
  const starts = results
    .map((r) => r.crawl.startedAt)
    .filter(Boolean)
    .sort();
  const ends = results
    .map((r) => r.crawl.finishedAt)
    .filter(Boolean)
    .sort();
  return {
    from: starts[0] ?? run.startedAt,
    to: ends[ends.length - 1] ?? run.finishedAt ?? run.startedAt,
  };
}

/** How many of each value, most first: "NL 8, DE 2". */
export function tally(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([value, n]) => `${value} ${n}`)
    .join(', ');
}
