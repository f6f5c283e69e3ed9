import {
  BrowserNotFoundError,
  type CrawlEnvironment,
  createBrowserPageFetcher,
  MAX_NEEDLES,
  type PageFetcher,
  screenshotsWanted,
  type TextNeedle,
} from '../crawl/index.js';
import type { CrawlOptions, PageSnapshot, ScreenshotMissing } from '../crawl/types.js';
import type { ObservedPage } from '../evidence/build-evidence.js';
import type { LimitNote, PageLimit, Sighting } from '../extract/types.js';

/** Why a page has no screenshot; the shop page words each code. */
export const MISSING = {
  off: { code: 'off' },
  noBrowser: { code: 'no-browser' },
  browserFailed: (detail: string): ScreenshotMissing => ({ code: 'browser-failed', detail }),
  renderFailed: (detail: string): ScreenshotMissing => ({ code: 'render-failed', detail }),
  outOfTime: { code: 'out-of-time' },
  afterClick: { code: 'after-click' },
  overLimit: (detail: string): ScreenshotMissing => ({ code: 'over-limit', detail }),
} as const satisfies Record<string, ScreenshotMissing | ((detail: string) => ScreenshotMissing)>;

const DOCUMENT_TYPE = /^application\/pdf\b/i;

/**
 * Caps that mark a page as an amplifier (a wall of number-like text): the browser would spend on
 * laying it out again what the cap saved the extraction, so it gets no render after the crawl.
 */
const AMPLIFIER_LIMITS: ReadonlySet<PageLimit> = new Set(['candidate-numbers', 'sightings']);

/** The amplifier caps a page hit, as `limit found/max`; empty when it hit none. */
function amplifierCaps(limits: LimitNote[] | undefined): string {
  return (limits ?? [])
    .filter((note) => AMPLIFIER_LIMITS.has(note.limit))
    .map((note) => `${note.limit} ${note.found}/${note.max}`)
    .join(', ');
}

/**
 * The pages a rated shop must show a screenshot of: the home page and every page where a phone
 * number or e-mail address was seen. Phone-sized renders of the mobile pass and documents (PDFs)
 * are left out.
 */
export function pagesWantingScreenshots(observed: ObservedPage[]): ObservedPage[] {
  return observed.filter(({ snapshot, observations }, index) => {
    if (snapshot.viewport === 'mobile' || observations.kind === 'document') return false;
    if (snapshot.contentType && DOCUMENT_TYPE.test(snapshot.contentType)) return false;
    return index === 0 || observations.sightings.length > 0;
  });
}

/** A shown sighting's texts to find in the render, and which occurrence of its text on the page it is. */
function needlesOf(sightings: Sighting[]): Array<{ sighting: Sighting; needle: TextNeedle }> {
  const occurrences = new Map<string, number>();
  const out: Array<{ sighting: Sighting; needle: TextNeedle }> = [];
  for (const sighting of sightings) {
    const nth = occurrences.get(sighting.raw) ?? 0;
    occurrences.set(sighting.raw, nth + 1);
    // A hidden sighting gets no crop: a box found in the render would show another occurrence.
    if (sighting.visible === false || sighting.box || out.length >= MAX_NEEDLES) continue;
    const texts = [...new Set([sighting.raw, sighting.value])];
    out.push({ sighting, needle: { texts, nth } });
  }
  return out;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}

/** Each host's robots.txt Crawl-delay, as the crawl read it (the run's robots.txt cache answers). */
async function crawlDelays(
  urls: string[],
  options: CrawlOptions,
  env: CrawlEnvironment,
  signal: AbortSignal,
): Promise<Map<string, number>> {
  const delays = new Map<string, number>();
  if (!options.obeyRobots) return delays;
  for (const origin of new Set(urls.map((url) => new URL(url).origin))) {
    const rules = await env
      .robots(origin, { options, scheduler: env.scheduler, signal, hostDelayMs: () => 0 })
      .catch(() => null);
    if (rules) delays.set(new URL(origin).host, rules.crawlDelayMs);
  }
  return delays;
}

async function openFetcher(
  env: CrawlEnvironment,
  options: CrawlOptions,
  delays: Map<string, number>,
): Promise<{ fetcher: PageFetcher } | { missing: ScreenshotMissing }> {
  try {
    const browser = await env.browser();
    const delayOf = (host: string) => delays.get(host) ?? 0;
    const fetcher = await createBrowserPageFetcher(browser, options, env.scheduler, delayOf, {
      onWedged: (reason) => env.discardBrowser(reason),
    });
    return { fetcher };
  } catch (error) {
    if (error instanceof BrowserNotFoundError) return { missing: MISSING.noBrowser };
    return { missing: MISSING.browserFailed(firstLine(error)) };
  }
}

/**
 * The evidence render, once the crawl and extraction are done: every page that should have a
 * screenshot and has none (a static page, or a rendered one the crawl did not shoot) is rendered
 * once more in the browser and shot, and the boxes of its shown phone numbers and e-mail addresses
 * are measured in that same render, so the shop page can crop them. The render only shows what the
 * crawl read: the page's facts stay those of its crawl fetch, and the screenshot is marked
 * `after-crawl`. A page without a screenshot records why (no browser, screenshots off, a failed
 * render, a page that hit an amplifier cap); nothing here ever fails the shop. Without an artifacts folder (nothing is stored) it does
 * nothing at all.
 */
export async function renderEvidence(
  observed: ObservedPage[],
  options: CrawlOptions,
  env: CrawlEnvironment,
  signal?: AbortSignal,
): Promise<void> {
  if (!options.artifactsDir) return;
  const lacking = pagesWantingScreenshots(observed).filter(({ snapshot }) => !snapshot.screenshotPath);
  if (lacking.length === 0) return;
  const markMissing = (pages: ObservedPage[], why: ScreenshotMissing) => {
    for (const { snapshot } of pages) snapshot.screenshotMissing = { ...why };
  };
  if (!screenshotsWanted(options)) return markMissing(lacking, MISSING.off);
  markMissing(
    lacking.filter(({ snapshot }) => snapshot.afterInteraction),
    MISSING.afterClick,
  );
  const renderable: ObservedPage[] = [];
  for (const page of lacking) {
    if (page.snapshot.afterInteraction) continue;
    const caps = amplifierCaps(page.observations.limits);
    if (caps) page.snapshot.screenshotMissing = MISSING.overLimit(caps);
    else renderable.push(page);
  }
  if (renderable.length === 0) return;

  // The renders get a watchdog of their own, as long as the crawl's.
  const budget = AbortSignal.timeout(options.shopTimeoutMs);
  const stop = signal ? AbortSignal.any([signal, budget]) : budget;
  const browserOptions: CrawlOptions = { ...options, mode: 'browser' };
  const delays = await crawlDelays(
    renderable.map(({ snapshot }) => snapshot.finalUrl),
    browserOptions,
    env,
    stop,
  );
  const opened = await openFetcher(env, browserOptions, delays);
  if ('missing' in opened) return markMissing(renderable, opened.missing);
  const { fetcher } = opened;
  try {
    for (const page of renderable) {
      if (stop.aborted) {
        page.snapshot.screenshotMissing = { ...MISSING.outOfTime };
        continue;
      }
      await renderOne(fetcher, page, stop);
    }
  } finally {
    await fetcher.close().catch(() => {});
  }
}

async function renderOne(fetcher: PageFetcher, page: ObservedPage, stop: AbortSignal): Promise<void> {
  const { snapshot, observations } = page;
  const wanted = needlesOf(observations.sightings);
  try {
    const rendered = await fetcher.fetch(snapshot.finalUrl, stop, {
      evidence: { needles: wanted.map((w) => w.needle) },
    });
    const shot = rendered as typeof rendered & Partial<PageSnapshot>;
    if (!shot.screenshotPath || !shot.screenshotSha256 || !shot.screenshotCapturedAt) {
      snapshot.screenshotMissing = MISSING.renderFailed('the screenshot could not be taken');
      return;
    }
    snapshot.screenshotPath = shot.screenshotPath;
    snapshot.screenshotSha256 = shot.screenshotSha256;
    snapshot.screenshotCapturedAt = shot.screenshotCapturedAt;
    snapshot.screenshotRender = 'after-crawl';
    rendered.located?.forEach((box, i) => {
      if (box && wanted[i]) wanted[i].sighting.box = box;
    });
  } catch (error) {
    snapshot.screenshotMissing = stop.aborted
      ? { ...MISSING.outOfTime }
      : MISSING.renderFailed(firstLine(error));
  }
}
