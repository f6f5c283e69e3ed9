import { BrowserNotFoundError, type CrawlEnvironment, crawlShop } from '../crawl/index.js';
import type { CrawlMode, CrawlOptions, CrawlResult, FetchMode } from '../crawl/types.js';
import { buildEvidence, type ObservedPage } from '../evidence/build-evidence.js';
import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import type { ReadableSelections } from '../rules/index.js';
import { contactCoverage } from './contact-coverage.js';
import { renderEvidence } from './evidence-render.js';
import { PageLostWithThreadError, sharedExtractPool } from './extract-pool.js';
import { PageReadings } from './page-readings.js';
import { shopSetting } from './shop-setting.js';

export interface ObserveOptions {
  mode: CrawlMode;
  crawl: Omit<CrawlOptions, 'mode'>;
  /** --country: the market when the list gives none. */
  country?: string;
  /**
   * The run's rules' `readable-phone` and `readable-email` selections: auto mode renders a shop
   * whose static pages show neither, and the crawl keeps looking for contact pages until they do.
   */
  readable: ReadableSelections;
}

const JUDGEABLE = new Set(['ok', 'partial']);

/**
 * Every page's extraction: most were read while the crawl went on; pages the crawl added without
 * telling (none today) are extracted now.
 */
async function observePages(crawl: CrawlResult, target: ShopTarget, readings: PageReadings) {
  const setting =
    (await readings.decidedSetting()) ??
    shopSetting(crawl.pages[0], target, crawl.origin, readings.optionCountry);
  const results = await Promise.all(
    crawl.pages.map(
      async (snapshot) => (await readings.resultFor(snapshot)) ?? readings.read(snapshot, setting),
    ),
  );
  const observed: ObservedPage[] = crawl.pages.map((snapshot, i) => ({
    snapshot,
    observations: results[i].observations,
  }));
  const needsRendering = results.some((result) => result.needsRendering === true);
  return {
    observed,
    country: setting.country,
    countrySource: setting.countrySource,
    language: setting.language,
    needsRendering,
  };
}

/**
 * The crawl's pages read. A page that could not be read (lost with a dying extraction thread, or
 * one whose extraction failed, say markup nested too deep) makes the shop's crawl an error: its
 * result would otherwise rest on pages nobody read, and one broken shop must not stop the run.
 */
export async function observeOrLose(crawl: CrawlResult, target: ShopTarget, readings: PageReadings) {
  try {
    return { crawl, observation: await observePages(crawl, target, readings) };
  } catch (error) {
    const lostPage = error instanceof PageLostWithThreadError;
    const lost: CrawlResult = {
      ...crawl,
      status: 'error',
      pages: [],
      // The crawl may have met the same failure reading the page's links: the reading's says why.
      errors: [
        ...crawl.errors.filter((e) => e.stage !== 'extract'),
        {
          url: lostPage ? error.url : crawl.target.url,
          stage: 'extract',
          message: lostPage ? error.message : `a page could not be extracted: ${firstLine(error)}`,
          code: lostPage ? error.code : 'EXTRACT_FAILED',
        },
      ],
    };
    return { crawl: lost, observation: await observePages(lost, target, readings) };
  }
}

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

/** Auto mode renders a shop in the browser when static fetching cannot judge it. */
function staticCannotJudge(
  crawl: CrawlResult,
  observed: ObservedPage[],
  needsRendering: boolean,
  readable: ReadableSelections,
): boolean {
  if (!JUDGEABLE.has(crawl.status)) return false;
  if (needsRendering) return true;
  const coverage = contactCoverage(observed, readable);
  return !coverage.phone || !coverage.email;
}

function crashedCrawl(target: ShopTarget, mode: FetchMode, error: unknown, startedAt: string): CrawlResult {
  return {
    target,
    mode,
    origin: null,
    startedAt,
    finishedAt: new Date().toISOString(),
    userAgent: '',
    robots: null,
    status: 'error',
    errors: [
      { url: target.url, stage: 'fetch', message: String((error as Error)?.message ?? error), code: 'CRASH' },
    ],
    pages: [],
  };
}

async function crawlSafely(
  target: ShopTarget,
  mode: FetchMode,
  options: ObserveOptions,
  env: CrawlEnvironment,
  readings: PageReadings,
  signal?: AbortSignal,
): Promise<CrawlResult> {
  const startedAt = new Date().toISOString();
  try {
    return await crawlShop(target, { ...options.crawl, mode }, env, signal, readings);
  } catch (error) {
    if (error instanceof BrowserNotFoundError) throw error;
    return crashedCrawl(target, mode, error, startedAt);
  }
}

/**
 * Gathers the evidence of one shop. Never throws for a broken shop: the problem becomes the crawl
 * status and errors. Only a missing browser in browser mode is a tool error.
 */
export async function observeShop(
  target: ShopTarget,
  options: ObserveOptions,
  env: CrawlEnvironment,
  signal?: AbortSignal,
): Promise<ShopEvidence> {
  const firstMode: FetchMode = options.mode === 'browser' ? 'browser' : 'static';
  const pool = await sharedExtractPool();
  const readingsFor = (judgeRendering: boolean) =>
    new PageReadings(pool, target, options.country, judgeRendering, options.readable);
  const firstReadings = readingsFor(options.mode === 'auto');
  const firstRead = await observeOrLose(
    await crawlSafely(target, firstMode, options, env, firstReadings, signal),
    target,
    firstReadings,
  );
  const first = firstRead.crawl;
  const crawls = [first];
  let primary = first;
  let observation = firstRead.observation;
  const extraErrors: ShopEvidence['crawl']['errors'] = [];

  if (
    options.mode === 'auto' &&
    staticCannotJudge(first, observation.observed, observation.needsRendering, options.readable)
  ) {
    try {
      const renderedReadings = readingsFor(false);
      const rendered = await crawlSafely(target, 'browser', options, env, renderedReadings, signal);
      crawls.push(rendered);
      if (JUDGEABLE.has(rendered.status)) {
        primary = rendered;
        observation = await observePages(rendered, target, renderedReadings);
      }
    } catch (error) {
      extraErrors.push({
        url: target.url,
        stage: 'render',
        message: (error as Error).message,
        code: 'NO_BROWSER',
      });
    }
  }

  if (JUDGEABLE.has(primary.status))
    await renderEvidence(observation.observed, { ...options.crawl, mode: primary.mode }, env, signal);

  return buildEvidence({
    target,
    requestedMode: options.mode,
    crawls,
    primary,
    observed: observation.observed,
    country: observation.country,
    countrySource: observation.countrySource,
    language: observation.language,
    extraErrors,
  });
}
