import type { ObserveOptions } from '../audit/index.js';
import type { CrawlResult } from '../crawl/types.js';
import { buildEvidence } from '../evidence/build-evidence.js';
import { inferCountry } from '../evidence/country.js';
import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';

/** Evidence for a shop whose job failed for good (every attempt threw, or its workers kept dying). */
export function failedShopEvidence(
  target: ShopTarget,
  observe: ObserveOptions,
  reason: string,
  at = new Date(),
): ShopEvidence {
  const when = at.toISOString();
  const crawl: CrawlResult = {
    target,
    mode: observe.mode === 'browser' ? 'browser' : 'static',
    origin: null,
    startedAt: when,
    finishedAt: when,
    userAgent: observe.crawl.userAgent,
    robots: null,
    status: 'error',
    errors: [
      { url: target.url, stage: 'fetch', message: `the queue job failed: ${reason}`, code: 'JOB_FAILED' },
    ],
    pages: [],
  };
  const { country, source } = inferCountry({
    listCountry: target.country,
    optionCountry: observe.country,
    url: target.url,
    language: null,
  });
  return buildEvidence({
    target,
    requestedMode: observe.mode,
    crawls: [crawl],
    primary: crawl,
    observed: [],
    country,
    countrySource: source,
    language: null,
  });
}
