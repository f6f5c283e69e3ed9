import { failureFromNodeError, toCrawlError } from '../crawl-failure.js';
import { contactUrlsFromSitemaps, type SitemapFile } from '../discovery/sitemap-discovery.js';
import { wellKnownPathsFor } from '../discovery/well-known-paths.js';
import { fetchStatic } from '../fetch/static-fetch.js';
import { budgetLeft, type CrawlRun, contactsMissing, visit } from './crawl-run.js';

/** The well-known paths of shop systems, then the sitemaps, while phone or e-mail is missing. */
export async function fallback(run: CrawlRun): Promise<void> {
  await tryWellKnownPaths(run, wellKnownPathsFor(run.systems, run.wellKnown));
  if (!budgetLeft(run) || !(await contactsMissing(run))) return;
  await trySitemapUrls(run);
}

/**
 * Tries well-known paths in order, at most the vocabulary's `maxTries` requests, each recorded as
 * not linked. Stops when the pages now show a phone number and an e-mail address.
 */
async function tryWellKnownPaths(run: CrawlRun, paths: string[]): Promise<void> {
  const { shop } = run;
  let tries = 0;
  for (const path of paths) {
    if (tries >= run.wellKnown.maxTries || !budgetLeft(run)) return;
    let url: string;
    try {
      url = new URL(path, run.homePage.finalUrl).href;
    } catch {
      continue;
    }
    if (shop.wasRequested(url)) continue;
    tries++;
    const errorsBefore = shop.errors.length;
    const snapshot = await visit(run, url, null, null, null, 'well-known-path');
    // A missing well-known path is expected, not an error of the crawl.
    if (!snapshot) {
      const kept = shop.errors.splice(errorsBefore).filter((e) => !e.code?.startsWith('HTTP_4'));
      shop.errors.push(...kept);
      continue;
    }
    if (!(await contactsMissing(run))) return;
  }
}

/** Contact-like URLs listed in the sitemaps (from robots.txt, else /sitemap.xml), each visited as not linked. */
async function trySitemapUrls(run: CrawlRun): Promise<void> {
  const homeUrl = run.homePage.finalUrl;
  const sitemapSources = (await run.robots.rulesFor(homeUrl))?.sitemaps ?? [];
  const fromSitemaps = await contactUrlsFromSitemaps(
    homeUrl,
    sitemapSources,
    (url) => fetchSitemap(run, url),
    run.options.maxBytes,
    run.words,
  );
  for (const url of fromSitemaps) {
    if (!budgetLeft(run)) break;
    if (!run.shop.wasRequested(url)) await visit(run, url, null, null, null, 'sitemap');
  }
}

async function fetchSitemap(run: CrawlRun, url: string): Promise<SitemapFile | null> {
  const { signal } = run;
  if (!(await run.robots.allow(url))) return null;
  try {
    const response = await fetchStatic(url, {
      options: run.options,
      scheduler: run.env.scheduler,
      signal,
      accept: 'text',
      hostDelayMs: run.robots.crawlDelay,
    });
    return { bytes: response.bytes, body: response.body };
  } catch (err) {
    const failure = failureFromNodeError(err);
    if (failure.httpStatus !== 404 && !signal.aborted)
      run.shop.errors.push({ ...toCrawlError(url, failure), stage: 'discover' });
    return null;
  }
}
