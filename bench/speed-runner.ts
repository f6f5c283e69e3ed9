/**
 * One contender of the speed benchmark, in its own process so that /proc can measure it alone.
 * Usage: node bench/.speed-runner.mjs RUNNER CONCURRENCY URLS_JSON_FILE (speed.ts compiles it from
 * this file), or tsx bench/speed-runner.ts … with SPEED_FROM_SOURCES=1.
 * Prints one JSON line: { shops, pages, elapsedMs, withContact }.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageSnapshot } from '../src/crawl/types.js';

/**
 * shopreach as users run it: the built code in dist/ (`npm run bench:speed` builds first), so the
 * extraction threads load plain JavaScript instead of compiling TypeScript through tsx in every
 * thread. SPEED_FROM_SOURCES=1 uses src/ instead.
 */
const codeRoot = process.env.SPEED_FROM_SOURCES ? '../src/' : '../dist/';
const load = <T>(path: string): Promise<T> =>
  import(new URL(codeRoot + path, import.meta.url).href) as Promise<T>;
const [
  { sharedExtractPool },
  { RuleSetProvider, runAudit },
  { CHROMIUM_ARGS },
  { locateBrowser },
  crawlModule,
] = await Promise.all([
  load<typeof import('../src/audit/extract-pool.js')>('audit/extract-pool.js'),
  load<typeof import('../src/audit/index.js')>('audit/index.js'),
  load<typeof import('../src/crawl/browser/browser-launch.js')>('crawl/browser/browser-launch.js'),
  load<typeof import('../src/crawl/browser/browser-locate.js')>('crawl/browser/browser-locate.js'),
  load<typeof import('../src/crawl/index.js')>('crawl/index.js'),
]);
const { createCrawlEnvironment, DEFAULT_CRAWL_OPTIONS } = crawlModule;
const { extractPage } = await load<typeof import('../src/extract/index.js')>('extract/index.js');
const { openStore } = await load<typeof import('../src/store/index.js')>('store/index.js');
const { loadSelections, readableSelectionsIn } =
  await load<typeof import('../src/rules/index.js')>('rules/index.js');
const { limitHeapGrowth } = await load<typeof import('../src/cli/heap-growth.js')>('cli/heap-growth.js');

export type RunnerName =
  | 'shopreach-static'
  | 'shopreach-browser'
  | 'shopreach-auto'
  | 'crawlee-cheerio'
  | 'crawlee-playwright';

export interface RunnerResult {
  shops: number;
  pages: number;
  elapsedMs: number;
  /** Shops where extraction found a phone number or e-mail address: a check that everyone did the work. */
  withContact: number;
}

const HOST_DELAY_MS = DEFAULT_CRAWL_OPTIONS.hostDelayMs;

/** Tells the parent that start-up (module loading, rule sets) is over, so it can set the CPU baseline. */
function announceStart(): void {
  process.stdout.write('start\n');
}

async function shopreach(
  mode: 'static' | 'browser' | 'auto',
  concurrency: number,
  urls: string[],
): Promise<RunnerResult> {
  // The CLI limits V8's heap growth as it starts (src/cli/main.ts): shopreach as users run it.
  limitHeapGrowth();
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'shopreach-speed-')), 'speed.sqlite'));
  const ruleSets = new RuleSetProvider();
  const targets = urls.map((url) => ({ key: url.replace(/\/$/, ''), url }));
  const runId = store.createRun({
    label: 'speed',
    kind: 'audit',
    ruleSet: ruleSets.get('eu'),
    options: {},
    toolVersion: 'bench',
    startedAt: new Date().toISOString(),
  });
  store.planShops(runId, targets);
  const env = createCrawlEnvironment();
  const result: RunnerResult = { shops: 0, pages: 0, elapsedMs: 0, withContact: 0 };
  // Extraction threads load their modules at start-up, like the runner's own module loading.
  const pool = await sharedExtractPool();
  process.stderr.write(`(${pool.threads} extraction threads) `);
  announceStart();
  const started = performance.now();
  await runAudit({
    store,
    runId,
    targets,
    concurrency,
    // The same five pages the Crawlee runners fetch: no phone-sized second pass, no evidence files.
    observe: {
      mode,
      crawl: { ...DEFAULT_CRAWL_OPTIONS, allowPrivateHosts: true, maxPages: 5, mobilePass: false },
      readable: readableSelectionsIn(loadSelections()),
    },
    ruleSets,
    env,
    onShopDone: (outcome) => {
      result.shops += 1;
      result.pages += outcome.evidence.pages.length;
      if (outcome.evidence.sightings.length > 0) result.withContact += 1;
    },
  });
  result.elapsedMs = performance.now() - started;
  await env.close();
  store.close();
  return result;
}

function snapshotOf(url: string, html: string, fetchedWith: 'static' | 'browser'): PageSnapshot {
  return {
    url,
    finalUrl: url,
    httpStatus: 200,
    contentType: 'text/html',
    fetchedWith,
    html,
    depth: null,
    via: null,
    fetchedAt: '',
    contentHash: '',
  };
}

async function crawlee(
  kind: 'cheerio' | 'playwright',
  concurrency: number,
  urls: string[],
): Promise<RunnerResult> {
  process.env.CRAWLEE_STORAGE_DIR = mkdtempSync(join(tmpdir(), 'crawlee-speed-'));
  process.env.CRAWLEE_LOG_LEVEL = 'WARNING';
  const { CheerioCrawler, Configuration, PlaywrightCrawler } = await import('crawlee');
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  const result: RunnerResult = { shops: urls.length, pages: 0, elapsedMs: 0, withContact: 0 };
  const withContact = new Set<string>();
  const record = (url: string, html: string, fetchedWith: 'static' | 'browser') => {
    const observations = extractPage(snapshotOf(url, html, fetchedWith), {
      country: 'NL',
      homeUrl: new URL('/', url).href,
    });
    result.pages += 1;
    if (observations.sightings.length > 0) withContact.add(new URL(url).host);
  };
  // The nearest Crawlee comes to shopreach's politeness: robots.txt obeyed, and a delay between two
  // requests to a host. Crawlee counts it from one request's start to the next one's and does not
  // pause after robots.txt; shopreach pauses from the end of one request (robots.txt included) to
  // the start of the next, so a 5-page shop takes it at least 5 × 250 ms against Crawlee's 4 × 250.
  // On tiny pages, where nobody is short of CPU, that difference decides the shops per minute.
  const common = {
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    sameDomainDelaySecs: HOST_DELAY_MS / 1000,
    respectRobotsTxtFile: true,
    maxRequestRetries: 1,
  };
  const requests = urls.map((url) => ({ url, userData: { home: true } }));
  announceStart();
  const started = performance.now();
  if (kind === 'cheerio') {
    const crawler = new CheerioCrawler(
      {
        ...common,
        requestHandler: async ({ request, body, enqueueLinks }) => {
          record(request.loadedUrl ?? request.url, body.toString(), 'static');
          if (request.userData.home)
            await enqueueLinks({ strategy: 'same-hostname', userData: { home: false } });
        },
      },
      config,
    );
    await crawler.run(requests);
  } else {
    const located = await locateBrowser();
    if (!located) throw new Error('no Chromium found for PlaywrightCrawler');
    const { chromium } = await import('playwright');
    const needsNoSandbox = typeof process.getuid === 'function' && process.getuid() === 0;
    const crawler = new PlaywrightCrawler(
      {
        ...common,
        headless: true,
        launchContext: {
          launcher: chromium,
          launchOptions: {
            executablePath: located.path,
            headless: true,
            args: [...CHROMIUM_ARGS, ...(needsNoSandbox ? ['--no-sandbox'] : [])],
          },
        },
        browserPoolOptions: { useFingerprints: false },
        requestHandler: async ({ request, page, enqueueLinks }) => {
          record(request.loadedUrl ?? request.url, await page.content(), 'browser');
          if (request.userData.home)
            await enqueueLinks({ strategy: 'same-hostname', userData: { home: false } });
        },
      },
      config,
    );
    await crawler.run(requests);
  }
  result.elapsedMs = performance.now() - started;
  result.withContact = withContact.size;
  return result;
}

export async function runRunner(
  name: RunnerName,
  concurrency: number,
  urls: string[],
): Promise<RunnerResult> {
  switch (name) {
    case 'shopreach-static':
      return shopreach('static', concurrency, urls);
    case 'shopreach-browser':
      return shopreach('browser', concurrency, urls);
    case 'shopreach-auto':
      return shopreach('auto', concurrency, urls);
    case 'crawlee-cheerio':
      return crawlee('cheerio', concurrency, urls);
    case 'crawlee-playwright':
      return crawlee('playwright', concurrency, urls);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  // tsx (SPEED_FROM_SOURCES=1) turns on source-mapped stack traces; the built CLI runs without them.
  // Playwright captures a stack trace for every call, so left on they would charge both browser
  // runners for tsx.
  process.setSourceMapsEnabled(false);
  const [name, concurrencyText, urlsFile] = process.argv.slice(2);
  const urls = JSON.parse(readFileSync(urlsFile, 'utf8')) as string[];
  const result = await runRunner(name as RunnerName, Number(concurrencyText), urls);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Idle a moment so the parent's /proc sampler sees this process's final CPU time.
  setTimeout(() => process.exit(0), 300);
}
