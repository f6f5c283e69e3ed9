import { failureFromNodeError, toCrawlError } from '../crawl-failure.js';
import { hasContactCandidates } from '../discovery/contact-candidates.js';
import type { FetchedPage, PageFetcher } from '../fetch/page-fetcher.js';
import type { CrawlError, PageSnapshot } from '../types.js';

/** At most this many pages are rendered again at the phone viewport. */
export const MAX_MOBILE_PAGES = 5;

/** The desktop pages worth a second look on a phone: rendered, first view (no reveal click), contact data seen. */
export function mobilePassPages(pages: PageSnapshot[]): PageSnapshot[] {
  const chosen: PageSnapshot[] = [];
  for (const page of pages) {
    if (chosen.length >= MAX_MOBILE_PAGES) break;
    if (page.fetchedWith !== 'browser' || page.viewport === 'mobile' || page.afterInteraction) continue;
    if (page.html !== '' && hasContactCandidates(page.html)) chosen.push(page);
  }
  return chosen;
}

/**
 * Renders the chosen pages again at the phone viewport. A failure is recorded and the pass goes
 * on; the watchdog's signal ends it.
 */
export async function runMobilePass(
  pages: PageSnapshot[],
  fetcher: PageFetcher,
  signal: AbortSignal,
  add: (fetched: FetchedPage, desktop: PageSnapshot) => void,
  recordError: (error: CrawlError) => void,
): Promise<void> {
  if (!fetcher.fetchMobile) return;
  for (const desktop of mobilePassPages(pages)) {
    if (signal.aborted) return;
    try {
      add(await fetcher.fetchMobile(desktop.finalUrl, signal), desktop);
    } catch (err) {
      if (signal.aborted) return;
      recordError({
        ...toCrawlError(desktop.finalUrl, failureFromNodeError(err)),
        code: 'MOBILE_PASS_FAILED',
      });
    }
  }
}
