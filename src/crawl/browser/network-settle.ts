import type { Page, Request } from 'playwright';

export interface NetworkTracker {
  /** Resolves once no request has been in flight for `quietMs`, or after `maxMs` whatever happens. */
  settled(quietMs: number, maxMs: number): Promise<void>;
  /** When the page's last request ended, if none is in flight now; else null. */
  quietSince(): number | null;
}

/**
 * Counts a page's requests from before its navigation, so a late script-written block (an XHR
 * that fills the footer) is waited for, while a page that is already quiet costs only `quietMs`
 * instead of the 500 ms of silence Playwright's `networkidle` insists on. Requests are tracked
 * one by one, so one that the tab's previous page left unfinished (and that ends
 * later as failed) does not skew the count.
 */
export function trackNetwork(page: Page): NetworkTracker {
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const started = (request: Request) => {
    inFlight.add(request);
    lastActivity = Date.now();
  };
  const ended = (request: Request) => {
    if (inFlight.delete(request)) lastActivity = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async settled(quietMs, maxMs) {
      const deadline = Date.now() + maxMs;
      while (Date.now() < deadline && !page.isClosed()) {
        if (inFlight.size === 0 && Date.now() - lastActivity >= quietMs) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    quietSince: () => (inFlight.size === 0 ? lastActivity : null),
  };
}
